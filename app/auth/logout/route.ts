import { NextResponse, type NextRequest } from 'next/server';
import { clearSession } from '@/lib/session/cookie-writer';
import { SESSION_COOKIE, parseSession } from '@/lib/session/cookies';
import { safeReturnPath } from '@/lib/session/return-path';
import { appOrigin } from '@/lib/wix/app-origin';
import { logoutDestination } from '@/lib/wix/auth';

/**
 * POST only, so a prefetch or an image tag cannot sign anyone out. Our cookie is cleared; the browser then
 * passes through Wix's logout so the hosted login forgets the member too.
 */
export async function POST(request: NextRequest) {
  const origin = appOrigin(request.url);
  const form = await request.formData().catch(() => null);
  const returnTo = new URL(safeReturnPath(form?.get('returnTo')?.toString()), origin).toString();
  const session = parseSession(request.cookies.get(SESSION_COOKIE)?.value);

  const tokens = session.status === 'member' ? session.tokens : null;
  const response = NextResponse.redirect(await logoutDestination(tokens, returnTo), 303);
  clearSession(response.cookies);
  return response;
}
