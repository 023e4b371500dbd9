'use server';

import { headers } from 'next/headers';
import type { RedeemResult } from '@/lib/loyalty/redeem-result';
import { readSession } from '@/lib/session/request-session';
import { checkRewardId, redeemWithLimits } from '@/lib/wix/redeem-requests';

/** Only the reward id is read from the form (see `checkRewardId`). */
export async function redeemRewardAction(
  _previous: RedeemResult | null,
  formData: FormData,
): Promise<RedeemResult> {
  const input = checkRewardId(formData.get('rewardId'));
  if (!input.ok) return input;
  return redeemWithLimits(await readSession(), input.rewardId, (await headers()).get('x-forwarded-for'));
}
