import type { NextRequest } from 'next/server';
import type { CheckoutErrorCode } from '@/lib/errors/codes';
import { loadWidget, type LoadedWidget } from '@/lib/embed/widget-data';
import { recordCheckoutApply } from '@/lib/observability/metrics';
import { withinClientLimit, withinMemberLimit } from '@/lib/rate-limit/earn-limits';
import { readSession } from '@/lib/session/request-session';
import { applyPointsToCheckout, type CheckoutApplyResult } from '@/lib/wix/checkout-points-apply';
import { loadProgramSnapshot } from '@/lib/wix/site-catalog';
import type { SessionState } from '@/lib/session/cookies';
import { readWidgetInput, readWidgetRequest, renderLoaded, widgetReply } from '../../widget-response';
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
  const widget = readWidgetRequest(request);
  const session = await readSession('embedded');
  const result = await applyWithLimits(session, post.input, request.headers.get('x-forwarded-for'));
  recordCheckoutApply(result);

  if (!result.ok) {
    const loaded = await loadWidget('checkout', session, checkoutId);
    return widgetReply(await renderLoaded(widget, withOutcome(loaded, result.code)), result.code);
  }
  const pointsName = (await loadProgramSnapshot().catch(() => null))?.program.pointsName ?? 'Points';
  const content = {
    view: 'checkout' as const,
    state: result.view,
    pointsName,
    outcome: { ok: true as const },
  };
  const rendered = await renderLoaded(widget, { content, sessionRejected: false });
  const { id: discountId, status } = result.discount;
  return widgetReply(rendered, null, { discount: { checkoutId, discountId, status } });
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

/** The view as it is after a refusal, saying why. */
function withOutcome(loaded: LoadedWidget, code: CheckoutErrorCode): LoadedWidget {
  if (loaded.content.view !== 'checkout') return loaded;
  return { ...loaded, content: { ...loaded.content, outcome: { ok: false, code } } };
}
