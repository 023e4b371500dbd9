'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { failure } from '@/lib/errors/codes';
import type { RedeemResult } from '@/lib/loyalty/redeem-result';
import { withinClientLimit, withinMemberLimit } from '@/lib/rate-limit/earn-limits';
import { readSession } from '@/lib/session/request-session';
import { redeemReward } from '@/lib/wix/redemption';

/**
 * Only the reward id is read from the form. Whose points and how many are Wix's and the server's to decide:
 * an account id, an amount or a cost sent alongside it is never looked at.
 */
const redeemInput = z.object({ rewardId: z.guid() });

export async function redeemRewardAction(
  _previous: RedeemResult | null,
  formData: FormData,
): Promise<RedeemResult> {
  const parsed = redeemInput.safeParse({ rewardId: formData.get('rewardId') });
  if (!parsed.success) return failure('INVALID_INPUT');

  const session = await readSession();
  if (session.status !== 'member') return failure('SIGN_IN_REQUIRED');

  // The same limits as earning: a redemption is an attempt on the member's account like a claim is.
  if (!(await withinClientLimit((await headers()).get('x-forwarded-for')))) return failure('RATE_LIMITED');
  return redeemReward(session, parsed.data.rewardId, {
    guard: async (accountId) => ((await withinMemberLimit(accountId)) ? null : 'RATE_LIMITED'),
  });
}
