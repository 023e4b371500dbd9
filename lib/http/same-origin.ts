/**
 * Whether a request came from a page of this app, by its `Origin`: the same rule as Next's own server-action
 * check, the `Origin` host against the host the request was sent to (`X-Forwarded-Host` behind a proxy).
 * Browsers send `Origin` with every POST and every cross-origin fetch; `absent` is for callers to decide.
 */
export function originOf(request: Request): 'same' | 'foreign' | 'absent' {
  const origin = request.headers.get('origin');
  if (origin === null) return 'absent';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return origin !== 'null' && new URL(origin).host === host ? 'same' : 'foreign';
  } catch {
    return 'foreign';
  }
}
