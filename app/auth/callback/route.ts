import { NextResponse, type NextRequest } from 'next/server';
import { appOrigin } from '@/lib/wix/app-origin';
import { createOAuth } from '@/lib/wix/clients';
import { describeWixError } from '@/lib/wix/errors';
import {
  OAUTH_FLOW_COOKIE,
  SESSION_COOKIE,
  encodeSession,
  oauthFlowCookieAttributes,
  parseOAuthFlow,
  safeReturnPath,
  sessionCookieAttributes,
} from '@/lib/wix/session';

/**
 * Finishes the login: checks `state` against the flow cookie, trades the code and PKCE verifier for
 * member tokens, and only then sets the session. Every failure lands on a readable error page with no
 * session set.
 */
export async function GET(request: NextRequest) {
  const origin = appOrigin(request.url);
  const flow = parseOAuthFlow(request.cookies.get(OAUTH_FLOW_COOKIE)?.value);
  const auth = createOAuth();
  const { code, state, error } = auth.parseFromUrl(request.url, 'query');

  const fail = (reason: string) => {
    const response = NextResponse.redirect(new URL(`/auth/error?reason=${reason}`, origin), 303);
    response.cookies.set(OAUTH_FLOW_COOKIE, '', { ...oauthFlowCookieAttributes, maxAge: 0 });
    return response;
  };

  if (error) return fail(error === 'access_denied' ? 'login_cancelled' : 'login_failed');
  if (!flow) return fail('login_expired');
  if (!code) return fail('missing_code');
  if (state !== flow.state) return fail('state_mismatch');

  let tokens;
  try {
    tokens = await auth.getMemberTokens(code, state, flow);
  } catch (cause) {
    console.warn(`[auth] code exchange refused: ${describeWixError(cause)}`);
    return fail('login_failed');
  }

  const response = NextResponse.redirect(new URL(safeReturnPath(flow.originalUri), origin), 303);
  response.cookies.set(SESSION_COOKIE, encodeSession(tokens), sessionCookieAttributes);
  response.cookies.set(OAUTH_FLOW_COOKIE, '', { ...oauthFlowCookieAttributes, maxAge: 0 });
  return response;
}
