import type { NextRequest } from 'next/server';
import { recordCheckoutApply } from '@/lib/observability/metrics';
import { withinClientLimit, withinMemberLimit } from '@/lib/rate-limit/earn-limits';
import { readSession } from '@/lib/session/request-session';
import { applyPointsToCheckout, type CheckoutApplyResult } from '@/lib/wix/checkout-points-apply';
import type { SessionState } from '@/lib/session/cookies';
import { checkoutReply } from '../../checkout-reply';
import { readWidgetInput, readWidgetRequest } from '../../widget-response';
import { checkoutApplyInput, choiceOf } from './apply-input';

export const dynamic = 'force-dynamic';

/**
 * Applies the member's points to their checkout from the checkout view: a reward, a coupon or a number of
 * flexible points, with the same limits as a claim and the redemption's one-at-a-time guard. Answers the
 * view as it is now, the new balance and the discount, which the frame script passes on to the host page.
 */
export async function POST(request: NextRequest) {
  const post = await readWidgetInput(request, checkoutApplyInput);
  if (!post.ok) return post.reply;
  const { checkoutId } = post.input;
  const session = await readSession('embedded');
  const result = await applyWithLimits(session, post.input, request.headers.get('x-forwarded-for'));
  recordCheckoutApply(result);
  return checkoutReply(readWidgetRequest(request), session, checkoutId, { action: 'apply', result });
}

async function applyWithLimits(
  session: SessionState,
  input: Parameters<typeof choiceOf>[0],
  forwardedFor: string | null,
): Promise<CheckoutApplyResult> {
  if (session.status !== 'member') return { ok: false, code: 'SIGN_IN_REQUIRED' };
  if (!(await withinClientLimit(forwardedFor))) return { ok: false, code: 'RATE_LIMITED' };
  return applyPointsToCheckout(session, input.checkoutId, choiceOf(input), {
    guard: async (accountId) => ((await withinMemberLimit(accountId)) ? null : 'RATE_LIMITED'),
  });
}
