import { NextResponse } from 'next/server';
import { loadLoyaltyCard } from '@/lib/wix/loyalty';
import { readRequestSession } from '@/lib/wix/request-session';
import { SESSION_COOKIE, sessionCookieAttributes } from '@/lib/wix/session';
import type { LoyaltyAccountResponse } from '@/lib/loyalty/api-contract';

export const dynamic = 'force-dynamic';

/**
 * The card's view model for SWR revalidation. Visitors get 401 with the program, so the card can still
 * show the program's name; a session Wix rejected is cleared here, where cookies can be written.
 */
export async function GET() {
  const { session, sessionEnded } = await readRequestSession();
  const result = await loadLoyaltyCard(session, sessionEnded);
  const noStore = { 'Cache-Control': 'private, no-store' };

  if (!result.ok) {
    const body: LoyaltyAccountResponse = {
      code: result.code,
      message: 'The loyalty service is not answering right now.',
    };
    return NextResponse.json(body, { status: 503, headers: noStore });
  }

  const { view } = result;
  const response =
    view.status === 'visitor'
      ? NextResponse.json<LoyaltyAccountResponse>(
          { code: 'SIGN_IN_REQUIRED', message: 'Sign in to see your points.', view },
          { status: 401, headers: noStore },
        )
      : NextResponse.json<LoyaltyAccountResponse>({ view }, { headers: noStore });

  if (result.sessionRejected)
    response.cookies.set(SESSION_COOKIE, '', { ...sessionCookieAttributes, maxAge: 0 });
  return response;
}
