import { NextResponse, type NextRequest } from 'next/server';
import { writeOAuthFlow, writeSession } from '@/lib/session/cookie-writer';
import { SESSION_COOKIE, parseSession } from '@/lib/session/cookies';
import { safeReturnPath } from '@/lib/session/return-path';
import { appOrigin } from '@/lib/wix/app-origin';
import { startLogin } from '@/lib/wix/auth';

/**
 * Starts the PKCE login: the verifier stays in a short-lived httpOnly cookie, and the browser goes to the
 * Wix-hosted login page. `returnTo` is honoured only as a path on this origin.
 */
export async function GET(request: NextRequest) {
  const origin = appOrigin(request.url);
  const returnTo = safeReturnPath(request.nextUrl.searchParams.get('returnTo'));
  const session = parseSession(request.cookies.get(SESSION_COOKIE)?.value);
  const existing = session.status === 'member' || session.status === 'visitor' ? session.tokens : null;

  const login = await startLogin(`${origin}/auth/callback`, returnTo, existing);
  if (!login.ok) return NextResponse.redirect(new URL(`/auth/error?reason=${login.code}`, origin), 303);

  const response = NextResponse.redirect(login.authUrl, 303);
  writeOAuthFlow(response.cookies, login.flow);
  if (session.status !== 'member') writeSession(response.cookies, login.visitorTokens);
  return response;
}
