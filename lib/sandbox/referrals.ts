import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { authenticate, requireApp, requireMember } from './auth';
import { applicationError, parseOrThrow, permissionDenied, validationError } from './errors';
import { isGuid } from './guid';
import { runCursorQuery } from './query';
import {
  addReferralEvent,
  newReferralCode,
  restReferralEvent,
  restReferralProgram,
  restReferralReward,
  restReferredFriend,
  restReferringCustomer,
  type ReferralState,
} from './referral-records';
import { giveFriendCoupon } from './referral-award';
import type { RequestContext, Router } from './router';
import { accountByContactId, memberByContactId, memberById, type SandboxState } from './state';

/**
 * Wix's Referral Program REST endpoints (`docs/wix-referrals.md`). The reference pages promise standard
 * errors only; where they say a call is refused (a member who is not eligible, a code that is not a code)
 * the status and code are the sandbox's, listed in that document.
 */

export const ReferralErrorCode = {
  ReferringCustomerNotFound: 'REFERRING_CUSTOMER_NOT_FOUND',
  SelfReferral: 'SELF_REFERRAL_NOT_ALLOWED',
  AlreadyReferred: 'REFERRED_FRIEND_ALREADY_EXISTS',
  NotEligible: 'NOT_ELIGIBLE_FOR_REFERRAL',
  ProgramNotActive: 'REFERRAL_PROGRAM_NOT_ACTIVE',
  ContactNotFound: 'CONTACT_NOT_FOUND',
} as const;

const CODE = /^[A-Za-z0-9]{12}$/;
const codeSchema = z.string().regex(CODE, 'must be 12 letters or digits');

function requireActiveReferralProgram(referrals: ReferralState): void {
  if (referrals.program.status !== 'ACTIVE') {
    const reason = `The referral program is ${referrals.program.status}; it must be ACTIVE`;
    throw applicationError(428, ReferralErrorCode.ProgramNotActive, reason);
  }
}

function customerByCode(state: SandboxState, code: string) {
  const customer = state.referrals.customers.find((c) => c.referralCode === code);
  if (!customer) {
    throw applicationError(
      404,
      ReferralErrorCode.ReferringCustomerNotFound,
      'No referring customer has this code',
    );
  }
  return customer;
}

/** A contact who has placed an order is already a customer: the program's rule makes them not eligible. */
function hasOrdered(state: SandboxState, contactId: string): boolean {
  const account = accountByContactId(state, contactId);
  if (account && state.transactions.some((t) => t.accountId === account.id && t.orderId)) return true;
  const memberId = memberByContactId(state, contactId)?.id;
  return state.checkouts.some(
    (c) => c.order && (c.buyer.contactId === contactId || (memberId && c.buyer.memberId === memberId)),
  );
}

/** `"me"` is the calling member's contact; an API key names a contact, and has none of its own. */
function contactOf(ctx: RequestContext, requested: string): string {
  const identity = authenticate(ctx);
  if (identity.kind === 'visitor') {
    throw permissionDenied(
      'Generating a referral code needs a member or an API key; the caller is a visitor',
    );
  }
  if (identity.kind === 'member') {
    const own = memberById(ctx.sandbox.state, identity.memberId)?.contactId;
    if (requested === 'me' || requested === own) return own ?? '';
    throw permissionDenied('A member can generate a referral code only for their own contact ("me")');
  }
  if (requested === 'me' || !isGuid(requested)) {
    const description = 'must be a contact GUID; "me" needs a member identity';
    throw validationError([{ field: 'contactId', description, violatedRule: 'FORMAT' }]);
  }
  const { state } = ctx.sandbox;
  if (!memberByContactId(state, requested) && !state.contacts.some((c) => c.id === requested)) {
    throw applicationError(404, ReferralErrorCode.ContactNotFound, 'No contact has this id');
  }
  return requested;
}

function generateReferringCustomer(ctx: RequestContext) {
  const { contactId: requested } = parseOrThrow(z.object({ contactId: z.string().min(1) }), ctx.body());
  const contactId = contactOf(ctx, requested);
  const { referrals } = ctx.sandbox.state;
  const existing = referrals.customers.find((c) => c.contactId === contactId);
  if (existing) return { json: { referringCustomer: restReferringCustomer(existing) } };
  requireActiveReferralProgram(referrals);
  const now = new Date();
  const customer = {
    id: randomUUID(),
    contactId,
    referralCode: newReferralCode((code) => referrals.customers.some((c) => c.referralCode === code)),
    revision: 1,
    createdDate: now,
    updatedDate: now,
  };
  referrals.customers.push(customer);
  return { json: { referringCustomer: restReferringCustomer(customer) } };
}

function getByReferralCode(ctx: RequestContext) {
  requireApp(ctx);
  const code = parseOrThrow(z.object({ referralCode: codeSchema }), ctx.params).referralCode;
  return { json: { referringCustomer: restReferringCustomer(customerByCode(ctx.sandbox.state, code)) } };
}

/**
 * Create Referred Friend: the calling member, referred by the code's owner. The same code again answers the
 * existing record ("returns an existing entity if it already exists"); every refusal records nothing.
 */
