import 'server-only';
import {
  applicableRewards,
  holdsCheckout,
  parseAmount,
  toDiscountStatus,
  toFlexibleReward,
  unusedCoupons,
  type CheckoutDiscountView,
  type CheckoutPointsView,
  type ReferralRewardOffer,
} from '@/lib/loyalty/checkout-view';
import { getAdminClient } from './clients';
import { logFailure } from './observe-calls';
import type { WixCheckout, WixLoyaltyCheckoutDiscount, WixLoyaltyCoupon, WixReward } from './types';

/**
 * The checkout view made from what Wix said: the checkout (its total, currency and the coupon it holds), the
 * loyalty discounts on it, the member's coupons and the site's rewards. The same whether it was just read, or
 * worked out after an apply or a removal from Wix's answers to them.
 */
export type CheckoutFacts = {
  checkoutId: string;
  tierId: string | null;
  balance: number;
  catalog: WixReward[];
  coupons: WixLoyaltyCoupon[];
  /** The member's unused referral coupon rewards (`friend-referral-rewards.ts`). */
  referralRewards: ReferralRewardOffer[];
  checkout: WixCheckout;
  discounts: WixLoyaltyCheckoutDiscount[];
  /** What the shown discount took in points, when known (`readPointsSpent`, or the apply that spent them). */
  pointsSpent: number | null;
};

export function composeCheckoutView(facts: CheckoutFacts): CheckoutPointsView {
  const { checkoutId, tierId, balance, catalog, coupons, checkout } = facts;
  const total = {
    amount: parseAmount(checkout.priceSummary?.total?.amount) ?? 0,
    currency: checkout.currency ?? null,
  };
  const shown = shownDiscount(facts.discounts);
  return {
    checkoutId,
    balance,
    total,
    rewards: applicableRewards(catalog, tierId, balance),
    coupons: unusedCoupons(coupons),
    referralRewards: facts.referralRewards,
    flexible: toFlexibleReward(catalog, tierId, balance, total.amount),
    discount: shown ? toDiscountView(shown, facts) : null,
  };
}

/**
 * The discount to show: the one holding the checkout, else the newest (Wix lists the newest first by
 * default; the query can sort by nothing else).
 */
export function shownDiscount(discounts: WixLoyaltyCheckoutDiscount[]): WixLoyaltyCheckoutDiscount | null {
  const holding = discounts.find((discount) => holdsCheckout(toDiscountStatus(discount.status)));
  return holding ?? discounts[0] ?? null;
}

function toDiscountView(
  discount: WixLoyaltyCheckoutDiscount,
  { catalog, coupons, checkout, pointsSpent }: CheckoutFacts,
): CheckoutDiscountView | null {
  if (!discount._id || !discount.checkoutId) return null;
  const reward = discount.rewardId ? catalog.find((r) => r._id === discount.rewardId) : undefined;
  const coupon = exchangeCoupon(discount, checkout, coupons);
  const kind = KIND_BY_TYPE[discount.discountType ?? 'UNKNOWN'] ?? 'other';
  const status = toDiscountStatus(discount.status);
  return {
    id: discount._id,
    checkoutId: discount.checkoutId,
    status,
    kind,
    name: reward?.name?.trim() || coupon?.rewardName?.trim() || referralName(discount, checkout),
    amountOff: holdsCheckout(status) ? amountOffOn(checkout) : null,
    // A coupon the member held was paid for when it was redeemed: nothing is spent at checkout.
    pointsSpent: kind === 'coupon' ? 0 : pointsSpent,
  };
}

const KIND_BY_TYPE: Record<string, CheckoutDiscountView['kind']> = {
  DISCOUNT_AMOUNT: 'flexible',
  LOYALTY_COUPON: 'coupon',
  COUPON_REWARD: 'reward',
  // A friend's referral coupon: like a coupon the member held, it costs no points at checkout.
  REFERRAL_REWARD: 'coupon',
};

