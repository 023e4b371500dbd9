import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { clearSession } from './cookie-writer';
import {
  parseSession,
  sessionCookieName,
  sessionEndedHeader,
  toSessionState,
  type CookieVariant,
  type SessionState,
} from './cookies';

const readSessionOf = cache(async (variant: CookieVariant): Promise<SessionState> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return toSessionState(
    parseSession(cookieStore.get(sessionCookieName(variant))?.value),
    headerStore.get(sessionEndedHeader(variant)),
  );
});

/**
 * The session of the request being handled, as the proxy left it: the app's own (`first-party`) or the
 * embedded widget's. Cached per request and variant, so every section of a page sees the same tokens object
 * and per-request caches keyed on it share their Wix calls.
 */
export function readSession(variant: CookieVariant = 'first-party'): Promise<SessionState> {
  return readSessionOf(variant);
}

/** Clears the session cookie from a server action or route handler, the only places that can write cookies. */
export async function clearRequestSession(variant?: CookieVariant): Promise<void> {
  clearSession(await cookies(), variant);
}
