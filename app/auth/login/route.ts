import { NextResponse, type NextRequest } from 'next/server';
import { appOrigin } from '@/lib/wix/app-origin';
import { createOAuth } from '@/lib/wix/clients';
import { describeWixError } from '@/lib/wix/errors';
import {
  OAUTH_FLOW_COOKIE,
  SESSION_COOKIE,
  encodeOAuthFlow,
  encodeSession,
  oauthFlowCookieAttributes,
  parseSession,
  safeReturnPath,
  sessionCookieAttributes,
} from '@/lib/wix/session';

/**
 * Starts the PKCE login: the verifier stays in a short-lived httpOnly cookie, and the browser goes to the
 * Wix-hosted login page. `returnTo` is honoured only as a path on this origin.
 */
export async function GET(request: NextRequest) {
  const origin = appOrigin(request.url);
  const returnTo = safeReturnPath(request.nextUrl.searchParams.get('returnTo'));
  const session = parseSession(request.cookies.get(SESSION_COOKIE)?.value);
  const auth = createOAuth(session.status === 'valid' ? session.tokens : undefined);

  const flow = auth.generateOAuthData(`${origin}/auth/callback`, returnTo);
  let authUrl: string;
  try {
    ({ authUrl } = await auth.getAuthUrl(flow, { responseMode: 'query', prompt: 'login' }));
  } catch (error) {
    console.error(`[auth] could not start login: ${describeWixError(error)}`);
    return NextResponse.redirect(new URL('/auth/error?reason=login_unavailable', origin), 303);
  }

  const response = NextResponse.redirect(authUrl, 303);
  response.cookies.set(OAUTH_FLOW_COOKIE, encodeOAuthFlow(flow), oauthFlowCookieAttributes);
  // The redirect session needed visitor tokens; keeping them spares the next login a token round trip.
  if (session.status !== 'valid' || session.role === 'visitor') {
    response.cookies.set(SESSION_COOKIE, encodeSession(auth.getTokens()), sessionCookieAttributes);
  }
  return response;
}
