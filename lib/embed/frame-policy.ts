/**
 * Who may put the app in a frame. Only the widget document, `/embed`, may be framed, and only by the
 * origins in `EMBED_ALLOWED_ORIGINS` (and the app itself); every other page and route refuses all framing,
 * so nothing else of the app can be clickjacked. The proxy stamps these headers on every response.
 */

export const EMBED_DOCUMENT_PATH = '/embed';

/**
 * The widget document loads one script of ours and talks only to this app; its styles are inline. With no
 * other source allowed, even a value that slipped past attribute validation could not load or run anything.
 */
const EMBED_CONTENT_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
];

export function securityHeadersFor(
  pathname: string,
  allowedOrigins: readonly string[],
): Record<string, string> {
  if (pathname === EMBED_DOCUMENT_PATH) {
    const ancestors = ["'self'", ...allowedOrigins].join(' ');
    return {
      'Content-Security-Policy': [`frame-ancestors ${ancestors}`, ...EMBED_CONTENT_POLICY].join('; '),
      // The widget's URL carries the host's origin and options; the pages it links to need none of it.
      'Referrer-Policy': 'no-referrer',
    };
  }
  return { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' };
}

/** One line for start-up: which sites may frame the widget. */
export function describeFramePolicy(allowedOrigins: readonly string[]): string {
  return allowedOrigins.length === 0
    ? 'EMBED_ALLOWED_ORIGINS is empty: only this app itself may frame /embed, so the widget cannot be embedded on another site'
    : `/embed may be framed by ${allowedOrigins.join(', ')} (EMBED_ALLOWED_ORIGINS) and this app itself`;
}
