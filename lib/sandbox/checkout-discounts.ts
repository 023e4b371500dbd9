import { randomUUID } from 'node:crypto';
import { announceAccountChange } from './account-changes';
import { toRestAccount } from './account-json';
import { checkoutTotals } from './checkout-records';
import { releaseReferralReward, requireUsableReferralReward } from './checkout-referral-reward';
import { buildCoupon } from './coupon-records';
import { applicationError, SandboxErrorCode, validationError } from './errors';
import { centsToDecimal, toCents } from './money';
import { record, requireActiveProgram, SANDBOX_ADMIN_APP_ID, touch } from './points';
import { requireOfferedReward, requirePoints, spendPoints, uniqueCode } from './redemption';
import type {
  AccountRecord,
  AppliedCouponRecord,
  CheckoutDiscountRecord,
  CheckoutDiscountStatus,
  CheckoutRecord,
  CouponRecord,
  CouponSpecification,
  RewardRecord,
  RewardTierConfig,
  SandboxState,
} from './state';

/**
 * What Apply Discount To Checkout exchanges: a reward (with points, for a flexible one), a held coupon or a
 * referred friend's coupon reward.
 */
export type DiscountRequest =
  | { reward: { id: string; pointsToSpend?: number } }
  | { loyaltyCoupon: { id: string } }
  | { referralReward: { id: string } };

const discountSource = ({ rewardId, loyaltyCouponId, referralRewardId }: CheckoutDiscountRecord) =>
  rewardId ? { rewardId } : referralRewardId ? { referralRewardId } : { loyaltyCouponId };

/** The REST shape of a loyalty checkout discount; `rewardId`, `loyaltyCouponId`, `referralRewardId`: a oneof. */
export function toRestDiscount(discount: CheckoutDiscountRecord) {
  return {
    id: discount.id,
    checkoutId: discount.checkoutId,
    status: discount.status,
    discountType: discount.discountType,
    ...discountSource(discount),
  };
}

export const activeDiscountOn = (state: SandboxState, checkoutId: string) =>
  state.checkoutDiscounts.find((d) => d.checkoutId === checkoutId && d.status === 'APPLIED');

/** A checkout that became an order takes no more changes to its discounts. */
export function requireNotCompleted(checkout: CheckoutRecord): void {
  if (checkout.completed) {
    throw applicationError(
      428,
      SandboxErrorCode.CheckoutCompleted,
      `Checkout ${checkout.id} already became an order`,
      { checkoutId: checkout.id },
    );
  }
}

function requireOpenCheckout(state: SandboxState, checkout: CheckoutRecord): void {
  requireNotCompleted(checkout);
  if (checkout.coupon || activeDiscountOn(state, checkout.id)) {
    throw applicationError(
      428,
      SandboxErrorCode.LoyaltyDiscountAlreadyApplied,
      `Checkout ${checkout.id} already has a loyalty discount; remove it first`,
      { checkoutId: checkout.id },
    );
  }
}

/**
 * The points a flexible reward takes and the money they give: `costInPoints` points are worth `amount`, so
 * 35 points at 10 = $1 give $3.50. More points than the checkout's total needs are refused, and the last
 * point's worth is capped at what is left to pay.
 */
function flexibleTerms(config: RewardTierConfig, pointsToSpend: number | undefined, totalCents: number) {
  if (pointsToSpend === undefined) {
    throw validationError([
      {
        field: 'reward.pointsToSpend',
        description: 'is required for a flexible reward',
        violatedRule: 'REQUIRED_FIELD',
      },
    ]);
  }
  const worthCents = toCents(config.amount ?? 0);
  const needed = Math.ceil((totalCents * config.costInPoints) / worthCents);
  if (pointsToSpend > needed) {
    throw applicationError(
      428,
      SandboxErrorCode.PointsExceedCheckoutTotal,
      `${pointsToSpend} points are worth more than the checkout's total; at most ${needed} may be spent`,
      { pointsToSpend, maxPointsToSpend: needed },
    );
  }
  const cents = Math.min(totalCents, Math.floor((pointsToSpend * worthCents) / config.costInPoints));
  const specification: CouponSpecification = {
    type: 'MONEY_OFF_AMOUNT',
    moneyOffAmount: Number(centsToDecimal(cents)),
  };
  return { points: pointsToSpend, specification };
}

/**
 * A reward exchanged at checkout: the points are spent (one REDEEM transaction) and Wix makes a `refundable`
 * loyalty coupon, applied at once, whose code the checkout then holds.
 */
function exchangeReward(
  state: SandboxState,
  checkout: CheckoutRecord,
  account: AccountRecord,
  request: { id: string; pointsToSpend?: number },
  now: Date,
): { coupon: CouponRecord; reward: RewardRecord; points: number; transactionId: string } {
  const { reward, config } = requireOfferedReward(state, account, request.id);
  const flexible = reward.discount === 'discountAmount';
  const terms = flexible
    ? flexibleTerms(config, request.pointsToSpend, checkoutTotals(checkout).total)
    : { points: config.costInPoints, specification: undefined };
  requirePoints(account, terms.points);
  const transaction = spendPoints(state, account, {
    points: terms.points,
    reward,
    description: `Redeemed at checkout: ${reward.name}`,
    now,
  });
  const built = buildCoupon({
    reward,
    config,
    account,
    transactionId: transaction.id,
    code: uniqueCode(state),
    status: 'APPLIED',
    at: now,
  });
  const coupon: CouponRecord = {
    ...built,
    ...(terms.specification && { specification: terms.specification }),
    refundable: true,
  };
  state.coupons.push(coupon);
  return { coupon, reward, points: terms.points, transactionId: transaction.id };
}

