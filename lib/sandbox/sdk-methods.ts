import type { RouteKey } from './router';

/**
 * The SDK method each Wix route of the sandbox answers, as `<module>.<method>`: the module's name in
 * `createClient({ modules })` and the function the SDK exports (its REST path and verb are in each package's
 * `build/es/index.mjs`). The permission switch is keyed by these names, so a test denies the method the app
 * and the doctor name. OAuth and redirect sessions are the SDK's auth, not a module's method: not named.
 */
const SDK_METHOD_BY_ROUTE = {
  'POST /loyalty-accounts/v1/accounts/query': 'accounts.queryLoyaltyAccounts',
  'POST /loyalty-accounts/v1/accounts/search': 'accounts.searchAccounts',
  'POST /loyalty-accounts/v1/accounts/count': 'accounts.countAccounts',
  'POST /loyalty-accounts/v1/accounts/bulk-adjust': 'accounts.bulkAdjustPoints',
  'GET /loyalty-accounts/v1/accounts': 'accounts.listAccounts',
  'GET /loyalty-accounts/v1/accounts/my-account': 'accounts.getCurrentMemberAccount',
  'GET /loyalty-accounts/v1/accounts/fetch-by': 'accounts.getAccountBySecondaryId',
  'GET /loyalty-accounts/v1/accounts/program-totals': 'accounts.getProgramTotals',
  'POST /loyalty-accounts/v1/accounts': 'accounts.createAccount',
  'GET /loyalty-accounts/v1/accounts/:id': 'accounts.getAccount',
  'POST /loyalty-accounts/v1/accounts/:id/earn-points': 'accounts.earnPoints',
  'POST /loyalty-accounts/v1/accounts/:id/adjust-points': 'accounts.adjustPoints',
  'GET /loyalty-programs/v1/program': 'programs.getLoyaltyProgram',
  'POST /loyalty-programs/v1/program/activate': 'programs.activateLoyaltyProgram',
  'POST /loyalty-programs/v1/program/pause': 'programs.pauseLoyaltyProgram',
  'GET /loyalty-programs/v1/program/premium-features': 'programs.getLoyaltyProgramPremiumFeatures',
  'GET /loyalty-tiers/v1/tiers': 'tiers.listTiers',
  'GET /loyalty-tiers/v1/tiers/program-settings': 'tiers.getTiersProgramSettings',
  'GET /loyalty-tiers/v1/tiers/program': 'tiers.getTiersProgram',
  'GET /loyalty-tiers/v1/tiers/:tierId': 'tiers.getTier',
  'GET /_api/loyalty-earning-rules/v1/earning-rules/rules': 'earningRules.listEarningRules',
  'GET /_api/loyalty-earning-rules/v1/earning-rules/:id': 'earningRules.getLoyaltyEarningRule',
  'POST /loyalty-social-media/v1/followed-channels': 'socialMedia.createFollowedChannel',
  'GET /loyalty-social-media/v1/followed-channels': 'socialMedia.listFollowedChannels',
  'POST /loyalty-transactions/v1/loyalty-transactions/query': 'transactions.queryLoyaltyTransactions',
  'GET /loyalty-transactions/v1/loyalty-transactions/:id': 'transactions.getLoyaltyTransaction',
  'GET /loyalty-rewards/v1/rewards': 'rewards.listRewards',
  'POST /loyalty-rewards/v1/rewards/query': 'rewards.queryRewards',
  'POST /loyalty-rewards/v1/rewards': 'rewards.createReward',
  'GET /loyalty-rewards/v1/rewards/:id': 'rewards.getReward',
  'PUT /loyalty-rewards/v1/rewards/:id': 'rewards.updateReward',
  'DELETE /loyalty-rewards/v1/rewards/:id': 'rewards.deleteReward',
  'POST /loyalty-coupons/v1/coupons/redeem-my-coupon': 'coupons.redeemCurrentMemberPointsForCoupon',
  'GET /loyalty-coupons/v1/coupons/my-coupons': 'coupons.getCurrentMemberCoupons',
  'POST /loyalty-coupons/v1/coupons/query': 'coupons.queryLoyaltyCoupons',
  'POST /loyalty-coupons/v1/coupons': 'coupons.redeemPointsForCoupon',
  'GET /loyalty-coupons/v1/coupons/:id': 'coupons.getLoyaltyCoupon',
  'DELETE /loyalty-coupons/v1/coupons/:id': 'coupons.deleteLoyaltyCoupon',
  'POST /ecom/v1/checkouts': 'checkout.createCheckout',
  'GET /ecom/v1/checkouts/:id': 'checkout.getCheckout',
  'POST /ecom/v1/checkouts/:id/remove-coupon': 'checkout.removeCoupon',
  'POST /loyalty-checkout-exchange/v1/loyalty-checkout-discount': 'checkoutExchange.applyDiscountToCheckout',
  'POST /loyalty-checkout-exchange/v1/loyalty-checkout-discounts/query':
    'checkoutExchange.queryLoyaltyCheckoutDiscounts',
  'GET /members/v1/members/my': 'members.getCurrentMember',
  'GET /members/v1/members/:id': 'members.getMember',
  // No SDK package here: the app calls these over REST (`lib/wix/referrals.ts`), named as its door names them.
  'GET /referral-programs/v1/program': 'referrals.getReferralProgram',
  'POST /referral-customers/v1/referring-customers/query': 'referrals.queryReferringCustomers',
  'GET /referral-customers/v1/referring-customers/code/:referralCode':
    'referrals.getReferringCustomerByReferralCode',
  'POST /referral-customers/v1/referring-customers': 'referrals.generateReferringCustomerForContact',
  'POST /referral_friends/v1/referred-friends/query': 'referrals.queryReferredFriend',
  'POST /referral_friends/v1/referred-friends': 'referrals.createReferredFriend',
  'POST /referral-rewards/v1/referral-rewards/query': 'referrals.queryReferralRewards',
  'POST /referral-tracker/v1/referral-events/query': 'referrals.queryReferralEvent',
  'GET /referral-tracker/v1/referral-statistics': 'referrals.getReferralStatistics',
} as const satisfies Record<RouteKey, `${string}.${string}`>;

export type SdkMethodName = (typeof SDK_METHOD_BY_ROUTE)[keyof typeof SDK_METHOD_BY_ROUTE];

export const SDK_METHOD_NAMES: readonly SdkMethodName[] = Object.values(SDK_METHOD_BY_ROUTE);

/** The Wix routes that are the SDK's auth rather than a module's method. */
export const AUTH_ROUTES: readonly RouteKey[] = [
  'POST /oauth2/token',
  'POST /_api/redirects-api/v1/redirect-session',
];

export function sdkMethodFor(route: RouteKey): SdkMethodName | undefined {
  return (SDK_METHOD_BY_ROUTE as Record<RouteKey, SdkMethodName>)[route];
}

export const namedRoutes = (): RouteKey[] => Object.keys(SDK_METHOD_BY_ROUTE) as RouteKey[];
