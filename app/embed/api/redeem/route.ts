import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { describeRedemption, redeemedCouponHtml } from '@/components/embed/rewards-html';
import { readSession } from '@/lib/session/request-session';
import { checkRewardId, redeemWithLimits } from '@/lib/wix/redeem-requests';
import { loadProgramSnapshot } from '@/lib/wix/site-catalog';
import {
  readWidgetInput,
  readWidgetRequest,
  renderContextFor,
  renderWidget,
  widgetReply,
} from '../../widget-response';

export const dynamic = 'force-dynamic';

/** Any object; the reward id in it is checked by the same rule as the rewards page's. */
const redeemInput = z.looseObject({ rewardId: z.unknown() });

/**
 * A redemption from the widget's rewards view: the rewards page's own path (`redeemWithLimits`: rate limits,
 * one redemption in flight per member, no repeat of the same reward within seconds). Only `rewardId` is read
 * from the body. The reply carries the view as it is now (balance, rewards, coupons), the new coupon's HTML
 * and what to announce, in the widget's language.
 */
export async function POST(request: NextRequest) {
  const post = await readWidgetInput(request, redeemInput);
  if (!post.ok) return post.reply;
  const widget = readWidgetRequest(request);
  const context = await renderContextFor(widget);
  const input = checkRewardId(post.input.rewardId);
  if (!input.ok) {
    return widgetReply(null, input.code, { announcement: describeRedemption(input, '', context.t) });
  }

  const session = await readSession('embedded');
  const result = await redeemWithLimits(session, input.rewardId, request.headers.get('x-forwarded-for'));
  // Read again whatever the answer: a refusal usually means the view was out of date.
  const [rendered, snapshot] = await Promise.all([
    renderWidget(widget, session),
    loadProgramSnapshot().catch(() => null),
  ]);
  const announcement = describeRedemption(result, snapshot?.program.pointsName ?? 'Points', context.t);
  if (!result.ok) return widgetReply(rendered, result.code, { announcement });
  return widgetReply({ ...rendered, balance: result.account.balance }, null, {
    announcement,
    redeemed: redeemedCouponHtml(result.coupon, context).markup,
  });
}