/** A coupon the member already holds, applied as it is: no points are spent. */
function applyHeldCoupon(
  state: SandboxState,
  account: AccountRecord,
  couponId: string,
  now: Date,
): CouponRecord {
  const coupon = state.coupons.find((c) => c.id === couponId && c.accountId === account.id && !c.refundable);
  if (!coupon) {
    throw applicationError(404, SandboxErrorCode.CouponNotFound, `Coupon ${couponId} not found`, {
      id: couponId,
    });
  }
  if (coupon.status !== 'ACTIVE') {
    throw applicationError(
      428,
      SandboxErrorCode.CouponNotActive,
      `Coupon ${couponId} is ${coupon.status}; only an ACTIVE coupon can be applied`,
      { id: couponId, status: coupon.status },
    );
  }
  setCouponStatus(coupon, 'APPLIED', now);
  return coupon;
}

function setCouponStatus(coupon: CouponRecord, status: CouponRecord['status'], now: Date): void {
  coupon.status = status;
  coupon.revision += 1;
  coupon.updatedDate = now;
}

const onCheckout = (coupon: CouponRecord): AppliedCouponRecord => ({
  couponId: coupon.couponId,
  code: coupon.code,
  name: coupon.rewardName,
  specification: coupon.specification,
});

/**
 * Applies one loyalty discount to a checkout for `account`, as Apply Discount To Checkout does. Every check
 * comes before the first write, so a refusal leaves everything as it was; everything runs synchronously, so
 * two applications to one checkout are decided one after the other.
 */
export function applyLoyaltyDiscount(
  state: SandboxState,
  checkout: CheckoutRecord,
  account: AccountRecord,
  request: DiscountRequest,
  now = new Date(),
): CheckoutDiscountRecord {
  requireActiveProgram(state);
  requireOpenCheckout(state, checkout);
  const base = { id: randomUUID(), checkoutId: checkout.id, accountId: account.id, appliedDate: now };
  let discount: CheckoutDiscountRecord;
  let applied: AppliedCouponRecord;
  if ('referralReward' in request) {
    applied = requireUsableReferralReward(state, account, request.referralReward.id).apply(now);
    discount = {
      ...base,
      discountType: 'REFERRAL_REWARD',
      referralRewardId: request.referralReward.id,
      status: 'APPLIED',
      pointsSpent: 0,
      updatedDate: now,
    };
  } else if ('reward' in request) {
    const exchanged = exchangeReward(state, checkout, account, request.reward, now);
    applied = onCheckout(exchanged.coupon);
    discount = {
      ...base,
      discountType: exchanged.reward.discount === 'discountAmount' ? 'DISCOUNT_AMOUNT' : 'COUPON_REWARD',
      rewardId: exchanged.reward.id,
      loyaltyCouponId: exchanged.coupon.id,
      status: 'APPLIED',
      pointsSpent: exchanged.points,
      transactionId: exchanged.transactionId,
      updatedDate: now,
    };
  } else {
    const held = applyHeldCoupon(state, account, request.loyaltyCoupon.id, now);
    applied = onCheckout(held);
    discount = {
      ...base,
      discountType: 'LOYALTY_COUPON',
      loyaltyCouponId: held.id,
      status: 'APPLIED',
      pointsSpent: 0,
      updatedDate: now,
    };
  }
  checkout.coupon = applied;
  checkout.updatedDate = now;
  state.checkoutDiscounts.push(discount);
  return discount;
}

/** The points of a refunded exchange back on the account: one REFUND transaction, with the webhooks. */
function refundPoints(state: SandboxState, discount: CheckoutDiscountRecord, now: Date): void {
  const account = state.accounts.find((candidate) => candidate.id === discount.accountId);
  if (!account || discount.pointsSpent === 0) return;
  const before = account.points.balance;
  const shownBefore = toRestAccount(state, account);
  account.points.balance += discount.pointsSpent;
  account.points.redeemed -= discount.pointsSpent;
  touch(account, now);
  announceAccountChange(state, account, shownBefore, now);
  record(state, {
    accountId: account.id,
    type: 'REFUND',
    amount: discount.pointsSpent,
    createdDate: now,
    description: 'Refunded: the checkout discount was not used',
    amountBefore: before,
    amountAfter: account.points.balance,
    appId: SANDBOX_ADMIN_APP_ID,
    rewardId: discount.rewardId,
    refundedTransactionId: discount.transactionId,
  });
}

/**
 * Takes an applied loyalty discount back: off the checkout, the points refunded, a coupon made for the
 * exchange archived and a coupon the member held usable again.
 */
export function refundDiscount(
  state: SandboxState,
  discount: CheckoutDiscountRecord,
  status: Extract<CheckoutDiscountStatus, `REFUNDED_${string}`>,
  now = new Date(),
): void {
  const checkout = state.checkouts.find((candidate) => candidate.id === discount.checkoutId);
  const coupon = state.coupons.find((candidate) => candidate.id === discount.loyaltyCouponId);
  if (checkout && (discount.referralRewardId || checkout.coupon?.couponId === coupon?.couponId)) {
    delete checkout.coupon;
    checkout.updatedDate = now;
  }
  if (coupon) setCouponStatus(coupon, coupon.refundable ? 'ARCHIVED' : 'ACTIVE', now);
  if (discount.referralRewardId) releaseReferralReward(state, discount.referralRewardId, now);
  refundPoints(state, discount, now);
  discount.status = status;
  discount.updatedDate = now;
}

/** The order is placed: the checkout is completed and its loyalty discount, spent for good. */
export function completeCheckout(state: SandboxState, checkout: CheckoutRecord, now = new Date()): void {
  checkout.completed = true;
  checkout.updatedDate = now;
  const discount = activeDiscountOn(state, checkout.id);
  if (discount) {
    discount.status = 'COMPLETED';
    discount.updatedDate = now;
  }
}
