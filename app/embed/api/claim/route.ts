import type { NextRequest } from 'next/server';
import { describeEarnResult, offerTitle, type FullTranslator } from '@/components/earn/earn-messages';
import { translatorFor } from '@/lib/i18n/translator';
import { z } from 'zod';
import { SOCIAL_CHANNELS, SOCIAL_PROFILES } from '@/lib/loyalty/earn-config';
import { socialOfferId } from '@/lib/loyalty/earn-offers';
import { readSession } from '@/lib/session/request-session';
import { checkOfferId, claimWithLimits } from '@/lib/wix/earn-requests';
import { loadProgramSnapshot } from '@/lib/wix/site-catalog';
import { readWidgetInput, readWidgetRequest, widgetReply } from '../../widget-response';

export const dynamic = 'force-dynamic';

/** Any object; the offer id in it is checked by the same rule as the earn page's. */
const claimInput = z.looseObject({ offerId: z.unknown() });

/**
 * A claim from the widget's earn view: the same check, rate limits and award as the earn page's action
 * (`claimOffer` decides account, points and idempotency). Only `offerId` is read from the body.
 */
export async function POST(request: NextRequest) {
  const post = await readWidgetInput(request, claimInput);
  if (!post.ok) return post.reply;
  const input = checkOfferId(post.input.offerId);
  if (!input.ok) return widgetReply(null, input.code);

  const result = await claimWithLimits(
    await readSession('embedded'),
    input.offerId,
    request.headers.get('x-forwarded-for'),
  );
  const pointsName = (await loadProgramSnapshot().catch(() => null))?.program.pointsName ?? 'Points';
  const t = await translatorFor(readWidgetRequest(request).locale);
  const announcement = describeEarnResult(result, pointsName, titleOf(input.offerId, t), t);
  if (!result.ok) return widgetReply(null, result.code, { announcement });
  return widgetReply(null, null, { announcement, balance: result.account.balance, points: result.points });
}

/** The offer's title as the list shows it. */
function titleOf(offerId: string, t: FullTranslator): string {
  const channel = SOCIAL_CHANNELS.find((candidate) => socialOfferId(candidate) === offerId);
  return channel
    ? offerTitle({ id: offerId, kind: 'social-follow', channelLabel: SOCIAL_PROFILES[channel].label }, t)
    : offerTitle({ id: offerId, kind: 'activity', channelLabel: null }, t);
}
