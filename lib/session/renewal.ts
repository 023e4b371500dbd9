import { NextResponse, type NextRequest } from 'next/server';
import { renewMemberTokens } from '@/lib/wix/auth';
import { clearSession, writeSession } from './cookie-writer';
import { SESSION_COOKIE, encodeEndedSession, encodeSession, needsRefresh, parseSession } from './cookies';

/**
 * Keeps the session cookie usable before any page or route reads it. Server components cannot write
 * cookies, so this is where an expiring member token is renewed and written back, where a cookie we cannot
 * read is cleared, and where a refresh Wix refuses ends the session visibly instead of letting the SDK fall
 * back to anonymous tokens behind our back.
 */
export async function keepSessionUsable(request: NextRequest): Promise<NextResponse> {
  const stored = parseSession(request.cookies.get(SESSION_COOKIE)?.value);
  const pass = () => NextResponse.next({ request: { headers: request.headers } });

  switch (stored.status) {
    case 'none':
    case 'visitor':
      return pass();
    case 'unreadable':
    case 'ended': {
      request.cookies.delete(SESSION_COOKIE);
      const response = pass();
      clearSession(response.cookies);
      return response;
    }
    case 'member': {
      if (!needsRefresh(stored.tokens)) return pass();
      const renewed = await renewMemberTokens(stored.tokens);
      if (renewed.ok) {
        request.cookies.set(SESSION_COOKIE, encodeSession(renewed.tokens));
        const response = pass();
        writeSession(response.cookies, renewed.tokens);
        return response;
      }
      request.cookies.set(SESSION_COOKIE, encodeEndedSession());
      const response = pass();
      clearSession(response.cookies);
      return response;
    }
  }
}
