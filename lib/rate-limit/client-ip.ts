/**
 * The client's address, as far as the deployment can vouch for it. `X-Forwarded-For` is a list that every
 * proxy appends to, and its left end is whatever the client wrote, so only the entries added by proxies we
 * run can be trusted: with `trustedHops` proxies in front of the app, the client is the entry that many
 * places from the right. With none, the header is ignored: anyone could have written all of it, and Next
 * does not tell the socket's address apart from a forged header.
 *
 * Returns null when no trustworthy address exists; callers then skip the per-address limit rather than put
 * every shopper in one bucket that a single abuser could fill.
 */
export function clientIpFromForwardedFor(header: string | null, trustedHops: number): string | null {
  if (trustedHops < 1 || !header) return null;
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through all of them, so no entry is vouched for.
  if (entries.length < trustedHops) return null;
  return entries[entries.length - trustedHops] ?? null;
}