function createReferredFriend(ctx: RequestContext) {
  const memberId = requireMember(ctx);
  const { referralCode } = parseOrThrow(z.object({ referralCode: codeSchema }), ctx.body());
  const { state } = ctx.sandbox;
  const { referrals } = state;
  const contactId = memberById(state, memberId)?.contactId ?? '';
  const customer = customerByCode(state, referralCode);
  const existing = referrals.friends.find((f) => f.contactId === contactId);
  if (existing?.referringCustomerId === customer.id) {
    return { json: { referredFriend: restReferredFriend(existing) } };
  }
  if (customer.contactId === contactId) {
    throw applicationError(
      400,
      ReferralErrorCode.SelfReferral,
      'A member cannot use their own referral code',
    );
  }
  if (existing) {
    throw applicationError(
      409,
      ReferralErrorCode.AlreadyReferred,
      'The member was already referred by someone',
    );
  }
  if (hasOrdered(state, contactId)) {
    throw applicationError(
      412,
      ReferralErrorCode.NotEligible,
      'The member is already a customer of the site',
    );
  }
  requireActiveReferralProgram(referrals);
  const now = new Date();
  const friend = {
    id: randomUUID(),
    contactId,
    referringCustomerId: customer.id,
    status: 'SIGN_UP_COMPLETED' as const,
    revision: 1,
    createdDate: now,
    updatedDate: now,
  };
  referrals.friends.push(friend);
  addReferralEvent(referrals, { kind: 'referredFriendSignupEvent', referredFriendId: friend.id }, now);
  giveFriendCoupon(referrals, friend, now);
  return { json: { referredFriend: restReferredFriend(friend) } };
}

/** A Query method over REST items, answered under `key` with Wix's paging metadata. */
const queryRoute =
  <T>(key: string, items: (state: SandboxState) => T[]) =>
  (ctx: RequestContext) => {
    requireApp(ctx);
    const body = parseOrThrow(z.object({ query: z.unknown().optional() }), ctx.body() ?? {});
    const page = runCursorQuery(items(ctx.sandbox.state), body.query, { path: 'query.' });
    return { json: { [key]: page.items, pagingMetadata: page.pagingMetadata } };
  };

const newestFirst = <T extends { createdDate: Date }>(items: T[]) =>
  [...items].sort((a, b) => b.createdDate.getTime() - a.createdDate.getTime());

function statistics(ctx: RequestContext) {
  requireApp(ctx);
  const { friends, amountGeneratedCents } = ctx.sandbox.state.referrals;
  return {
    json: {
      totalSignUpsCompleted: friends.length,
      totalActionsCompleted: friends.filter((f) => f.status === 'ACTIONS_COMPLETED').length,
      totalAmountGenerated: (amountGeneratedCents / 100).toFixed(2),
    },
  };
}

/** The control view of everything referral, in REST shapes: what tests and the bench check after a flow. */
export function registerReferralControlRoutes(router: Router): void {
  router.add('PUT', '/_sandbox/referrals/program', (ctx) => {
    // What a site owner does in the dashboard: draft, activate or pause the program.
    const { status } = parseOrThrow(z.object({ status: z.enum(['DRAFT', 'ACTIVE', 'PAUSED']) }), ctx.body());
    const { program } = ctx.sandbox.state.referrals;
    Object.assign(program, { status, revision: program.revision + 1, updatedDate: new Date() });
    return { json: { program: restReferralProgram(program) } };
  });
  router.add('GET', '/_sandbox/referrals', (ctx) => {
    const { program, customers, friends, rewards, events } = ctx.sandbox.state.referrals;
    return {
      json: {
        program: restReferralProgram(program),
        referringCustomers: customers.map(restReferringCustomer),
        referredFriends: friends.map(restReferredFriend),
        rewards: rewards.map(restReferralReward),
        events: events.map(restReferralEvent),
      },
    };
  });
}

export function registerReferralRoutes(router: Router): void {
  const customers = '/referral-customers/v1/referring-customers';
  const friends = '/referral_friends/v1/referred-friends';
  router
    .add('GET', '/referral-programs/v1/program', (ctx) => {
      // The program is what a shop offers: any caller may read it, a visitor on the friend's welcome too.
      authenticate(ctx);
      return { json: { referralProgram: restReferralProgram(ctx.sandbox.state.referrals.program) } };
    })
    .add(
      'POST',
      `${customers}/query`,
      queryRoute('referringCustomers', (s) => s.referrals.customers.map(restReferringCustomer)),
    )
    .add('GET', `${customers}/code/:referralCode`, getByReferralCode)
    .add('POST', customers, generateReferringCustomer)
    .add(
      'POST',
      `${friends}/query`,
      queryRoute('referredFriends', (s) => newestFirst(s.referrals.friends).map(restReferredFriend)),
    )
    .add('POST', friends, createReferredFriend)
    .add(
      'POST',
      '/referral-rewards/v1/referral-rewards/query',
      queryRoute('referralRewards', (s) => newestFirst(s.referrals.rewards).map(restReferralReward)),
    )
    .add(
      'POST',
      '/referral-tracker/v1/referral-events/query',
      queryRoute('referralEvents', (s) => newestFirst(s.referrals.events).map(restReferralEvent)),
    )
    .add('GET', '/referral-tracker/v1/referral-statistics', statistics);
}
