import { randomBytes } from 'node:crypto';
import { currentTier, toRestAccount } from './account-json';
import { buildCoupon, couponCode, isCodeTaken, toRestCoupon } from './coupon-records';
import { applicationError, SandboxErrorCode } from './errors';
import { announceAccountChange } from './account-changes';
import { record, requireActiveProgram, touch } from './points';
import { rewardConfigFor } from './reward-rules';
import type { AccountRecord, RewardRecord, RewardTierConfig, SandboxState, TransactionRecord } from './state';

export function uniqueCode(state: SandboxState): string {
  for (;;) {
    const code = couponCode(randomBytes(12));
    if (!isCodeTaken(state, code)) return code;
  }
}

/** A reward the account may spend points on now: known, active and offered to its tier, with its terms. */
export function requireOfferedReward(
  state: SandboxState,
  account: AccountRecord,
  rewardId: string,
): { reward: RewardRecord; config: RewardTierConfig } {
  const reward = state.rewards.find((candidate) => candidate.id === rewardId);
  if (!reward) {
    throw applicationError(404, SandboxErrorCode.RewardNotFound, `Reward ${rewardId} not found`, {
      rewardId,
    });
  }
  if (!reward.active) {
    throw applicationError(428, SandboxErrorCode.RewardNotActive, `Reward ${rewardId} is not active`, {
      rewardId,
    });
  }
  const tierId = currentTier(state, account)?.id;
  const config = rewardConfigFor(reward, tierId);
  if (!config) {
    const reason = `Reward ${rewardId} is not offered to the account's tier`;
    throw applicationError(428, SandboxErrorCode.RewardNotInTier, reason, {
      rewardId,
      tierId: tierId ?? null,
    });
  }
  return { reward, config };
}

/** Refuses, writing nothing, when the balance does not cover `points`. */
export function requirePoints(account: AccountRecord, points: number): void {
  const balance = account.points.balance;
  if (balance < points) {
    const reason = `Redeeming costs ${points} points; the balance is ${balance}`;
    throw applicationError(428, SandboxErrorCode.NotEnoughPoints, reason, { balance, costInPoints: points });
  }
}

/**
 * One REDEEM transaction: the balance down and `redeemed` up by `points`, announced with the account
 * webhooks. The caller has checked the balance covers it.
 */
export function spendPoints(
  state: SandboxState,
  account: AccountRecord,
  spend: { points: number; reward: RewardRecord; description: string; now: Date },
): TransactionRecord {
  const before = account.points.balance;
  const shownBefore = toRestAccount(state, account);
  account.points.balance -= spend.points;
  account.points.redeemed += spend.points;
  touch(account, spend.now);
  announceAccountChange(state, account, shownBefore, spend.now);
  return record(state, {
    accountId: account.id,
    type: 'REDEEM',
    amount: -spend.points,
    createdDate: spend.now,
    description: spend.description,
    amountBefore: before,
    amountAfter: account.points.balance,
    rewardId: spend.reward.id,
  });
}

/**
 * Spends an account's points on a reward, as Redeem Points For Coupon does: one REDEEM transaction, the
 * balance down and `redeemed` up by the tier's cost, and a coupon with a code no other coupon has. A reward
 * that is inactive, not offered to the account's tier, or costs more than the balance is refused and nothing
 * is written; so is a flexible (DISCOUNT_AMOUNT) reward, which is spent at checkout only. Wix answers with the
 * coupon as created (PENDING: points not yet taken) and activates it once the points are redeemed; here both
 * happen before the answer, so later reads show it ACTIVE. Everything runs synchronously, so concurrent
 * redemptions are checked and written one at a time.
 */
export function redeemForCoupon(
  state: SandboxState,
  account: AccountRecord,
  rewardId: string,
  now = new Date(),
) {
  requireActiveProgram(state);
  const { reward, config } = requireOfferedReward(state, account, rewardId);
  if (reward.discount === 'discountAmount') {
    throw applicationError(
      428,
      SandboxErrorCode.RewardNotRedeemableAsCoupon,
      `Reward ${rewardId} is a flexible reward: it is spent at checkout, not redeemed for a coupon`,
      { rewardId },
    );
  }
  requirePoints(account, config.costInPoints);
  const transaction = spendPoints(state, account, {
    points: config.costInPoints,
    reward,
    description: `Redeemed: ${reward.name}`,
    now,
  });
  const created = buildCoupon({
    reward,
    config,
    account,
    transactionId: transaction.id,
    code: uniqueCode(state),
    status: 'PENDING',
    at: now,
  });
  state.coupons.push({ ...created, status: 'ACTIVE', revision: created.revision + 1 });
  return { coupon: toRestCoupon(created) };
}
