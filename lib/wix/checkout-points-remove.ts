import 'server-only';
import { failure, type CheckoutRemoveErrorCode } from '@/lib/errors/codes';
import { removable, type CheckoutDiscountView } from '@/lib/loyalty/checkout-view';
import type { SessionState } from '@/lib/session/cookies';
import {
  composeCheckoutView,
  readPointsSpent,
  withCouponStatus,
  withReferralRewardBack,
} from './checkout-figures';
import { loadCheckoutState, loadCheckoutView } from './checkout-points';
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
import { letGo, takeRepeatWindow } from './redemption';

export type CheckoutRemoveResult = CheckoutWriteResult<CheckoutRemoveErrorCode>;
export type CheckoutRemoveOptions = CheckoutWriteOptions<CheckoutRemoveErrorCode>;

/** What Wix calls a loyalty discount whose coupon was taken off the checkout: its points are refunded. */
const REMOVED = 'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL';

/**
 * Takes the loyalty discount off the member's own checkout, in two round trips: the read an apply starts with
 * (which proves the checkout the member's and finds the discount waiting on it), then Wix's Remove Coupon,
 * which refunds the exchange, beside the read of what the discount cost, which is what comes back. Remove
 * Coupon goes with the member's token, and with the API key only when the site refuses that token, on the
 * checkout the read has just proven the member's. It runs inside the member's spend lease, so a removal and an
 * apply never overlap, and the same removal asked again within seconds (a double click, a second tab) is
 * answered NO_DISCOUNT_TO_REMOVE without a call: Wix would take nothing more off, nor give anything back.
 */
export async function removeCheckoutDiscount(
  session: SessionState,
  checkoutId: string,
  options: CheckoutRemoveOptions = {},
): Promise<CheckoutRemoveResult> {
  // A referral reward taken off is given back from the discount itself (`withReferralRewardBack`).
  const state = await loadCheckoutState(session, checkoutId, { learnReferral: false });
  if (state.status !== 'ready') return failure(CODE_FOR_STATE[state.status]);
  const shown = state.view.discount;
  if (state.checkout.completed || shown?.status === 'COMPLETED') return failure('ORDER_ALREADY_PLACED');
  if (!shown || !removable(shown.status)) return failure('NO_DISCOUNT_TO_REMOVE');
  return inSpendLease(state, options, async (lock) => {
    const repeat = await takeRepeatWindow(lock, `removed:${shown.id}`);
    if (repeat === undefined) return failure('UPSTREAM_UNAVAILABLE');
    if (!repeat) return failure('NO_DISCOUNT_TO_REMOVE');
    try {
      return await remove(session, state, shown);
    } catch (error) {
      // A second try cannot refund twice (Wix refunds a discount once), so the member may try again at once.
      await letGo(repeat);
      return failure(explainRefusal(error));
    }
  });
}

async function remove(
  session: SessionState,
  state: ReadyCheckout,
  shown: CheckoutDiscountView,
): Promise<CheckoutRemoveResult> {
  const { checkoutId } = state.view;
  const { member } = state;
  const [removed, points] = await Promise.all([
    asMemberOrApp(
      'checkout.removeCoupon',
      () => createMemberClient(member.tokens).checkout.removeCoupon(checkoutId),
      () => getAdminClient().checkout.removeCoupon(checkoutId),
    ),
    shown.pointsSpent === null && state.spentIn
      ? readPointsSpent(state.spentIn, member.accountId)
      : Promise.resolve(shown.pointsSpent),
  ]);
  if (!removed.checkout || points === null) {
    // The discount is off, but what came back is not known here: the view as Wix has it now.
    const now = await loadCheckoutView(session, checkoutId);
    if (now.status !== 'ready' || !now.view.discount) throw new Error('the checkout could not be read again');
    return { ok: true, view: now.view, discount: now.view.discount };
  }
  const discount = state.discount;
  const heldCoupon = discount?.discountType === 'LOYALTY_COUPON' ? discount.loyaltyCouponId : null;
  const view = composeCheckoutView({
    checkoutId,
    tierId: member.tierId,
    // Wix refunds what the exchange took when its coupon comes off; the live updates follow its webhooks.
    balance: state.view.balance + points,
    catalog: state.catalog,
    // A coupon the member held is theirs to use again.
    coupons: withCouponStatus(state.coupons, heldCoupon, 'ACTIVE'),
    // And so is a friend's referral coupon.
    referralRewards: withReferralRewardBack(state.referralRewards, discount, state.checkout),
    checkout: removed.checkout,
    discounts: discount ? [{ ...discount, status: REMOVED }] : [],
    pointsSpent: points,
  });
  if (!view.discount) throw new Error('the removed discount has no view');
  return { ok: true, view, discount: view.discount };
}

/** Why Wix refused to take the coupon off: the read just before found the discount waiting there. */
function explainRefusal(error: unknown): CheckoutRemoveErrorCode {
  const kind = classifyWixFailure(error);
  if (kind === 'unauthenticated') return 'SIGN_IN_REQUIRED';
  if (kind === 'not-found') return 'CHECKOUT_NOT_FOUND';
  // The checkout became an order between the read and the removal.
  if (kind === 'precondition') return 'ORDER_ALREADY_PLACED';
  logFailure(error, 'checkout: remove');
  return 'UPSTREAM_UNAVAILABLE';
}
