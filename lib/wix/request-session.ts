import 'server-only';
import { cookies, headers } from 'next/headers';
import { SESSION_COOKIE, parseSession } from './session';
import { SESSION_ENDED_HEADER } from './session-headers';
import type { SessionInput } from './loyalty';

/** The session of the request being rendered, as the proxy left it. */
export async function readRequestSession(): Promise<{ session: SessionInput; sessionEnded: boolean }> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const parsed = parseSession(cookieStore.get(SESSION_COOKIE)?.value);
  return {
    session: parsed.status === 'valid' ? { tokens: parsed.tokens, role: parsed.role } : null,
    sessionEnded: headerStore.get(SESSION_ENDED_HEADER) === '1',
  };
}
