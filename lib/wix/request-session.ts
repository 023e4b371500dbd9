import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { SESSION_COOKIE, parseSession } from './session';
import { SESSION_ENDED_HEADER } from './session-headers';
import type { SessionInput } from './loyalty';

/**
 * The session of the request being rendered, as the proxy left it. Cached per request so every section of
 * a page sees the same tokens object, which lets per-request caches keyed on it share their Wix calls.
 */
export const readRequestSession = cache(
  async (): Promise<{ session: SessionInput; sessionEnded: boolean }> => {
    const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
    const parsed = parseSession(cookieStore.get(SESSION_COOKIE)?.value);
    return {
      session: parsed.status === 'valid' ? { tokens: parsed.tokens, role: parsed.role } : null,
      sessionEnded: headerStore.get(SESSION_ENDED_HEADER) === '1',
    };
  },
);
