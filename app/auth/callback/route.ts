import { NextResponse, type NextRequest } from 'next/server';
import { clearOAuthFlow, writeSession } from '@/lib/session/cookie-writer';
import { OAUTH_FLOW_COOKIE, parseOAuthFlow } from '@/lib/session/cookies';
import { safeReturnPath } from '@/lib/session/return-path';
import { appOrigin } from '@/lib/wix/app-origin';
import { finishLogin } from '@/lib/wix/auth';
import { finishPopupLogin } from '../popup/popup-response';

/**
 * Finishes the login: Wix's answer is checked against the flow cookie and the code traded for member tokens
 * before any session is set. Every failure lands on a readable error page with no session set. A login an
 * embedded widget started in a popup ends in that popup instead, handing the session to the widget.
 */
export async function GET(request: NextRequest) {
  const origin = appOrigin(request.url);
  const flow = parseOAuthFlow(request.cookies.get(OAUTH_FLOW_COOKIE)?.value);
  const login = await finishLogin(request.url, flow);
  if (flow?.handoffNonce) return finishPopupLogin(login, flow.handoffNonce, origin);

  const destination = login.ok ? safeReturnPath(login.returnTo) : `/auth/error?reason=${login.code}`;
  const response = NextResponse.redirect(new URL(destination, origin), 303);
  if (login.ok) writeSession(response.cookies, login.tokens);
  clearOAuthFlow(response.cookies);
  return response;
}
