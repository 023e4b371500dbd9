import type { Failure, RedeemErrorCode } from '@/lib/errors/codes';
import type { CouponView } from './rewards-view';
import type { AccountView } from './view-model';

export type RedeemSuccess = { ok: true; account: AccountView; coupon: CouponView; cost: number };
export type RedeemResult = RedeemSuccess | Failure<RedeemErrorCode>;

/**
 * The account once a redemption of `cost` went through, worked out from the account read just before it, so
 * the card changes without another round trip to Wix: the balance goes down and `redeemed` up by exactly the
 * cost (tier points never move on a redemption). The card then confirms the rest (expiry, last activity)
 * with its own refresh.
 */
export function afterRedemption(account: AccountView, cost: number, rewardAvailable: boolean): AccountView {
  return {
    ...account,
    balance: account.balance - cost,
    redeemed: account.redeemed + cost,
    rewardAvailable,
  };
}
