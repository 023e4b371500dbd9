import { NextResponse } from 'next/server';
import type { LoyaltyAccountResponse } from '@/lib/loyalty/api-contract';
import { clearSession } from '@/lib/session/cookie-writer';
import { loadLoyaltyCard } from '@/lib/wix/loyalty-card';
import { getMemberContext } from '@/lib/wix/member-context';

export const dynamic = 'force-dynamic';

/**
 * The card's view model for SWR revalidation. Visitors get 401 with the program, so the card can still
 * show the program's name; a session Wix rejected is cleared here, where cookies can be written.
 */
export async function GET() {
  const context = await getMemberContext();
  const result = await loadLoyaltyCard(context);
  const noStore = { 'Cache-Control': 'private, no-store' };

  const response = !result.ok
    ? NextResponse.json<LoyaltyAccountResponse>({ code: result.code }, { status: 503, headers: noStore })
    : result.view.status === 'visitor'
      ? NextResponse.json<LoyaltyAccountResponse>(
          { code: 'SIGN_IN_REQUIRED', view: result.view },
          { status: 401, headers: noStore },
        )
      : NextResponse.json<LoyaltyAccountResponse>({ view: result.view }, { headers: noStore });

  if (context.status === 'signed-out' && context.reason === 'rejected') clearSession(response.cookies);
  return response;
}