/** A checkout takes one coupon, and a loyalty discount reaches it as that coupon. */
function checkoutCoupon(checkout: WixCheckout) {
  return checkout.appliedDiscounts?.find((applied) => applied.coupon)?.coupon ?? null;
}

/** A referral reward's coupon has no loyalty coupon behind it: the checkout's coupon names it. */
function referralName(discount: WixLoyaltyCheckoutDiscount, checkout: WixCheckout): string | null {
  return discount.referralRewardId ? checkoutCoupon(checkout)?.name?.trim() || null : null;
}

/**
 * The referral rewards with the one a removed discount held given back: Remove Coupon makes it usable again,
 * and its code is the one the checkout held.
 */
export function withReferralRewardBack(
  rewards: ReferralRewardOffer[],
  discount: WixLoyaltyCheckoutDiscount | null,
  checkout: WixCheckout,
): ReferralRewardOffer[] {
  const id = discount?.referralRewardId;
  if (!id || rewards.some((reward) => reward.id === id)) return rewards;
  return [...rewards, { id, code: checkoutCoupon(checkout)?.code ?? null, benefit: null }];
}

/** What the checkout's coupon takes off, in the checkout's money, as Wix worked it out. */
function amountOffOn(checkout: WixCheckout): number | null {
  return parseAmount(checkoutCoupon(checkout)?.amount?.amount);
}

/**
 * The loyalty coupon behind a discount: the one the member held, or the `refundable` one Wix made for the
 * exchange, which is the coupon the checkout now holds. Its `transactionId` names the points spent.
 */
function exchangeCoupon(
  discount: WixLoyaltyCheckoutDiscount,
  checkout: WixCheckout,
  coupons: WixLoyaltyCoupon[],
): WixLoyaltyCoupon | undefined {
  if (discount.loyaltyCouponId) return coupons.find((coupon) => coupon._id === discount.loyaltyCouponId);
  const onCheckout = checkoutCoupon(checkout)?._id;
  if (!onCheckout) return undefined;
  return coupons.find((coupon) => coupon.refundable && coupon.couponReference?.couponId === onCheckout);
}

/**
 * The transaction in which a discount that holds the checkout spent the member's points, or null when it
 * spent none at checkout (a held coupon) or Wix did not say which.
 */
export function spendingTransactionId(
  discounts: WixLoyaltyCheckoutDiscount[],
  checkout: WixCheckout,
  coupons: WixLoyaltyCoupon[],
): string | null {
  const shown = shownDiscount(discounts);
  if (!shown || !holdsCheckout(toDiscountStatus(shown.status)) || shown.discountType === 'LOYALTY_COUPON') {
    return null;
  }
  return exchangeCoupon(shown, checkout, coupons)?.transactionId ?? null;
}

/**
 * The points a REDEEM transaction of this account took (Wix records them as a negative amount), or null when
 * it cannot be read or is not this account's. Read with the API key: only Wix's transactions API has it, and
 * the id came from the member's own coupon.
 */
export async function readPointsSpent(transactionId: string, accountId: string): Promise<number | null> {
  try {
    const transaction = await getAdminClient().transactions.getLoyaltyTransaction(transactionId);
    const { accountId: owner, transactionType, amount } = transaction;
    if (owner !== accountId || transactionType !== 'REDEEM' || typeof amount !== 'number') return null;
    return Math.abs(amount);
  } catch (error) {
    logFailure(error, 'checkout: points spent');
    return null;
  }
}

/** The member's coupons with one of them in another state: a held coupon applied, or given back. */
export function withCouponStatus(
  coupons: WixLoyaltyCoupon[],
  couponId: string | null | undefined,
  status: NonNullable<WixLoyaltyCoupon['status']>,
): WixLoyaltyCoupon[] {
  return coupons.map((coupon) => (couponId && coupon._id === couponId ? { ...coupon, status } : coupon));
}
