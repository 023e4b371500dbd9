import 'server-only';
import { z } from 'zod';
import { failure, type Failure } from '@/lib/errors/codes';
import type { RedeemResult } from '@/lib/loyalty/redeem-result';
import { recordRedemption } from '@/lib/observability/metrics';
import { withinClientLimit, withinMemberLimit } from '@/lib/rate-limit/earn-limits';
import type { SessionState } from '@/lib/session/cookies';
import { redeemReward } from './redemption';

/**
 * Redemptions as a browser asks for them, from the rewards page (a server action) or from the embedded
 * widget (its route handler): the same input check, the same rate limits, the same guard against spending
 * twice.
 */

/**
 * Only the reward id is ever read from a request. Whose points and how many are Wix's and the server's to
 * decide: an account id, an amount or a cost sent alongside it is never looked at.
 */
const rewardIdInput = z.guid();

/**
 * Checked before anything else is read, so bad input touches neither the session nor Wix. A refusal here
 * is the redemption's outcome, and counted as one (`loyalty_redemptions_total`).
 */
export function checkRewardId(value: unknown): { ok: true; rewardId: string } | Failure<'INVALID_INPUT'> {
  const parsed = rewardIdInput.safeParse(value);
  if (parsed.success) return { ok: true, rewardId: parsed.data };
  const refused = failure('INVALID_INPUT');
  recordRedemption(refused);
  return refused;
}

/** `forwardedFor` is the request's `X-Forwarded-For`, for the per-address limit. Counted by outcome. */
export async function redeemWithLimits(
  session: SessionState,
  rewardId: string,
  forwardedFor: string | null,
): Promise<RedeemResult> {
  const result = await redeem(session, rewardId, forwardedFor);
  recordRedemption(result);
  return result;
}

async function redeem(
  session: SessionState,
  rewardId: string,
  forwardedFor: string | null,
): Promise<RedeemResult> {
  if (session.status !== 'member') return failure('SIGN_IN_REQUIRED');
  // The same limits as earning: a redemption is an attempt on the member's account like a claim is.
  if (!(await withinClientLimit(forwardedFor))) return failure('RATE_LIMITED');
  return redeemReward(session, rewardId, {
    guard: async (accountId) => ((await withinMemberLimit(accountId)) ? null : 'RATE_LIMITED'),
  });
}
