import { applicationError, SandboxErrorCode } from './errors';
import type { ReferralRewardRecord } from './referral-records';
import type { AccountRecord, AppliedCouponRecord, SandboxState } from './state';

/**
 * A referred friend's coupon reward, exchanged at checkout (`referralReward` of Apply Discount To Checkout,
 * discount type `REFERRAL_REWARD`). Only the buyer's own reward, one their referred-friend record was given,
 * is found; anyone else's is answered as unknown, so an id tells nothing about whose it is. The coupon is
 * `APPLIED` while a checkout holds it and stays so once the order is placed; Remove Coupon (or the exchange's
 * timeout) makes it `ACTIVE` again.
 */

type CouponReward = ReferralRewardRecord & { reward: { type: 'COUPON' } };

function ownCouponReward(state: SandboxState, account: AccountRecord, id: string): CouponReward {
  const { friends, rewards } = state.referrals;
  const friend = friends.find((candidate) => candidate.contactId === account.contactId);
  const record = rewards.find((candidate) => candidate.id === id);
  const own =
    friend &&
    record &&
    record.reward.type === 'COUPON' &&
    'referredFriendId' in record.rewarded &&
    record.rewarded.referredFriendId === friend.id;
  if (!own) {
    throw applicationError(404, SandboxErrorCode.ReferralRewardNotFound, `Referral reward ${id} not found`, {
      id,
    });
  }
  return record as CouponReward;
}

function setStatus(record: CouponReward, status: CouponReward['reward']['status'], now: Date): void {
  record.reward.status = status;
  record.revision += 1;
  record.updatedDate = now;
}

/** Checks the reward can be applied; every check comes before `apply` writes anything. */
export function requireUsableReferralReward(
  state: SandboxState,
  account: AccountRecord,
  id: string,
): { apply: (now: Date) => AppliedCouponRecord } {
  const record = ownCouponReward(state, account, id);
  const { reward } = record;
  if (reward.status !== 'ACTIVE') {
    throw applicationError(
      428,
      SandboxErrorCode.ReferralRewardNotActive,
      `Referral reward ${id} is ${reward.status}; only an ACTIVE coupon can be applied`,
      { id, status: reward.status },
    );
  }
  return {
    apply(now) {
      setStatus(record, 'APPLIED', now);
      return {
        couponId: reward.couponId,
        code: reward.code,
        name: `${reward.percentOff}% off your first order`,
        specification: { type: 'PERCENT_OFF_RATE', percentOffRate: reward.percentOff },
      };
    },
  };
}

/** The reward of a refunded exchange usable again. */
export function releaseReferralReward(state: SandboxState, id: string, now: Date): void {
  const record = state.referrals.rewards.find((candidate) => candidate.id === id);
  if (record?.reward.type === 'COUPON') setStatus(record as CouponReward, 'ACTIVE', now);
}
