import 'server-only';
import { failure, type CheckoutErrorCode } from '@/lib/errors/codes';
import { holdsCheckout } from '@/lib/loyalty/checkout-view';
import { rewardTermsFor } from '@/lib/loyalty/rewards-view';
import type { SessionState } from '@/lib/session/cookies';
import { composeCheckoutView, withCouponStatus } from './checkout-figures';
import { loadCheckoutState } from './checkout-points';
import {
  CODE_FOR_STATE,
  inSpendLease,
  type CheckoutWriteOptions,
  type CheckoutWriteResult,
  type ReadyCheckout,
} from './checkout-writes';
import { createMemberClient, getAdminClient } from './clients';
import { classifyWixFailure } from './errors';
import { asMemberOrApp } from './member-fallback';
import { logFailure } from './observe-calls';

/** What the shopper chose to spend: the server decides whether they may and what it costs. */
export type CheckoutChoice =
  | { kind: 'reward'; rewardId: string }
  | { kind: 'coupon'; couponId: string }
  | { kind: 'referral'; rewardId: string }
  | { kind: 'flexible'; points: number };

export type CheckoutApplyResult = CheckoutWriteResult<CheckoutErrorCode>;
export type CheckoutApplyOptions = CheckoutWriteOptions<CheckoutErrorCode>;

/**
 * Spends the signed-in member's points on their own checkout: one concurrent read (member, checkout,
 * discounts on it, coupons) that decides everything a refusal needs, then the exchange itself with the
 * member's own token, so Wix too decides whose points: two round trips. What came off is read with the view
 * that follows (`loadCheckoutView`), from the checkout as Wix worked it out. A site that refuses the member's token for the exchange gets it with the API key instead, on
 * the checkout the read proved the member's. The reply's balance is the read's less what this choice costs,
 * as a redemption's is.
 */
export async function applyPointsToCheckout(
  session: SessionState,
  checkoutId: string,
  choice: CheckoutChoice,
  options: CheckoutApplyOptions = {},
): Promise<CheckoutApplyResult> {
  // Only a referral reward needs the member's referred-friend record learnt, if the view has not already.
  const state = await loadCheckoutState(session, checkoutId, { learnReferral: choice.kind === 'referral' });
  if (state.status !== 'ready') return failure(CODE_FOR_STATE[state.status]);
  if (state.view.discount && holdsCheckout(state.view.discount.status)) {
    return failure('DISCOUNT_ALREADY_APPLIED');
  }
  const cost = costOf(state, choice);
  if (typeof cost === 'string') return failure(cost);
  return inSpendLease(state, options, async () => {
    try {
      return await apply(state, choice, cost);
    } catch (error) {
      return failure(explainRefusal(error));
    }
  });
}

async function apply(
  state: ReadyCheckout,
  choice: CheckoutChoice,
  cost: number,
): Promise<CheckoutApplyResult> {
  const { checkoutId } = state.view;
  const options = optionsFor(state, choice);
  // `loadCheckoutState` proved the checkout the member's own, so the key may apply to it if Wix refuses the
  // member's token; the lease is held across both calls, and a refused call wrote nothing.
  const { discount } = await asMemberOrApp(
    'checkoutExchange.applyDiscountToCheckout',
    () =>
      createMemberClient(state.member.tokens).checkoutExchange.applyDiscountToCheckout(checkoutId, options),
    () => getAdminClient().checkoutExchange.applyDiscountToCheckout(checkoutId, options),
  );
  if (!discount?._id) throw new Error('apply answered without a discount');
  // What came off is Wix's to say, and reading the checkout again would be a third round trip: the reply
  // says what was applied and what it cost, and the frame asks for the view, whose read has Wix's figures.
  const view = composeCheckoutView({
    checkoutId,
    tierId: state.member.tierId,
    balance: state.view.balance - cost,
    catalog: state.catalog,
    coupons: withCouponStatus(state.coupons, choice.kind === 'coupon' ? choice.couponId : null, 'APPLIED'),
    referralRewards: state.referralRewards.filter(
      (reward) => choice.kind !== 'referral' || reward.id !== choice.rewardId,
    ),
    checkout: state.checkout,
    discounts: [discount],
    pointsSpent: cost,
  });
  if (!view.discount) throw new Error('apply answered without a discount');
  // The total read before the apply is no longer Wix's: not shown rather than shown wrong.
  return { ok: true, discount: view.discount, view: { ...view, total: { ...view.total, amount: null } } };
}

/** What the choice costs this member in points now, or why it cannot be had. */
function costOf(state: ReadyCheckout, choice: CheckoutChoice): number | CheckoutErrorCode {
  const { view, member, catalog } = state;
  if (choice.kind === 'coupon') {
    // A coupon was paid for when it was redeemed; only the member's own unused ones are offered.
    return view.coupons.some((coupon) => coupon.id === choice.couponId) ? 0 : 'REWARD_UNAVAILABLE';
  }
  if (choice.kind === 'referral') {
    // A friend's coupon from Wix's Referral Program: free at checkout, and only the member's own unused one.
    return view.referralRewards.some((reward) => reward.id === choice.rewardId) ? 0 : 'REWARD_UNAVAILABLE';
  }
  if (choice.kind === 'reward') {
    const reward = catalog.find((r) => r._id === choice.rewardId && r.active && r.couponReward);
    const terms = reward && rewardTermsFor(reward, member.tierId);
    if (!terms) return 'REWARD_UNAVAILABLE';
    return view.balance < terms.cost ? 'NOT_ENOUGH_POINTS' : terms.cost;
  }
  const flexible = view.flexible;
  if (!flexible) return 'REWARD_UNAVAILABLE';
  if (choice.points > view.balance) return 'NOT_ENOUGH_POINTS';
  const inSteps = choice.points % flexible.step === 0;
  return inSteps && choice.points >= flexible.minPoints && choice.points <= flexible.maxPoints
    ? choice.points
    : 'POINTS_OUT_OF_RANGE';
}

/** `costOf` has already found the flexible reward, so its id is there. */
function optionsFor(state: ReadyCheckout, choice: CheckoutChoice) {
  if (choice.kind === 'coupon') return { loyaltyCoupon: { _id: choice.couponId } };
  if (choice.kind === 'reward') return { reward: { _id: choice.rewardId } };
  if (choice.kind === 'referral') return { referralReward: { _id: choice.rewardId } };
  return { reward: { _id: state.view.flexible?.id, pointsToSpend: choice.points } };
}

/**
 * Wix documents no error codes for the exchange. Everything it could refuse for was checked in the read just
 * before, so a refusal now means the state moved in between (a discount applied from elsewhere, the balance
 * spent, the reward withdrawn); nothing was spent.
 */
function explainRefusal(error: unknown): CheckoutErrorCode {
  const kind = classifyWixFailure(error);
  if (kind === 'unauthenticated') return 'SIGN_IN_REQUIRED';
  if (kind === 'not-found') return 'CHECKOUT_NOT_FOUND';
  if (kind === 'conflict') return 'DISCOUNT_ALREADY_APPLIED';
  if (kind === 'precondition' || kind === 'invalid') return 'REWARD_UNAVAILABLE';
  logFailure(error, 'checkout: apply');
  return 'UPSTREAM_UNAVAILABLE';
}
