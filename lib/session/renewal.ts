import { NextResponse, type NextRequest } from 'next/server';
import { renewMemberTokens } from '@/lib/wix/auth';
import { clearSession, writeSession } from './cookie-writer';
import { SESSION_COOKIE, SESSION_ENDED_HEADER, encodeSession, needsRefresh, parseSession } from './cookies';

/**
 * Keeps the session cookie usable before any page or route reads it. Server components cannot write
 * cookies, so this is where an expiring member token is renewed and written back, where a cookie we cannot
 * read is cleared, and where a refresh Wix refuses ends the session visibly instead of letting the SDK fall
 * back to anonymous tokens behind our back.
 */
export async function keepSessionUsable(request: NextRequest): Promise<NextResponse> {
  request.headers.delete(SESSION_ENDED_HEADER);
  const stored = parseSession(request.cookies.get(SESSION_COOKIE)?.value);

  if (stored.status === 'unreadable') return withoutSession(request, { ended: false });
  if (stored.status !== 'member' || !needsRefresh(stored.tokens)) return pass(request);

  const renewed = await renewMemberTokens(stored.tokens);
  // An outage keeps the cookie: the member context reports an expired token as unavailable, and the next
  // request tries the renewal again.
  if (!renewed.ok)
    return renewed.reason === 'refused' ? withoutSession(request, { ended: true }) : pass(request);
  request.cookies.set(SESSION_COOKIE, encodeSession(renewed.tokens));
  const response = pass(request);
  writeSession(response.cookies, renewed.tokens);
  return response;
}

/** Lets the request through with the headers and cookies as this module left them. */
function pass(request: NextRequest): NextResponse {
  return NextResponse.next({ request: { headers: request.headers } });
}

function withoutSession(request: NextRequest, { ended }: { ended: boolean }): NextResponse {
  request.cookies.delete(SESSION_COOKIE);
  if (ended) request.headers.set(SESSION_ENDED_HEADER, '1');
  const response = pass(request);
  clearSession(response.cookies);
  return response;
}
