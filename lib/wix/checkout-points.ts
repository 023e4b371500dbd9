import 'server-only';
import type { CheckoutPointsView, ReferralRewardOffer } from '@/lib/loyalty/checkout-view';
import { isExpired, type SessionState } from '@/lib/session/cookies';
import {
  composeCheckoutView,
  readPointsSpent,
  shownDiscount,
  spendingTransactionId,
} from './checkout-figures';
import { createMemberClient, getAdminClient } from './clients';
import type { MemberWithAccount } from './earn-state';
import { anyUnauthenticated, classifyWixFailure, firstFailure } from './errors';
import { loadSessionReferralRewards } from './friend-referral-rewards';
import { loadMemberContext } from './member-context';
import { memberRefused, refusedToMember } from './member-fallback';
import { logFailure } from './observe-calls';
import { loadRewards } from './site-catalog';
import type { WixCheckout, WixLoyaltyCheckoutDiscount, WixLoyaltyCoupon, WixReward } from './types';

/**
 * Everything an apply or a removal needs to decide before it writes, read in one concurrent round: who the
 * member is, the checkout (with the API key: members cannot read checkouts, so whose it is is checked here),
 * the loyalty discounts already on it, the member's coupons and the cached rewards. A site that refuses the
 * member's token for the discounts has them read again with the API key, once the checkout is known to be
 * the member's (`member-fallback.ts`).
 */
export type CheckoutState =
  /** `rejected`: Wix refused the session's tokens, so whoever can write cookies clears it. */
  | { status: 'signed-out'; rejected: boolean }
  | { status: 'no-account' | 'unavailable' | 'no-checkout' | 'program-inactive' }
  | {
      status: 'ready';
      member: MemberWithAccount;
      view: CheckoutPointsView;
      catalog: WixReward[];
      coupons: WixLoyaltyCoupon[];
      /** The member's unused referral coupon rewards, as read (the view shows them beside the coupons). */
      referralRewards: ReferralRewardOffer[];
      checkout: WixCheckout;
      /** The discount the view shows, as Wix gave it. */
      discount: WixLoyaltyCheckoutDiscount | null;
      /** The transaction in which that discount spent the member's points, when it holds the checkout. */
      spentIn: string | null;
    };

function unavailable(what: string, error: unknown): CheckoutState {
  logFailure(error, `checkout: ${what}`);
  return { status: 'unavailable' };
}

const QUERY_DISCOUNTS = 'checkoutExchange.queryLoyaltyCheckoutDiscounts';

/** The loyalty discounts on a checkout, read with the API key: only for a checkout proven the member's own. */
const appDiscountsOn = (checkoutId: string) =>
  getAdminClient().checkoutExchange.queryLoyaltyCheckoutDiscounts().eq('checkoutId', checkoutId).find();

/** One promise's outcome, as `Promise.allSettled` gives it. */
export const settle = async <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  (await Promise.allSettled([promise]))[0]!;

/** The member's contact once the member context is read: what their referred-friend record is found by. */
const contactOf = (context: ReturnType<typeof loadMemberContext>) =>
  context.then(
    (who) => (who.status === 'member' ? who.contactId : null),
    () => null,
  );

/**
 * The checkout view's data for the signed-in member: one round trip (the program and the rewards are
 * cached, and the member's referred-friend record is remembered for the session: a session's first view
 * learns it, one or two trips more; with `learnReferral` off, a member not yet known shows no referral
 * reward instead). A checkout that is unknown, malformed or someone else's is `no-checkout`, indistinguishable.
 */
