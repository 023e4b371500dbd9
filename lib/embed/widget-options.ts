import { currencyCode } from '@/lib/config/env';
import { parseReferralCode, REFERRAL_PARAM } from '@/lib/loyalty/referral-code';

/**
 * What a host page asked of a widget, read from the `/embed` URL that `embed.js` builds from the element's
 * `data-*` attributes. Everything here comes from a page we do not control, so each value is checked against
 * a closed list or a strict pattern, and anything else falls back to the default: a bad value is ignored,
 * never echoed into HTML or CSS.
 */

export const WIDGET_VIEWS = [
  'card',
  'earn',
  'rewards',
  'activity',
  'checkout',
  'tiers',
  'preview',
  'refer',
] as const;
export type WidgetView = (typeof WIDGET_VIEWS)[number];

export const WIDGET_THEMES = ['light', 'dark', 'auto'] as const;
export type WidgetTheme = (typeof WIDGET_THEMES)[number];

export type WidgetOptions = {
  view: WidgetView;
  theme: WidgetTheme;
  /** A CSS colour that passed `safeCssColor`, or null for the default accent. */
  accent: string | null;
  /** A locale Intl supports, or null to follow the browser's `Accept-Language`. */
  locale: string | null;
  /** The viewer's IANA time zone, for dates; UTC when the host sent none or a bad one. */
  timeZone: string;
  /** The page that framed the widget, when it is one we allow: the only target of the widget's messages. */
  hostOrigin: string | null;
  /** The host passed a signed member token: show a loading card until it is traded for a session. */
  awaitingMemberToken: boolean;
  /** A tab bar over the views (the launcher's panel), switching them in place. */
  nav: boolean;
  /** The view was opened from the card in place, so it offers a way back to it (not with the tab bar). */
  fromCard: boolean;
  /** The checkout view's checkout (`data-checkout-id`): a GUID, else null and the view says there is none. */
  checkoutId: string | null;
  /** The preview's order amount (`data-amount`), when it passed `orderAmount`; else null and no figure. */
  amount: number | null;
  /** The preview's currency (`data-currency`), an ISO 4217 code upper-cased; else null and no figure. */
  currency: string | null;
  /**
   * A referral code from the host page's `?ref=` or the widget's `data-referral-code`, by the same strict rule
   * as a link's (`parseReferralCode`); else null. A visitor sees the friend's welcome; it is recorded once they
   * sign in, and kept nowhere but this URL.
   */
  referralCode: string | null;
};

const MAX_VALUE_LENGTH = 64;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Wix id (a GUID); anything else is null. */
export function guidOrNull(value: string | null): string | null {
  return value !== null && GUID.test(value) ? value : null;
}

/** The largest order the preview gives a figure for: anything above is a typo or a test, not a basket. */
export const MAX_ORDER_AMOUNT = 1_000_000;

/**
 * Digits, then at most two decimals after a dot: what a price attribute holds. No sign, exponent, spaces,
 * thousands separators or a bare dot, so `1e3`, `-1`, `1,000` and `.5` never reach a figure.
 */
const DECIMAL_AMOUNT = /^\d{1,7}(?:\.\d{1,2})?$/;

/**
 * An order amount from a host page: a positive decimal with at most two places, at most 1,000,000; else
 * null. `embed.js` applies the same rule, so a bad amount never shows a figure on either side.
 */
export function orderAmount(value: string | null): number | null {
  if (value === null || !DECIMAL_AMOUNT.test(value)) return null;
  const amount = Number(value);
  return amount > 0 && amount <= MAX_ORDER_AMOUNT ? amount : null;
}

/** An ISO 4217 code, upper-cased; else null. */
export function currencyOrNull(value: string | null): string | null {
  const parsed = currencyCode.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTIONAL_COLOUR = /^(?:rgb|rgba|hsl|hsla)\(\s*[\d.]+%?(?:\s*[\s,/]\s*[\d.]+%?){2,3}\s*\)$/i;
const NAMED_COLOUR = /^[a-z]{3,24}$/i;

/**
 * A colour that can sit in a CSS declaration as is: a hex colour, `rgb()`/`hsl()` with plain numbers, or a
 * bare word (a named colour; an unknown word is a colour CSS ignores). No quotes, semicolons, braces, `url(`
 * or escapes can pass, so nothing can break out of the declaration.
 */
export function safeCssColor(value: string | null): string | null {
  if (!value || value.length > MAX_VALUE_LENGTH) return null;
  const trimmed = value.trim();
  return [HEX_COLOUR, FUNCTIONAL_COLOUR, NAMED_COLOUR].some((pattern) => pattern.test(trimmed))
    ? trimmed
    : null;
}

/** A BCP 47 tag that Intl can format numbers and dates in, canonicalised; else null. */
export function supportedLocale(value: string | null): string | null {
  if (!value || value.length > 35) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0 ? canonical : null;
  } catch {
    return null;
  }
}

/** An IANA time zone Intl knows; else UTC. */
export function supportedTimeZone(value: string | null): string {
  if (!value || value.length > MAX_VALUE_LENGTH) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

/**
 * Reads a widget's options from its URL. `framingOrigins` are the origins allowed to frame `/embed` (the
 * allow-list and the app's own): a host origin outside them gets no messages, whatever it claims.
 */
export function parseWidgetOptions(
  params: URLSearchParams,
  framingOrigins: readonly string[],
): WidgetOptions {
  const origin = params.get('origin');
  return {
    view: oneOf(WIDGET_VIEWS, params.get('view'), 'card'),
    theme: oneOf(WIDGET_THEMES, params.get('theme'), 'light'),
    accent: safeCssColor(params.get('accent')),
    locale: supportedLocale(params.get('locale')),
    timeZone: supportedTimeZone(params.get('tz')),
    hostOrigin: origin !== null && framingOrigins.includes(origin) ? origin : null,
    awaitingMemberToken: params.get('sso') === '1',
    nav: params.get('nav') === '1',
    fromCard: params.get('from') === 'card',
    checkoutId: guidOrNull(params.get('checkout')),
    amount: orderAmount(params.get('amount')),
    currency: currencyOrNull(params.get('currency')),
    referralCode: parseReferralCode(params.get(REFERRAL_PARAM)),
  };
}
