import type { accounts, coupons, programs, rewards, tiers, transactions } from '@wix/loyalty';

/** Raw Wix shapes, as the SDK returns them. Only `lib/` sees these; components get `lib/loyalty` views. */
export type WixLoyaltyAccount = accounts.LoyaltyAccount;
export type WixLoyaltyProgram = programs.LoyaltyProgram;
export type WixTier = tiers.Tier;
export type WixTiersProgram = { tiers?: WixTier[]; programSettings?: tiers.TiersProgramSettings };
export type WixEarningRule = import('@wix/loyalty').earningRules.LoyaltyEarningRule;
export type WixReward = rewards.Reward;
export type WixLoyaltyCoupon = coupons.LoyaltyCoupon;
export type WixLoyaltyTransaction = transactions.LoyaltyTransaction;
export type WixCheckout = import('@wix/ecom').checkout.Checkout;
export type WixLoyaltyCheckoutDiscount = import('@wix/loyalty').checkoutExchange.LoyaltyCheckoutDiscount;
