import type { RewardRecord, RewardTierConfig, SandboxState } from './state';

/**
 * Which tiers may redeem a reward, and for how much. Wix gives every tier its own `configsByTier` entry, the
 * base tier's having no `tierId`, and a tier without an entry cannot redeem the reward at all.
 */
export function rewardConfigFor(
  reward: RewardRecord,
  tierId: string | undefined,
): RewardTierConfig | undefined {
  return reward.configs.find((config) => config.tierId === tierId);
}

/**
 * `rewardAvailable` on an account: its balance covers the cheapest active coupon reward its tier may redeem.
 * A flexible reward is left out: any few points would cover it, so it would say nothing. Every redemption,
 * award, adjustment and reward change moves it, because it is worked out whenever it is read.
 */
export function isRewardAvailable(state: SandboxState, balance: number, tierId: string | undefined): boolean {
  return state.rewards.some((reward) => {
    const config =
      reward.active && reward.discount !== 'discountAmount' ? rewardConfigFor(reward, tierId) : undefined;
    return config !== undefined && config.costInPoints <= balance;
  });
}
