/**
 * A referral code as it travels: in a link's `?ref=` or a widget's `data-referral-code`. Wix makes each code
 * 12 letters and digits ("GxpxwAoMqxH8", the Referring Customer object's `referralCode`), so anything else is
 * not a code: it is refused as null and never echoed back, logged or sent on to Wix.
 */

const REFERRAL_CODE = /^[A-Za-z0-9]{12}$/;

/** The query parameter a referral link carries its code in. */
export const REFERRAL_PARAM = 'ref';

/** The code when `value` is one exactly as Wix writes it (no trimming, no case change), else null. */
export function parseReferralCode(value: unknown): string | null {
  return typeof value === 'string' && REFERRAL_CODE.test(value) ? value : null;
}

/**
 * The code a page's address carries in `?ref=`, or null: none, a malformed one, or more than one (a link that
 * names two referrers names none).
 */
export function referralCodeFromUrl(url: string | URL): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const codes = parsed.searchParams.getAll(REFERRAL_PARAM);
  return codes.length === 1 ? parseReferralCode(codes[0]) : null;
}

/**
 * The member's link: the landing page with `?ref=CODE`, its other parameters kept and any earlier `ref`
 * replaced. Null when the code is malformed or the landing page is not an http(s) address, so a bad value
 * from upstream never becomes a link a member shares.
 */
export function referralLink(landingUrl: string, code: string): string | null {
  const valid = parseReferralCode(code);
  if (!valid) return null;
  let url: URL;
  try {
    url = new URL(landingUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.searchParams.set(REFERRAL_PARAM, valid);
  return url.toString();
}
