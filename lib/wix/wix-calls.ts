/**
 * Every Wix method the app calls through the SDK (and, for APIs with no SDK package here, over REST through
 * the SDK clients' authenticated fetch, `wix-rest.ts`), with the identity it calls it with: `app` is the API key
 * (`getAdminClient()`), `member` a member's OAuth token (`createMemberClient(tokens)`). Methods are named
 * `<module>.<method>`, the module's name in `createClient({ modules })` and the SDK's function. `npm run doctor`
 * calls each of them; `wix-calls.test.ts` fails when code in `lib/wix` calls one that is not here, or with
 * another identity, and when one listed here is no longer called.
 */

export type WixIdentity = 'app' | 'member';

export type WixCall = {
  method: `${string}.${string}`;
  identity: WixIdentity;
  /** What the app needs it for, in a shop owner's words. */
  purpose: string;
  /** Called with the API key only when Wix refused the member's token for the same method. */
  fallback?: true;
};

export const WIX_CALLS = [
  { method: 'programs.getLoyaltyProgram', identity: 'app', purpose: 'the program on every card' },
  { method: 'tiers.getTiersProgram', identity: 'app', purpose: 'the tiers on every card' },
  { method: 'earningRules.listEarningRules', identity: 'app', purpose: 'the ways to earn' },
  { method: 'rewards.listRewards', identity: 'app', purpose: 'the rewards a member can redeem' },
  { method: 'accounts.getAccount', identity: 'app', purpose: 'live updates after a webhook' },
  { method: 'accounts.listAccounts', identity: 'app', purpose: 'the names of the friends a member referred' },
  {
    method: 'accounts.getAccountBySecondaryId',
    identity: 'app',
    purpose: 'the referrer’s first name on a friend’s welcome',
  },
  { method: 'accounts.createAccount', identity: 'app', purpose: 'joining the program' },
  { method: 'accounts.earnPoints', identity: 'app', purpose: 'awarding points for a claim' },
  { method: 'transactions.queryLoyaltyTransactions', identity: 'app', purpose: 'the activity history' },
  {
    method: 'transactions.getLoyaltyTransaction',
    identity: 'app',
    purpose: 'the points a discount at checkout cost',
  },
  { method: 'checkout.getCheckout', identity: 'app', purpose: 'whose checkout it is, at checkout' },
  {
    method: 'checkout.removeCoupon',
    identity: 'app',
    purpose: 'taking a loyalty discount off a checkout',
    fallback: true,
  },
  {
    method: 'checkoutExchange.queryLoyaltyCheckoutDiscounts',
    identity: 'app',
    purpose: 'the discount on a checkout',
    fallback: true,
  },
  {
    method: 'checkoutExchange.applyDiscountToCheckout',
    identity: 'app',
    purpose: 'spending points at checkout',
    fallback: true,
  },
  {
    method: 'accounts.getCurrentMemberAccount',
    identity: 'member',
    purpose: 'the member’s balance and tier',
  },
  { method: 'members.getCurrentMember', identity: 'member', purpose: 'the member’s name' },
  { method: 'coupons.getCurrentMemberCoupons', identity: 'member', purpose: 'the member’s coupons' },
  {
    method: 'coupons.redeemCurrentMemberPointsForCoupon',
    identity: 'member',
    purpose: 'redeeming a reward',
  },
  { method: 'socialMedia.listFollowedChannels', identity: 'member', purpose: 'the follows already claimed' },
  { method: 'socialMedia.createFollowedChannel', identity: 'member', purpose: 'claiming a follow' },
  {
    method: 'checkoutExchange.queryLoyaltyCheckoutDiscounts',
    identity: 'member',
    purpose: 'the discount on a checkout',
  },
  {
    method: 'checkoutExchange.applyDiscountToCheckout',
    identity: 'member',
    purpose: 'spending points at checkout',
  },
  {
    method: 'checkout.removeCoupon',
    identity: 'member',
    purpose: 'taking a loyalty discount off a checkout',
  },
  // The Referral Program, over REST through the clients' authenticated fetch (`referrals.ts`).
  { method: 'referrals.getReferralProgram', identity: 'app', purpose: 'the refer-a-friend offer' },
  {
    method: 'referrals.generateReferringCustomerForContact',
    identity: 'member',
    purpose: 'the member’s referral code',
  },
  {
    method: 'referrals.getReferringCustomerByReferralCode',
    identity: 'app',
    purpose: 'whose referral link a friend followed',
  },
  { method: 'referrals.queryReferringCustomers', identity: 'app', purpose: 'the member’s referral code' },
  { method: 'referrals.createReferredFriend', identity: 'member', purpose: 'recording a referred friend' },
  { method: 'referrals.queryReferredFriend', identity: 'app', purpose: 'the friends a member referred' },
  { method: 'referrals.queryReferralRewards', identity: 'app', purpose: 'the referral rewards earned' },
  { method: 'referrals.queryReferralEvent', identity: 'app', purpose: 'the referral history' },
  { method: 'referrals.getReferralStatistics', identity: 'app', purpose: 'the referral totals' },
] as const satisfies readonly WixCall[];

export type WixCallEntry = (typeof WIX_CALLS)[number];

/** `accounts.earnPoints@app`: one call, one identity. */
export type WixCallKey = WixCallEntry extends infer Call
  ? Call extends { method: infer M extends string; identity: infer I extends string }
    ? `${M}@${I}`
    : never
  : never;

export const callKey = (call: WixCall): WixCallKey => `${call.method}@${call.identity}` as WixCallKey;

/** The methods the app calls with the API key only after Wix refused the member's token. */
export type MemberFallbackMethod = Extract<WixCallEntry, { fallback: true }>['method'];
