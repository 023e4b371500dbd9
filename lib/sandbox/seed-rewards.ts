import { createHash } from 'node:crypto';
import { currentTier } from './account-json';
import { buildCoupon, couponCode } from './coupon-records';
import { rewardConfigFor } from './reward-rules';
import { seedGuid, TIER_IDS } from './seed-catalog';
import {
  accountById,
  addDays,
  type CouponRecord,
  type RewardRecord,
  type RewardTierConfig,
  type SandboxState,
} from './state';

/**
 * Seeded rewards. The costs are chosen so the demo members' `rewardAvailable` says what it always said:
 * Johna (1,250, Gold) can redeem, Aigneis (120, Silver) cannot yet (free shipping, the cheapest, costs 150),
 * Elena (280, Bronze) can, and John Carter (30) cannot. The Gold reward costs less than Elena's balance, so
 * refusing it to her is about her tier, not her points.
 */
export const REWARD_IDS = {
  /** Johna redeemed it five days ago. */
  tenOff: seedGuid('c0000000', 1),
  /** Retired: Aigneis redeemed it before it was switched off. */
  fifteenOff: seedGuid('c0000000', 2),
  tenPercent: seedGuid('c0000000', 3),
  freeShipping: seedGuid('c0000000', 4),
  goldTwentyOff: seedGuid('c0000000', 5),
  /** The flexible reward: stars spent at checkout, 10 for every dollar off. */
  payWithStars: seedGuid('c0000000', 6),
} as const;

const EVERY_TIER = [undefined, TIER_IDS.silver, TIER_IDS.gold];

const inEveryTier = (terms: Omit<RewardTierConfig, 'tierId'>): RewardTierConfig[] =>
  EVERY_TIER.map((tierId) => ({ ...(tierId && { tierId }), ...terms }));

export function seedRewards(now: Date): RewardRecord[] {
  const created = addDays(now, -200);
  const reward = (
    id: string,
    name: string,
    discount: RewardRecord['discount'],
    configs: RewardTierConfig[],
    active = true,
  ): RewardRecord => ({
    id,
    name,
    active,
    discount,
    configs,
    createdDate: created,
    updatedDate: active ? created : addDays(now, -20),
    revision: active ? 1 : 2,
  });
  return [
    reward(REWARD_IDS.tenOff, '$10 off', 'fixedAmount', inEveryTier({ costInPoints: 200, amount: 10 })),
    reward(
      REWARD_IDS.fifteenOff,
      '$15 off',
      'fixedAmount',
      inEveryTier({ costInPoints: 300, amount: 15 }),
      false,
    ),
    reward(
      REWARD_IDS.tenPercent,
      '10% off',
      'percentage',
      inEveryTier({ costInPoints: 400, percentage: 10 }),
    ),
    reward(REWARD_IDS.freeShipping, 'Free shipping', 'freeShipping', inEveryTier({ costInPoints: 150 })),
    reward(REWARD_IDS.goldTwentyOff, 'Gold members: $20 off', 'fixedAmount', [
      { tierId: TIER_IDS.gold, costInPoints: 250, amount: 20 },
    ]),
    reward(
      REWARD_IDS.payWithStars,
      'Pay with stars',
      'discountAmount',
      inEveryTier({ costInPoints: 10, amount: 1 }),
    ),
  ];
}

/**
 * One coupon for every seeded redemption, as Wix creates with each, so the history and the coupons agree.
 * Ids and codes derive from the transaction, so they are the same after every reset; `used` names the
 * accounts whose seeded coupon has since been applied at checkout.
 */
export function seedCoupons(state: SandboxState, used: ReadonlySet<string>): CouponRecord[] {
  return state.transactions.flatMap((transaction, index) => {
    const reward = state.rewards.find((candidate) => candidate.id === transaction.rewardId);
    const account = accountById(state, transaction.accountId);
    if (transaction.type !== 'REDEEM' || !reward || !account) return [];
    const config = rewardConfigFor(reward, currentTier(state, account)?.id) ?? reward.configs[0];
    if (!config) return [];
    const coupon = buildCoupon({
      reward,
      config,
      account,
      transactionId: transaction.id,
      code: couponCode(createHash('sha256').update(transaction.id).digest()),
      status: used.has(account.id) ? 'APPLIED' : 'ACTIVE',
      at: transaction.createdDate,
    });
    return [{ ...coupon, id: seedGuid('d0000000', index + 1), couponId: seedGuid('d1000000', index + 1) }];
  });
}
