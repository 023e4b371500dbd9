import type { WixLoyaltyCoupon, WixReward } from '@/lib/wix/types';
import { toCouponViews, toRewardViews, type CouponView, type RewardView } from './rewards-view';
import type { ReferralBenefit } from './referral-view';

/** What the checkout view shows about spending points on one checkout: plain data, no SDK objects. */

/** Wix's loyalty checkout discount statuses, as Wix spells them (the view words them). */
export const DISCOUNT_STATUSES = [
  'UNKNOWN',
  'APPLIED',
  'IN_PROGRESS',
  'COMPLETED',
  'REFUNDED',
  'FAILED_TO_REFUND',
  'REFUNDED_DUE_TO_TIMEOUT',
  'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL',
  'SCHEDULED_FOR_REFUND',
  'UNUSED',
] as const;
export type DiscountStatus = (typeof DISCOUNT_STATUSES)[number];

/** A discount in one of these states holds the checkout: no second loyalty discount may join it. */
const HOLDING: readonly DiscountStatus[] = ['APPLIED', 'IN_PROGRESS', 'COMPLETED'];

export function holdsCheckout(status: DiscountStatus): boolean {
  return HOLDING.includes(status);
}

/**
 * Only a discount waiting on the checkout may be taken off: one being applied is not settled yet, and one used
 * on the order is spent for good.
 */
export function removable(status: DiscountStatus): boolean {
  return status === 'APPLIED';
}

export function toDiscountStatus(value: string | null | undefined): DiscountStatus {
  return DISCOUNT_STATUSES.find((status) => status === value) ?? 'UNKNOWN';
}

export type CheckoutDiscountView = {
  id: string;
  checkoutId: string;
  status: DiscountStatus;
  kind: 'reward' | 'coupon' | 'flexible' | 'other';
  /** The reward or coupon it came from, when we know it. */
  name: string | null;
  /** What it takes off, in the checkout's currency, as the checkout in Wix says; null when not on it now. */
  amountOff: number | null;
  /**
   * The points the exchange took, from Wix's transaction for it (or the apply that just spent them); 0 for a
   * coupon the member already held, null when Wix did not tell.
   */
  pointsSpent: number | null;
};

/**
 * The program's flexible reward as this member may use it here: `unitAmount` of money off for every `step`
 * points, any multiple of `step` from `minPoints` to `maxPoints` (the balance and the checkout's total both
 * cap it). `maxPoints < minPoints` means it cannot be used on this checkout.
 */
export type FlexibleRewardView = {
  id: string;
  name: string;
  step: number;
  unitAmount: number;
  minPoints: number;
  maxPoints: number;
};

/** `amount` is null once it is known to have changed since it was read (right after an apply). */
export type CheckoutTotalView = { amount: number | null; currency: string | null };

/**
 * A referred friend's unused coupon reward: its id (what an apply names), the coupon's code, and what it takes
 * off (null when unknown, e.g. one a Remove just gave back, whose terms only the reward record holds).
 */
export type ReferralRewardOffer = { id: string; code: string | null; benefit: ReferralBenefit | null };

export type CheckoutPointsView = {
  checkoutId: string;
  balance: number;
  total: CheckoutTotalView;
  /** Coupon rewards of the member's tier that the balance covers. */
  rewards: RewardView[];
  /** Coupons the member holds and has not used. */
  coupons: CouponView[];
  /** The coupon a friend who joined with a referral code was given, while unused (Wix's referral rewards). */
  referralRewards: ReferralRewardOffer[];
  flexible: FlexibleRewardView | null;
  /** The newest loyalty discount on this checkout, whatever its status. */
  discount: CheckoutDiscountView | null;
};

/** Money as Wix writes it (a decimal string); null when it is not a finite number. */
export function parseAmount(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const amount = Number(value);
  return Number.isFinite(amount) ? amount : null;
}

/** Money off for `points` of a flexible reward, in cents' precision, rounded down: Wix never gives more. */
export function flexibleDiscount(points: number, flexible: Pick<FlexibleRewardView, 'step' | 'unitAmount'>) {
  return Math.floor((points * flexible.unitAmount * 100) / flexible.step) / 100;
}

/**
 * The tier's flexible (discount amount) reward, measured against the balance and the checkout's total: the
 * most points worth spending are the fewer of the balance and what would bring the total to zero, in whole
 * steps.
 */
export function toFlexibleReward(
  rewards: WixReward[],
  tierId: string | null,
  balance: number,
  total: number,
): FlexibleRewardView | null {
  for (const reward of rewards) {
    if (!reward.active || !reward._id || !reward.discountAmount) continue;
    const config = reward.discountAmount.configsByTier?.find((c) => (c.tierId || null) === tierId);
    const unitAmount = parseAmount(config?.amount);
    const step = config?.costInPoints ?? 0;
    if (!unitAmount || unitAmount <= 0 || step < 1) continue;
    const coverable = Math.floor((Math.max(0, total) * step) / unitAmount);
    const maxPoints = Math.floor(Math.min(balance, coverable) / step) * step;
    return {
      id: reward._id,
      name: reward.name?.trim() || 'Reward',
      step,
      unitAmount,
      minPoints: step,
      maxPoints,
    };
  }
  return null;
}

/** Coupon rewards (not the flexible one) of the member's tier whose cost the balance covers, cheapest first. */
export function applicableRewards(
  rewards: WixReward[],
  tierId: string | null,
  balance: number,
): RewardView[] {
  const couponRewards = rewards.filter((reward) => reward.couponReward && !reward.discountAmount);
  return toRewardViews(couponRewards, tierId, balance).filter((reward) => reward.pointsToGo === 0);
}

/** The member's coupons that can still be used. */
export function unusedCoupons(coupons: WixLoyaltyCoupon[]): CouponView[] {
  return toCouponViews(coupons).filter((coupon) => coupon.status === 'active');
}
