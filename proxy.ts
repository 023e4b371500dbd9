import { NextResponse, type NextRequest } from 'next/server';
import { createOAuth } from '@/lib/wix/clients';
import { describeWixError } from '@/lib/wix/errors';
import {
  SESSION_COOKIE,
  encodeSession,
  needsRefresh,
  parseSession,
  sessionCookieAttributes,
} from '@/lib/wix/session';
import { SESSION_ENDED_HEADER } from '@/lib/wix/session-headers';

/**
 * Keeps the session cookie usable before any page or route reads it. Server components cannot write
 * cookies, so this is where an expiring member token is renewed and written back, and where a cookie we
 * cannot read is cleared. A refresh Wix refuses ends the session visibly instead of letting the SDK
 * fall back to anonymous tokens behind our back.
 */
export async function proxy(request: NextRequest) {
  request.headers.delete(SESSION_ENDED_HEADER);
  const session = parseSession(request.cookies.get(SESSION_COOKIE)?.value);

  if (session.status === 'absent') return NextResponse.next({ request: { headers: request.headers } });
  if (session.status === 'invalid') return withoutSession(request, false);
  if (session.role !== 'member' || !needsRefresh(session.tokens)) {
    return NextResponse.next({ request: { headers: request.headers } });
  }

  try {
    const renewed = await createOAuth().renewToken(session.tokens.refreshToken);
    const value = encodeSession(renewed);
    request.cookies.set(SESSION_COOKIE, value);
    const response = NextResponse.next({ request: { headers: request.headers } });
    response.cookies.set(SESSION_COOKIE, value, sessionCookieAttributes);
    return response;
  } catch (error) {
    console.warn(`[session] refresh refused, signing out: ${describeWixError(error)}`);
    return withoutSession(request, true);
  }
}

function withoutSession(request: NextRequest, ended: boolean) {
  request.cookies.delete(SESSION_COOKIE);
  if (ended) request.headers.set(SESSION_ENDED_HEADER, '1');
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(SESSION_COOKIE, '', { ...sessionCookieAttributes, maxAge: 0 });
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|embed.js).*)'],
};
