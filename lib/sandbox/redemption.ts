import { randomBytes } from 'node:crypto';
import { currentTier, toRestAccount } from './account-json';
import { buildCoupon, couponCode, isCodeTaken, toRestCoupon } from './coupon-records';
import { applicationError, SandboxErrorCode } from './errors';
import { announceAccountChange } from './account-changes';
import { record, requireActiveProgram, touch } from './points';
import { rewardConfigFor } from './reward-rules';
import type { AccountRecord, SandboxState } from './state';

function uniqueCode(state: SandboxState): string {
  for (;;) {
    const code = couponCode(randomBytes(12));
    if (!isCodeTaken(state, code)) return code;
  }
}

/**
 * Spends an account's points on a reward, as Redeem Points For Coupon does: one REDEEM transaction, the
 * balance down and `redeemed` up by the tier's cost, and a coupon with a code no other coupon has. A reward
 * that is inactive, not offered to the account's tier, or costs more than the balance is refused and nothing
 * is written. Wix answers with the coupon as created (PENDING: points not yet taken) and activates it once
 * the points are redeemed; here both happen before the answer, so later reads show it ACTIVE. Everything
 * runs synchronously, so concurrent redemptions are checked and written one at a time.
 */
export function redeemForCoupon(
  state: SandboxState,
  account: AccountRecord,
  rewardId: string,
  now = new Date(),
) {
  requireActiveProgram(state);
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
  const before = account.points.balance;
  const shownBefore = toRestAccount(state, account);
  if (before < config.costInPoints) {
    const reason = `Redeeming costs ${config.costInPoints} points; the balance is ${before}`;
    throw applicationError(428, SandboxErrorCode.NotEnoughPoints, reason, {
      balance: before,
      costInPoints: config.costInPoints,
    });
  }

  account.points.balance -= config.costInPoints;
  account.points.redeemed += config.costInPoints;
  touch(account, now);
  announceAccountChange(state, account, shownBefore, now);
  const transaction = record(state, {
    accountId: account.id,
    type: 'REDEEM',
    amount: -config.costInPoints,
    createdDate: now,
    description: `Redeemed: ${reward.name}`,
    amountBefore: before,
    amountAfter: account.points.balance,
    rewardId: reward.id,
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
