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
} from '@/lib/loyalty/checkout-view';
import { isExpired, type SessionState } from '@/lib/session/cookies';
import { createMemberClient, getAdminClient } from './clients';
import type { MemberWithAccount } from './earn-state';
import { anyUnauthenticated, classifyWixFailure, firstFailure } from './errors';
import { loadMemberContext } from './member-context';
import { memberRefused, refusedToMember } from './member-fallback';
import { logFailure } from './observe-calls';
import { loadRewards } from './site-catalog';
import type { WixCheckout, WixLoyaltyCheckoutDiscount, WixLoyaltyCoupon, WixReward } from './types';

/**
 * Everything an apply needs to decide before it writes, read in one concurrent round: who the member is,
 * the checkout (with the API key: members cannot read checkouts, so whose it is is checked here), the
 * loyalty discounts already on it, the member's coupons and the cached rewards. A site that refuses the
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
    };

function unavailable(what: string, error: unknown): CheckoutState {
  logFailure(error, `checkout: ${what}`);
  return { status: 'unavailable' };
}

const QUERY_DISCOUNTS = 'checkoutExchange.queryLoyaltyCheckoutDiscounts';

/** The loyalty discounts on a checkout, read with the API key: only for a checkout proven the member's own. */
const appDiscountsOn = (checkoutId: string) =>
  getAdminClient().checkoutExchange.queryLoyaltyCheckoutDiscounts().eq('checkoutId', checkoutId).find();

const settle = async <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  (await Promise.allSettled([promise]))[0]!;

/**
 * The checkout view's data for the signed-in member: one round trip (the program and the rewards are
 * cached). A checkout that is unknown, malformed or someone else's is `no-checkout`, indistinguishable.
 */
export async function loadCheckoutState(
  session: SessionState,
  checkoutId: string | null,
): Promise<CheckoutState> {
  const tokens = session.status === 'member' && !isExpired(session.tokens) ? session.tokens : null;
  const member = tokens ? createMemberClient(tokens) : null;
  const discountsAsApp = memberRefused(QUERY_DISCOUNTS);
  const [context, rewards, coupons, checkout, discounts] = await Promise.allSettled([
    loadMemberContext(session),
    loadRewards(),
    member ? member.coupons.getCurrentMemberCoupons() : Promise.resolve(null),
    checkoutId && tokens ? getAdminClient().checkout.getCheckout(checkoutId) : Promise.resolve(null),
    !checkoutId || !member
      ? Promise.resolve(null)
      : discountsAsApp
        ? appDiscountsOn(checkoutId)
        : member.checkoutExchange.queryLoyaltyCheckoutDiscounts().eq('checkoutId', checkoutId).find(),
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

  const wixCoupons = coupons.value?.loyaltyCoupons ?? [];
  const balance = who.account.balance;
  const total = checkoutTotal(checkout.value);
  const view: CheckoutPointsView = {
    checkoutId,
    balance,
    total,
    rewards: applicableRewards(rewards.value, who.tierId, balance),
    coupons: unusedCoupons(wixCoupons),
    flexible: toFlexibleReward(rewards.value, who.tierId, balance, total.amount ?? 0),
    discount: newestDiscount(found.value?.items ?? [], rewards.value, wixCoupons),
  };
  return { status: 'ready', member: who, view, catalog: rewards.value };
}

/**
 * The checkout is this member's: its buyer is the member's contact. A checkout of another member, or of a
 * visitor, is treated as unknown, so a forged id reveals nothing and spends nothing.
 */
function ownedBy(checkout: WixCheckout, member: MemberWithAccount): boolean {
  const buyer = checkout.buyerInfo?.contactId;
  return !!buyer && buyer === member.contactId;
}

function checkoutTotal(checkout: WixCheckout) {
  const total = checkout.priceSummary?.total;
  return {
    amount: parseAmount(total?.amount) ?? 0,
    currency: checkout.currency ?? null,
  };
}

/**
 * The discount to show: the one holding the checkout, else the newest (Wix lists the newest first by
 * default; the query can sort by nothing else).
 */
function newestDiscount(
  discounts: WixLoyaltyCheckoutDiscount[],
  catalog: WixReward[],
  coupons: WixLoyaltyCoupon[],
): CheckoutDiscountView | null {
  const holding = discounts.find((discount) => holdsCheckout(toDiscountStatus(discount.status)));
  const shown = holding ?? discounts[0];
  return shown ? toDiscountView(shown, catalog, coupons) : null;
}

export function toDiscountView(
  discount: WixLoyaltyCheckoutDiscount,
  catalog: WixReward[],
  coupons: WixLoyaltyCoupon[],
): CheckoutDiscountView | null {
  if (!discount._id || !discount.checkoutId) return null;
  const reward = discount.rewardId ? catalog.find((r) => r._id === discount.rewardId) : undefined;
  const coupon = discount.loyaltyCouponId
    ? coupons.find((c) => c._id === discount.loyaltyCouponId)
    : undefined;
  const kind =
    discount.discountType === 'DISCOUNT_AMOUNT'
      ? 'flexible'
      : discount.discountType === 'LOYALTY_COUPON'
        ? 'coupon'
        : discount.discountType === 'COUPON_REWARD'
          ? 'reward'
          : 'other';
  return {
    id: discount._id,
    checkoutId: discount.checkoutId,
    status: toDiscountStatus(discount.status),
    kind,
    name: reward?.name?.trim() || coupon?.rewardName?.trim() || null,
  };
}
