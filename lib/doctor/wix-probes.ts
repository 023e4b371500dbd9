import 'server-only';
import { LOYALTY_APP_ID } from '@/lib/loyalty/earn-config';
import type { createMemberClient, getAdminClient } from '@/lib/wix/clients';
import type { z } from 'zod';
import { REFERRAL_ENDPOINTS } from '@/lib/wix/referrals';
import { callWixRest, type RestEndpoint } from '@/lib/wix/wix-rest';
import type { WixCallKey } from '@/lib/wix/wix-calls';

type AppClient = ReturnType<typeof getAdminClient>;
type MemberClient = ReturnType<typeof createMemberClient>;

/** Ids no site has (fresh per run), and a channel the member already follows, if any. */
export type ProbeTargets = { missingId: string; otherMissingId: string; followedChannel: string | null };

/**
 * How the doctor calls one method without changing anything on the site. A read is made as the app makes
 * it (`answer`: Wix must answer it). A write is aimed where it cannot write (`refusal`): a checkout, an
 * account, a contact or a reward that does not exist, or a channel already followed, so Wix refuses it
 * after deciding the identity may call it. `run` answers null when there is nothing safe to call it on.
 */
type Probe<Client> = {
  expects: 'answer' | 'refusal' | 'either';
  /** What a refusal was about, for the report: "a checkout that does not exist". */
  target?: string;
  run: (client: Client, targets: ProbeTargets) => Promise<unknown> | null;
  /** Why `run` may answer null. */
  notCalled?: string;
};

type Probes = {
  [K in WixCallKey]: K extends `${string}@app` ? Probe<AppClient> : Probe<MemberClient>;
};

const NO_CHECKOUT = 'a checkout that does not exist';
const NO_ACCOUNT = 'an account that does not exist';

/** The checkout exchange is called with either identity, the same way. */
type ExchangeClient = Pick<AppClient, 'checkoutExchange'>;

const EXCHANGE_QUERY: Probe<ExchangeClient> = {
  expects: 'answer',
  run: (client, { missingId }) =>
    client.checkoutExchange.queryLoyaltyCheckoutDiscounts().eq('checkoutId', missingId).limit(1).find(),
};

const EXCHANGE_APPLY: Probe<ExchangeClient> = {
  expects: 'refusal',
  target: NO_CHECKOUT,
  run: (client, { missingId, otherMissingId }) =>
    client.checkoutExchange.applyDiscountToCheckout(missingId, {
      reward: { _id: otherMissingId, pointsToSpend: 1 },
    }),
};

/** Remove Coupon on a checkout that does not exist: a 404 there means the identity may call it. */
const REMOVE_COUPON: Probe<Pick<AppClient, 'checkout'>> = {
  expects: 'refusal',
  target: NO_CHECKOUT,
  run: (client, { missingId }) => client.checkout.removeCoupon(missingId),
};

/** A referral Query method read as the app reads it: one item. */
type ReferralQueryName =
  'queryReferringCustomers' | 'queryReferredFriend' | 'queryReferralRewards' | 'queryReferralEvent';

const referralQuery = (name: ReferralQueryName): Probe<AppClient> => {
  const endpoint: RestEndpoint<z.ZodType> = REFERRAL_ENDPOINTS[name];
  return {
    expects: 'answer',
    run: (app) => callWixRest(app, endpoint, { body: { query: { cursorPaging: { limit: 1 } } } }),
  };
};

/** A well-formed referral code (12 letters or digits) no one has: fresh from a missing id. */
const missingCode = (missingId: string) => missingId.replaceAll('-', '').slice(0, 12);

