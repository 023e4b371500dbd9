import 'server-only';
import type { Tokens } from '@wix/sdk';
import { z } from 'zod';
import { createMemberClient, getAdminClient } from './clients';
import {
  pageSchema,
  referralEventSchema,
  referralProgramSchema,
  referralRewardSchema,
  referralStatisticsSchema,
  referredFriendSchema,
  referringCustomerSchema,
  type ReferralEvent,
  type ReferralPage,
  type ReferralProgram,
  type ReferralQuery,
  type ReferralRewardRecord,
  type ReferralStatistics,
  type ReferredFriend,
  type ReferringCustomer,
} from './referral-types';
import { callWixRest } from './wix-rest';

/**
 * The one door to Wix's Referral Program. Its SDK package is not installable from the registry this app is
 * built from, so these are REST calls through the SDK clients' authenticated fetch (`wix-rest.ts`); paths,
 * shapes and refusals are in `docs/wix-referrals.md`. Every function throws what the SDK's methods throw (a
 * failure `classifyWixFailure` reads, logged once at the door) and answers only what its schema accepts.
 */

const PROGRAM = '/referral-programs/v1/program';
const CUSTOMERS = '/referral-customers/v1/referring-customers';
const FRIENDS = '/referral_friends/v1/referred-friends';
const REWARDS = '/referral-rewards/v1/referral-rewards';
const TRACKER = '/referral-tracker/v1';

/** Every endpoint the door calls, by the SDK-style method name `wix-calls.ts` and the doctor know it by. */
export const REFERRAL_ENDPOINTS = {
  getReferralProgram: {
    method: 'referrals.getReferralProgram',
    verb: 'GET',
    path: PROGRAM,
    schema: z.object({ referralProgram: referralProgramSchema }),
  },
  generateReferringCustomerForContact: {
    method: 'referrals.generateReferringCustomerForContact',
    verb: 'POST',
    path: CUSTOMERS,
    schema: z.object({ referringCustomer: referringCustomerSchema }),
  },
  getReferringCustomerByReferralCode: {
    method: 'referrals.getReferringCustomerByReferralCode',
    verb: 'GET',
    path: `${CUSTOMERS}/code/{referralCode}`,
    schema: z.object({ referringCustomer: referringCustomerSchema }),
  },
  queryReferringCustomers: {
    method: 'referrals.queryReferringCustomers',
    verb: 'POST',
    path: `${CUSTOMERS}/query`,
    schema: pageSchema('referringCustomers', referringCustomerSchema),
  },
  createReferredFriend: {
    method: 'referrals.createReferredFriend',
    verb: 'POST',
    path: FRIENDS,
    schema: z.object({ referredFriend: referredFriendSchema }),
  },
  queryReferredFriend: {
    method: 'referrals.queryReferredFriend',
    verb: 'POST',
    path: `${FRIENDS}/query`,
    schema: pageSchema('referredFriends', referredFriendSchema),
  },
  queryReferralRewards: {
    method: 'referrals.queryReferralRewards',
    verb: 'POST',
    path: `${REWARDS}/query`,
    schema: pageSchema('referralRewards', referralRewardSchema),
  },
  queryReferralEvent: {
    method: 'referrals.queryReferralEvent',
    verb: 'POST',
    path: `${TRACKER}/referral-events/query`,
    schema: pageSchema('referralEvents', referralEventSchema),
  },
  getReferralStatistics: {
    method: 'referrals.getReferralStatistics',
    verb: 'GET',
    path: `${TRACKER}/referral-statistics`,
    schema: referralStatisticsSchema,
  },
} as const;

export type ReferralEndpointName = keyof typeof REFERRAL_ENDPOINTS;

const page = <Item>(items: Item[], paging?: { cursors?: { next?: string | null } }): ReferralPage<Item> => ({
  items,
  nextCursor: paging?.cursors?.next ?? null,
});

/** The site's referral program: its status and the rewards of both sides. */
export async function getReferralProgram(): Promise<ReferralProgram> {
  const answer = await callWixRest(getAdminClient(), REFERRAL_ENDPOINTS.getReferralProgram);
  return answer.referralProgram;
}

/**
 * The signed-in member's referring customer, with their referral code: made on the first call, the same
 * afterwards (Generate Referring Customer For Contact with `"me"`).
 */
export async function generateMyReferringCustomer(tokens: Tokens): Promise<ReferringCustomer> {
  const answer = await callWixRest(
    createMemberClient(tokens),
    REFERRAL_ENDPOINTS.generateReferringCustomerForContact,
    { body: { contactId: 'me' } },
  );
  return answer.referringCustomer;
}

/** Whose code it is. An unknown code is a `not-found` failure, a malformed one `invalid`. */
export async function getReferringCustomerByCode(referralCode: string): Promise<ReferringCustomer> {
  const answer = await callWixRest(getAdminClient(), REFERRAL_ENDPOINTS.getReferringCustomerByReferralCode, {
    params: { referralCode },
  });
  return answer.referringCustomer;
}

export async function queryReferringCustomers(
  query: ReferralQuery = {},
): Promise<ReferralPage<ReferringCustomer>> {
  const answer = await callWixRest(getAdminClient(), REFERRAL_ENDPOINTS.queryReferringCustomers, {
    body: { query },
  });
  return page(answer.referringCustomers, answer.pagingMetadata);
}

/**
 * Records the signed-in member as referred by the code's owner (Create Referred Friend, member identity).
 * The same code again answers the existing record; Wix refuses a self-referral (`invalid`), a member already
 * referred by someone else (`conflict`), a member who is already a customer (`precondition`) and an unknown
 * code (`not-found`).
 */
export async function createMyReferredFriend(tokens: Tokens, referralCode: string): Promise<ReferredFriend> {
  const answer = await callWixRest(createMemberClient(tokens), REFERRAL_ENDPOINTS.createReferredFriend, {
    body: { referralCode },
  });
  return answer.referredFriend;
}

export async function queryReferredFriends(query: ReferralQuery = {}): Promise<ReferralPage<ReferredFriend>> {
  const answer = await callWixRest(getAdminClient(), REFERRAL_ENDPOINTS.queryReferredFriend, {
    body: { query },
  });
  return page(answer.referredFriends, answer.pagingMetadata);
}

export async function queryReferralRewards(
  query: ReferralQuery = {},
): Promise<ReferralPage<ReferralRewardRecord>> {
  const answer = await callWixRest(getAdminClient(), REFERRAL_ENDPOINTS.queryReferralRewards, {
    body: { query },
  });
  return page(answer.referralRewards, answer.pagingMetadata);
}

export async function queryReferralEvents(query: ReferralQuery = {}): Promise<ReferralPage<ReferralEvent>> {
  const answer = await callWixRest(getAdminClient(), REFERRAL_ENDPOINTS.queryReferralEvent, {
    body: { query },
  });
  return page(answer.referralEvents, answer.pagingMetadata);
}

export async function getReferralStatistics(): Promise<ReferralStatistics> {
  return callWixRest(getAdminClient(), REFERRAL_ENDPOINTS.getReferralStatistics);
}
