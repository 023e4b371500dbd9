import { randomUUID } from 'node:crypto';
import type {
  CouponRecord,
  CouponSpecification,
  CouponStatus,
  RewardRecord,
  RewardTierConfig,
  SandboxState,
} from './state';

/** Wix's coupon codes look like `6Q1LC0K4KHSL`: twelve upper-case letters and digits. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/** A code from `bytes` (at least twelve of them): random ones for a redemption, a hash for the seed. */
export function couponCode(bytes: Uint8Array): string {
  return Array.from(
    bytes.subarray(0, CODE_LENGTH),
    (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length],
  ).join('');
}

export function isCodeTaken(state: Pick<SandboxState, 'coupons'>, code: string): boolean {
  return state.coupons.some((coupon) => coupon.code === code);
}

/** The reference coupon's terms: the reward's discount at the redeeming tier's amounts. */
export function specificationFor(reward: RewardRecord, config: RewardTierConfig): CouponSpecification {
  const minimum = reward.minimumSubtotal !== undefined ? { minimumSubtotal: reward.minimumSubtotal } : {};
  switch (reward.discount) {
    case 'fixedAmount':
    case 'discountAmount':
      return { type: 'MONEY_OFF_AMOUNT', moneyOffAmount: config.amount ?? 0, ...minimum };
    case 'percentage':
      return { type: 'PERCENT_OFF_RATE', percentOffRate: config.percentage ?? 0, ...minimum };
    case 'freeShipping':
      return { type: 'FREE_SHIPPING', freeShipping: true, ...minimum };
  }
}

export type NewCoupon = {
  reward: RewardRecord;
  config: RewardTierConfig;
  account: { id: string; memberId: string | undefined };
  transactionId: string;
  code: string;
  status: CouponStatus;
  at: Date;
};

export function buildCoupon({
  reward,
  config,
  account,
  transactionId,
  code,
  status,
  at,
}: NewCoupon): CouponRecord {
  return {
    id: randomUUID(),
    accountId: account.id,
    memberId: account.memberId,
    transactionId,
    rewardId: reward.id,
    rewardName: reward.name,
    couponId: randomUUID(),
    code,
    specification: specificationFor(reward, config),
    status,
    createdDate: at,
    updatedDate: at,
    revision: 1,
  };
}

/** The REST shape of a loyalty coupon, as in the Redeem Current Member Points For Coupon example. */
export function toRestCoupon(coupon: CouponRecord) {
  return {
    id: coupon.id,
    accountId: coupon.accountId,
    ...(coupon.memberId && { memberId: coupon.memberId }),
    transactionId: coupon.transactionId,
    couponReference: {
      couponId: coupon.couponId,
      code: coupon.code,
      name: coupon.rewardName,
      specification: { ...coupon.specification },
      ...(coupon.status === 'ARCHIVED' && { deleted: true }),
    },
    status: coupon.status,
    rewardName: coupon.rewardName,
    ...(coupon.refundable && { refundable: true }),
    revision: String(coupon.revision),
    createdDate: coupon.createdDate.toISOString(),
    updatedDate: coupon.updatedDate.toISOString(),
  };
}

export type RestCoupon = ReturnType<typeof toRestCoupon>;