export const WIX_PROBES: Probes = {
  'programs.getLoyaltyProgram@app': { expects: 'answer', run: (app) => app.programs.getLoyaltyProgram() },
  'tiers.getTiersProgram@app': { expects: 'answer', run: (app) => app.tiers.getTiersProgram() },
  'earningRules.listEarningRules@app': {
    expects: 'answer',
    run: (app) => app.earningRules.listEarningRules(),
  },
  'rewards.listRewards@app': {
    expects: 'answer',
    run: (app) => app.rewards.listRewards({ cursorPaging: { limit: 1 } }),
  },
  'accounts.getAccount@app': {
    expects: 'refusal',
    target: NO_ACCOUNT,
    run: (app, { missingId }) => app.accounts.getAccount(missingId),
  },
  'accounts.listAccounts@app': {
    expects: 'answer',
    run: (app) => app.accounts.listAccounts({ cursorPaging: { limit: 1 } }),
  },
  'accounts.getAccountBySecondaryId@app': {
    expects: 'refusal',
    target: 'a contact with no loyalty account',
    run: (app, { missingId }) => app.accounts.getAccountBySecondaryId({ contactId: missingId }),
  },
  'accounts.createAccount@app': {
    expects: 'refusal',
    target: 'a contact that does not exist',
    run: (app, { missingId }) => app.accounts.createAccount(missingId),
  },
  'accounts.earnPoints@app': {
    expects: 'refusal',
    target: NO_ACCOUNT,
    run: (app, { missingId }) =>
      app.accounts.earnPoints(missingId, {
        amount: 1,
        appId: LOYALTY_APP_ID,
        idempotencyKey: `doctor-${missingId}`,
      }),
  },
  'transactions.queryLoyaltyTransactions@app': {
    expects: 'answer',
    run: (app) => app.transactions.queryLoyaltyTransactions().limit(1).find(),
  },
  'transactions.getLoyaltyTransaction@app': {
    expects: 'refusal',
    target: 'a transaction that does not exist',
    run: (app, { missingId }) => app.transactions.getLoyaltyTransaction(missingId),
  },
  'checkout.getCheckout@app': {
    expects: 'refusal',
    target: NO_CHECKOUT,
    run: (app, { missingId }) => app.checkout.getCheckout(missingId),
  },
  'checkoutExchange.queryLoyaltyCheckoutDiscounts@app': EXCHANGE_QUERY,
  'checkoutExchange.applyDiscountToCheckout@app': EXCHANGE_APPLY,
  'checkout.removeCoupon@app': REMOVE_COUPON,
  // A member without a loyalty account is a 404: the method may still be called.
  'accounts.getCurrentMemberAccount@member': {
    expects: 'either',
    target: 'a member with no loyalty account',
    run: (member) => member.accounts.getCurrentMemberAccount(),
  },
  'members.getCurrentMember@member': {
    expects: 'answer',
    run: (member) => member.members.getCurrentMember(),
  },
  'coupons.getCurrentMemberCoupons@member': {
    expects: 'answer',
    run: (member) => member.coupons.getCurrentMemberCoupons(),
  },
  'coupons.redeemCurrentMemberPointsForCoupon@member': {
    expects: 'refusal',
    target: 'a reward that does not exist',
    run: (member, { missingId }) => member.coupons.redeemCurrentMemberPointsForCoupon(missingId),
  },
  'socialMedia.listFollowedChannels@member': {
    expects: 'answer',
    run: (member) => member.socialMedia.listFollowedChannels(),
  },
  // Following a new channel would award its points, so only a channel already followed is sent (a 409).
  'socialMedia.createFollowedChannel@member': {
    expects: 'refusal',
    target: 'a channel the member already follows',
    notCalled: 'the member follows no channel, and following one would award points',
    run: (member, { followedChannel }) =>
      followedChannel
        ? member.socialMedia.createFollowedChannel({
            channel: followedChannel as Parameters<
              MemberClient['socialMedia']['createFollowedChannel']
            >[0]['channel'],
          })
        : null,
  },
  'checkoutExchange.queryLoyaltyCheckoutDiscounts@member': EXCHANGE_QUERY,
  'checkoutExchange.applyDiscountToCheckout@member': EXCHANGE_APPLY,
  'checkout.removeCoupon@member': REMOVE_COUPON,
  'referrals.getReferralProgram@app': {
    expects: 'answer',
    run: (app) => callWixRest(app, REFERRAL_ENDPOINTS.getReferralProgram),
  },
  // Creates the member's code if they have none, as their first view of the refer page would; never twice.
  'referrals.generateReferringCustomerForContact@member': {
    expects: 'either',
    target: 'a site whose referral program is not active',
    run: (member) =>
      callWixRest(member, REFERRAL_ENDPOINTS.generateReferringCustomerForContact, {
        body: { contactId: 'me' },
      }),
  },
  'referrals.getReferringCustomerByReferralCode@app': {
    expects: 'refusal',
    target: 'a referral code no one has',
    run: (app, { missingId }) =>
      callWixRest(app, REFERRAL_ENDPOINTS.getReferringCustomerByReferralCode, {
        params: { referralCode: missingCode(missingId) },
      }),
  },
  'referrals.queryReferringCustomers@app': referralQuery('queryReferringCustomers'),
  'referrals.createReferredFriend@member': {
    expects: 'refusal',
    target: 'a referral code no one has',
    run: (member, { missingId }) =>
      callWixRest(member, REFERRAL_ENDPOINTS.createReferredFriend, {
        body: { referralCode: missingCode(missingId) },
      }),
  },
  'referrals.queryReferredFriend@app': referralQuery('queryReferredFriend'),
  'referrals.queryReferralRewards@app': referralQuery('queryReferralRewards'),
  'referrals.queryReferralEvent@app': referralQuery('queryReferralEvent'),
  'referrals.getReferralStatistics@app': {
    expects: 'answer',
    run: (app) => callWixRest(app, REFERRAL_ENDPOINTS.getReferralStatistics),
  },
};
