import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { clearSession } from './cookie-writer';
import {
  SESSION_COOKIE,
  SESSION_ENDED_HEADER,
  parseSession,
  toSessionState,
  type SessionState,
} from './cookies';

/**
 * The session of the request being handled, as the proxy left it. Cached per request, so every section of
 * a page sees the same tokens object and per-request caches keyed on it share their Wix calls.
 */
export const readSession = cache(async (): Promise<SessionState> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return toSessionState(
    parseSession(cookieStore.get(SESSION_COOKIE)?.value),
    headerStore.get(SESSION_ENDED_HEADER),
  );
});

/** Clears the session cookie from a server action or route handler, the only places that can write cookies. */
export async function clearRequestSession(): Promise<void> {
  clearSession(await cookies());
}