export async function loadCheckoutState(
  session: SessionState,
  checkoutId: string | null,
  { learnReferral = true }: { learnReferral?: boolean } = {},
): Promise<CheckoutState> {
  const tokens = session.status === 'member' && !isExpired(session.tokens) ? session.tokens : null;
  const member = tokens ? createMemberClient(tokens) : null;
  const discountsAsApp = memberRefused(QUERY_DISCOUNTS);
  const contextRead = loadMemberContext(session);
  const [context, rewards, coupons, checkout, discounts, referral] = await Promise.allSettled([
    contextRead,
    loadRewards(),
    member ? member.coupons.getCurrentMemberCoupons() : Promise.resolve(null),
    checkoutId && tokens ? getAdminClient().checkout.getCheckout(checkoutId) : Promise.resolve(null),
    !checkoutId || !member
      ? Promise.resolve(null)
      : discountsAsApp
        ? appDiscountsOn(checkoutId)
        : member.checkoutExchange.queryLoyaltyCheckoutDiscounts().eq('checkoutId', checkoutId).find(),
    checkoutId && tokens
      ? loadSessionReferralRewards(tokens, contactOf(contextRead), learnReferral)
      : Promise.resolve<ReferralRewardOffer[]>([]),
  ]);
  const who = context.status === 'fulfilled' ? context.value : ({ status: 'unavailable' } as const);
  // Not the discounts: a member's query on someone else's checkout may be refused with a 403, which is not a
  // session that ended. Whose checkout it is gets decided below, before the discounts are looked at.
  if (who.status === 'signed-out') return { status: 'signed-out', rejected: who.reason === 'rejected' };
  if (anyUnauthenticated([coupons])) return { status: 'signed-out', rejected: true };
  if (who.status !== 'member') return { status: who.status };
  if (!who.snapshot.program.active) return { status: 'program-inactive' };
  if (rewards.status === 'rejected' || coupons.status === 'rejected') {
    return unavailable('rewards or coupons', firstFailure([rewards, coupons]));
  }
  if (checkout.status === 'rejected') {
    const kind = classifyWixFailure(checkout.reason);
    return kind === 'not-found' || kind === 'invalid'
      ? { status: 'no-checkout' }
      : unavailable('checkout', checkout.reason);
  }
  if (!checkoutId || !checkout.value || !ownedBy(checkout.value, who)) return { status: 'no-checkout' };
  // The checkout is the member's own, so Wix refusing the member's token now is the site's permissions.
  const found =
    discounts.status === 'rejected' && !discountsAsApp && refusedToMember(QUERY_DISCOUNTS, discounts.reason)
      ? await settle(appDiscountsOn(checkoutId))
      : discounts;
  if (found.status === 'rejected') return unavailable('checkout discounts', found.reason);

  // A friend's reward is a courtesy beside the member's own: the view goes on without it when it cannot be read.
  if (referral.status === 'rejected') logFailure(referral.reason, 'checkout: referral rewards');
  const referralRewards = referral.status === 'fulfilled' ? referral.value : [];
  const wixCoupons = coupons.value?.loyaltyCoupons ?? [];
  const discountsFound = found.value?.items ?? [];
  const view = composeCheckoutView({
    checkoutId,
    tierId: who.tierId,
    balance: who.account.balance,
    catalog: rewards.value,
    coupons: wixCoupons,
    referralRewards,
    checkout: checkout.value,
    discounts: discountsFound,
    pointsSpent: null,
  });
  return {
    status: 'ready',
    member: who,
    view,
    catalog: rewards.value,
    coupons: wixCoupons,
    referralRewards,
    checkout: checkout.value,
    discount: shownDiscount(discountsFound),
    spentIn: spendingTransactionId(discountsFound, checkout.value, wixCoupons),
  };
}

/**
 * The checkout view as the shopper sees it: the state above, and, when a discount holds the checkout, what it
 * cost in points, from Wix's transaction for it (a second round trip, only then).
 */
export async function loadCheckoutView(
  session: SessionState,
  checkoutId: string | null,
): Promise<CheckoutState> {
  const state = await loadCheckoutState(session, checkoutId);
  if (state.status !== 'ready' || !state.spentIn || !state.view.discount) return state;
  const pointsSpent = await readPointsSpent(state.spentIn, state.member.accountId);
  return { ...state, view: { ...state.view, discount: { ...state.view.discount, pointsSpent } } };
}

/**
 * The checkout is this member's: its buyer is the member's contact. A checkout of another member, or of a
 * visitor, is treated as unknown, so a forged id reveals nothing and spends nothing.
 */
function ownedBy(checkout: WixCheckout, member: MemberWithAccount): boolean {
  const buyer = checkout.buyerInfo?.contactId;
  return !!buyer && buyer === member.contactId;
}
