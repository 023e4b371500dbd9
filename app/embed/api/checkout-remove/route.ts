import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { recordCheckoutRemoval } from '@/lib/observability/metrics';
import { withinClientLimit } from '@/lib/rate-limit/earn-limits';
import type { SessionState } from '@/lib/session/cookies';
import { readSession } from '@/lib/session/request-session';
import { removeCheckoutDiscount, type CheckoutRemoveResult } from '@/lib/wix/checkout-points-remove';
import { checkoutReply } from '../../checkout-reply';
import { readWidgetInput, readWidgetRequest } from '../../widget-response';

export const dynamic = 'force-dynamic';

/** The checkout only: whose discount, and what comes back, are the server's to find. */
const removeInput = z.object({ checkoutId: z.guid() });

/**
 * Takes the loyalty discount off the member's checkout from the checkout view (its Remove button), under the
 * same one-at-a-time guard as an apply. Answers the view as it is now, the new balance and the discount, which
 * the frame script passes on to the host page as `loyalty:discount-removed`. The per-IP limit applies; the
 * per-member one does not: a removal needs an apply before it, which that limit already counts, so counting
 * removals too would only halve what a shopper changing their mind may do.
 */
export async function POST(request: NextRequest) {
  const post = await readWidgetInput(request, removeInput);
  if (!post.ok) return post.reply;
  const { checkoutId } = post.input;
  const session = await readSession('embedded');
  const result = await removeWithLimits(session, checkoutId, request.headers.get('x-forwarded-for'));
  recordCheckoutRemoval(result);
  return checkoutReply(readWidgetRequest(request), session, checkoutId, { action: 'remove', result });
}

async function removeWithLimits(
  session: SessionState,
  checkoutId: string,
  forwardedFor: string | null,
): Promise<CheckoutRemoveResult> {
  if (session.status !== 'member') return { ok: false, code: 'SIGN_IN_REQUIRED' };
  if (!(await withinClientLimit(forwardedFor))) return { ok: false, code: 'RATE_LIMITED' };
  return removeCheckoutDiscount(session, checkoutId);
}
