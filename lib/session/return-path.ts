/**
 * The longest destination we remember across a sign-in. It travels in the OAuth flow cookie beside the PKCE
 * verifier and state, and browsers drop cookies over 4 KB, which would break the sign-in.
 */
export const MAX_RETURN_PATH_LENGTH = 1024;

const SAME_ORIGIN_BASE = 'http://same-origin.invalid';

/** A path that a browser or `new URL` would read as another host: `//host` or `/\host`. */
const looksProtocolRelative = (path: string) => /^\/[\\/]/.test(path);

/**
 * Only a path on this same origin may be a post-login or post-logout destination; anything else (other
 * hosts, protocol-relative `//evil`, backslash tricks, `javascript:`) falls back to the home page. The path
 * is normalised first (dot segments, percent-encoded dots) and what comes out is checked, because that is
 * what the redirect will carry: `/.//evil.example` normalises to `//evil.example`.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = '/'): string {
  if (!candidate || !candidate.startsWith('/') || candidate.length > MAX_RETURN_PATH_LENGTH) return fallback;
  if (looksProtocolRelative(candidate) || candidate.includes('\\')) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, SAME_ORIGIN_BASE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (
    url.origin !== SAME_ORIGIN_BASE ||
    looksProtocolRelative(path) ||
    path.length > MAX_RETURN_PATH_LENGTH
  ) {
    return fallback;
  }
  return path;
}
