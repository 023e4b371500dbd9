import { NextResponse, type NextRequest } from 'next/server';
import { writeOAuthFlow } from '@/lib/session/cookie-writer';
import { HANDOFF_NONCE_PATTERN } from '@/lib/session/cookies';
import { appOrigin } from '@/lib/wix/app-origin';
import { startLogin } from '@/lib/wix/auth';
import { finishPopupLogin } from './popup-response';

/**
 * Starts a sign-in for an embedded widget, in a top-level popup on this app's origin where the hosted login
 * works whatever the browser's third-party cookie rules. `nonce` is the one the widget generated; it rides in
 * the PKCE flow cookie to the callback, which hands the session back to that widget only.
 */
export async function GET(request: NextRequest) {
  const origin = appOrigin(request.url);
  const nonce = request.nextUrl.searchParams.get('nonce') ?? '';
  if (!HANDOFF_NONCE_PATTERN.test(nonce)) {
    return NextResponse.redirect(new URL('/auth/error?reason=LOGIN_EXPIRED', origin), 303);
  }
  const login = await startLogin(`${origin}/auth/callback`, '/', null);
  if (!login.ok) return finishPopupLogin(login, nonce, origin);

  const response = NextResponse.redirect(login.authUrl, 303);
  writeOAuthFlow(response.cookies, { ...login.flow, handoffNonce: nonce });
  return response;
}
