import { NextResponse, type NextRequest } from 'next/server';
import { appOrigin } from '@/lib/wix/app-origin';
import { createOAuth } from '@/lib/wix/clients';
import { describeWixError } from '@/lib/wix/errors';
import { SESSION_COOKIE, parseSession, safeReturnPath, sessionCookieAttributes } from '@/lib/wix/session';

/**
 * POST only, so a prefetch or an image tag cannot sign anyone out. Our cookie is cleared first; then the
 * browser passes through Wix's logout so the hosted login forgets the member too.
 */
export async function POST(request: NextRequest) {
  const origin = appOrigin(request.url);
  const form = await request.formData().catch(() => null);
  const returnTo = new URL(safeReturnPath(form?.get('returnTo')?.toString()), origin).toString();
  const session = parseSession(request.cookies.get(SESSION_COOKIE)?.value);

  let destination = returnTo;
  if (session.status === 'valid') {
    try {
      ({ logoutUrl: destination } = await createOAuth(session.tokens).logout(returnTo));
    } catch (error) {
      console.warn(`[auth] Wix logout unavailable, signing out locally: ${describeWixError(error)}`);
    }
  }

  const response = NextResponse.redirect(destination, 303);
  response.cookies.set(SESSION_COOKIE, '', { ...sessionCookieAttributes, maxAge: 0 });
  return response;
}
