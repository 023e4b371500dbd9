/**
 * Who may read a credentialed cross-origin answer: only the exact origins the app was told to trust, each
 * echoed back alone (a credentialed answer may not say `*`), with `Vary: Origin` so no cache hands one
 * site's answer to another. A request without an `Origin` is not a browser's cross-origin request and gets
 * nothing either.
 */
export type CorsDecision =
  { allowed: true; headers: Record<string, string> } | { allowed: false; headers: Record<string, string> };

const VARY = { Vary: 'Origin' };

export function credentialedCors(origin: string | null, allowedOrigins: readonly string[]): CorsDecision {
  if (origin === null || !allowedOrigins.includes(origin)) return { allowed: false, headers: VARY };
  return {
    allowed: true,
    headers: {
      ...VARY,
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
    },
  };
}
