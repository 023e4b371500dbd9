/**
 * Only a path on this same origin may be a post-login or post-logout destination; anything else (other
 * hosts, protocol-relative `//evil`, backslash tricks, `javascript:`) falls back to the home page.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = '/'): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) {
    return fallback;
  }
  const base = 'http://same-origin.invalid';
  try {
    const url = new URL(candidate, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
