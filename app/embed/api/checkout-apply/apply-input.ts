import { z } from 'zod';
import type { CheckoutChoice } from '@/lib/wix/checkout-points-apply';

/** Wix's own bounds for `pointsToSpend`; whether the member may spend that many is the server's to decide. */
const MAX_POINTS = 9_999_999;

/**
 * A body from the checkout view: the checkout and exactly one of a reward, a coupon, a friend's referral
 * reward or a number of points.
 * Whose points and what they buy are never read from it.
 */
export const checkoutApplyInput = z
  .object({
    checkoutId: z.guid(),
    rewardId: z.guid().optional(),
    couponId: z.guid().optional(),
    referralRewardId: z.guid().optional(),
    pointsToSpend: z.number().int().min(1).max(MAX_POINTS).optional(),
  })
  .refine(
    (input) =>
      [input.rewardId, input.couponId, input.referralRewardId, input.pointsToSpend].filter(
        (v) => v !== undefined,
      ).length === 1,
    { message: 'exactly one of rewardId, couponId, referralRewardId, pointsToSpend' },
  );

export type CheckoutApplyInput = z.infer<typeof checkoutApplyInput>;

export function choiceOf(input: CheckoutApplyInput): CheckoutChoice {
  if (input.rewardId) return { kind: 'reward', rewardId: input.rewardId };
  if (input.couponId) return { kind: 'coupon', couponId: input.couponId };
  if (input.referralRewardId) return { kind: 'referral', rewardId: input.referralRewardId };
  return { kind: 'flexible', points: input.pointsToSpend ?? 0 };
}
