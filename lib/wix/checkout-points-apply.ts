import 'server-only';
import { failure, type CheckoutErrorCode, type Failure } from '@/lib/errors/codes';
import type { CheckoutDiscountView, CheckoutPointsView } from '@/lib/loyalty/checkout-view';
import { holdsCheckout } from '@/lib/loyalty/checkout-view';
import { rewardTermsFor } from '@/lib/loyalty/rewards-view';
import type { SessionState } from '@/lib/session/cookies';
import type { KeyLock } from '@/lib/stores/key-lock';
import { getSharedStores } from '@/lib/stores/shared-stores';
import { loadCheckoutState, toDiscountView, type CheckoutState } from './checkout-points';
import { createMemberClient, getAdminClient } from './clients';
import { classifyWixFailure } from './errors';
import { asMemberOrApp } from './member-fallback';
import { logFailure } from './observe-calls';
import { letGo, takeSpendLease } from './redemption';

/** What the shopper chose to spend: the server decides whether they may and what it costs. */
export type CheckoutChoice =
  | { kind: 'reward'; rewardId: string }
  | { kind: 'coupon'; couponId: string }
  | { kind: 'flexible'; points: number };

export type CheckoutApplyResult =
  { ok: true; view: CheckoutPointsView; discount: CheckoutDiscountView } | Failure<CheckoutErrorCode>;

export type CheckoutApplyOptions = {
  /** A last say before any write, given the member's account id: the per-member rate limit. */
  guard?: (accountId: string) => Promise<CheckoutErrorCode | null>;
  /** The shared key lock by default, the same key as a redemption's: one spend per member in flight. */
  lock?: KeyLock;
};

const CODE_FOR_STATE: Record<Exclude<CheckoutState['status'], 'ready'>, CheckoutErrorCode> = {
  'signed-out': 'SIGN_IN_REQUIRED',
  'no-account': 'NO_LOYALTY_ACCOUNT',
  'program-inactive': 'PROGRAM_INACTIVE',
  'no-checkout': 'CHECKOUT_NOT_FOUND',
  unavailable: 'UPSTREAM_UNAVAILABLE',
};

type Ready = Extract<CheckoutState, { status: 'ready' }>;

/**
 * Spends the signed-in member's points on their own checkout, in two round trips: one concurrent read
 * (member, checkout, discounts on it, coupons) that decides everything a refusal needs, then the exchange
 * itself with the member's own token, so Wix too decides whose points. A site that refuses the member's
 * token for the exchange gets it with the API key instead, on the checkout the read proved the member's.
 * The reply's balance is the read's less what this choice costs, as a redemption's is.
 */
export async function applyPointsToCheckout(
  session: SessionState,
  checkoutId: string,
  choice: CheckoutChoice,
  { guard = async () => null, lock = getSharedStores().keyLock }: CheckoutApplyOptions = {},
): Promise<CheckoutApplyResult> {
  const state = await loadCheckoutState(session, checkoutId);
  if (state.status !== 'ready') return failure(CODE_FOR_STATE[state.status]);
  if (state.view.discount && holdsCheckout(state.view.discount.status)) {
    return failure('DISCOUNT_ALREADY_APPLIED');
  }
  const cost = costOf(state, choice);
  if (typeof cost === 'string') return failure(cost);
  const refusal = await guard(state.member.accountId);
  if (refusal) return failure(refusal);

  const lease = await takeSpendLease(lock, state.member.accountId);
  if (lease === undefined) return failure('UPSTREAM_UNAVAILABLE');
  if (!lease) return failure('REDEMPTION_IN_PROGRESS');
  try {
    const options = optionsFor(state, choice);
    // `loadCheckoutState` proved the checkout the member's own, so the key may apply to it if Wix refuses the
    // member's token; the lease above is held across both calls, and a refused call wrote nothing.
    const { discount } = await asMemberOrApp(
      'checkoutExchange.applyDiscountToCheckout',
      () =>
        createMemberClient(state.member.tokens).checkoutExchange.applyDiscountToCheckout(checkoutId, options),
      () => getAdminClient().checkoutExchange.applyDiscountToCheckout(checkoutId, options),
    );
    const view = discount && toDiscountView(discount, state.catalog, []);
    if (!view) throw new Error('apply answered without a discount');
    const named = { ...view, name: view.name ?? nameOf(state, choice) };
    return {
      ok: true,
      discount: named,
      view: {
        ...state.view,
        balance: state.view.balance - cost,
        // Wix worked out the new total; the storefront reads it again on `loyalty:discount-applied`.
        total: { ...state.view.total, amount: null },
        coupons: state.view.coupons.filter(
          (coupon) => choice.kind !== 'coupon' || coupon.id !== choice.couponId,
        ),
        discount: named,
      },
    };
  } catch (error) {
    return failure(explainRefusal(error));
  } finally {
    await letGo(lease);
  }
}

/** What the choice costs this member in points now, or why it cannot be had. */
function costOf(state: Ready, choice: CheckoutChoice): number | CheckoutErrorCode {
  const { view, member, catalog } = state;
  if (choice.kind === 'coupon') {
    // A coupon was paid for when it was redeemed; only the member's own unused ones are offered.
    return view.coupons.some((coupon) => coupon.id === choice.couponId) ? 0 : 'REWARD_UNAVAILABLE';
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
function optionsFor(state: Ready, choice: CheckoutChoice) {
  if (choice.kind === 'coupon') return { loyaltyCoupon: { _id: choice.couponId } };
  if (choice.kind === 'reward') return { reward: { _id: choice.rewardId } };
  return { reward: { _id: state.view.flexible?.id, pointsToSpend: choice.points } };
}

function nameOf(state: Ready, choice: CheckoutChoice): string | null {
  if (choice.kind === 'coupon')
    return state.view.coupons.find((c) => c.id === choice.couponId)?.rewardName ?? null;
  if (choice.kind === 'flexible') return state.view.flexible?.name ?? null;
  return null;
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
