import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Tokens } from '@wix/sdk';
import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { routeWixTrafficToSandbox } from '@/lib/sandbox/route-wix-traffic';
import {
  DEMO_CONTACT_IDS,
  JOHNA_REFERRAL_CODE,
  REFERRAL_IDS,
  REFERRED_CONTACT_IDS,
} from '@/lib/sandbox/seed';
import { memberSession } from '@/testing/member-session';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { classifyWixFailure } from './errors';
import {
  createMyReferredFriend,
  generateMyReferringCustomer,
  getReferralProgram,
  getReferralStatistics,
  getReferringCustomerByCode,
  queryReferralEvents,
  queryReferralRewards,
  queryReferredFriends,
  queryReferringCustomers,
} from './referrals';

/** The referral door against the sandbox, through the real SDK clients' authenticated fetch. */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

async function tokensOf(name: string): Promise<Tokens> {
  const { session } = await memberSession(name);
  if (session.status !== 'member') throw new Error(`${name} did not sign in`);
  return session.tokens;
}

async function failureOf(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return { kind: classifyWixFailure(error), error: error as { status: number | null; details: object } };
  }
  throw new Error('expected the call to fail');
}

describe('the referral program', () => {
  it('is the seeded active program: 10% off for the friend, 100 stars for the referrer', async () => {
    const program = await getReferralProgram();
    expect(program).toMatchObject({
      status: 'ACTIVE',
      referredFriendReward: {
        type: 'COUPON',
        couponOptions: { discountType: 'PERCENTAGE', percentageOptions: { percentage: 10 } },
      },
      referringCustomerReward: { type: 'LOYALTY_POINTS', loyaltyPointsOptions: { amount: 100 } },
    });
  });

  it('fails as unavailable, with nothing shown, when Wix answers a shape the schema refuses', async () => {
    const impostor = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ referralProgram: { status: 'SOMEWHERE', referringCustomerReward: 5 } }));
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    routeWixTrafficToSandbox(`http://127.0.0.1:${(impostor.address() as AddressInfo).port}`);
    try {
      const { kind, error } = await failureOf(getReferralProgram());
      expect(kind).toBe('unavailable');
      expect(error.details).toEqual({ applicationError: { code: 'MALFORMED_RESPONSE' } });
    } finally {
      routeWixTrafficToSandbox(sandbox.origin);
      await new Promise((resolve) => impostor.close(resolve));
    }
  });
});

describe('the member’s referral code', () => {
  it('is Johna’s seeded code, the same on every call', async () => {
    const tokens = await tokensOf('Johna Linskey');
    const first = await generateMyReferringCustomer(tokens);
    expect(first).toMatchObject({ id: REFERRAL_IDS.johnaCustomer, referralCode: JOHNA_REFERRAL_CODE });
    expect((await generateMyReferringCustomer(tokens)).referralCode).toBe(JOHNA_REFERRAL_CODE);
  });

  it('is made on Elena’s first call, 12 letters or digits, and stays hers', async () => {
    const tokens = await tokensOf('Elena Rodriguez');
    const made = await generateMyReferringCustomer(tokens);
    expect(made.contactId).toBe(DEMO_CONTACT_IDS.elena);
    expect(made.referralCode).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(await generateMyReferringCustomer(tokens)).toEqual(made);
    expect((await getReferringCustomerByCode(made.referralCode)).id).toBe(made.id);
    const page = await queryReferringCustomers({ filter: { contactId: DEMO_CONTACT_IDS.elena } });
    expect(page.items.map((customer) => customer.referralCode)).toEqual([made.referralCode]);
  });

  it('is looked up by code: an unknown code is not-found, a malformed one invalid', async () => {
    expect((await getReferringCustomerByCode(JOHNA_REFERRAL_CODE)).contactId).toBe(DEMO_CONTACT_IDS.johna);
    expect((await failureOf(getReferringCustomerByCode('Nobody000000'))).kind).toBe('not-found');
    expect((await failureOf(getReferringCustomerByCode('short'))).kind).toBe('invalid');
    expect((await failureOf(getReferringCustomerByCode('../program00'))).kind).toBe('invalid');
  });
});

describe('a referred friend', () => {
  it('is recorded for Noah with Johna’s code, once: the same code again answers the same record', async () => {
    const tokens = await tokensOf('Noah Newcomer');
    const friend = await createMyReferredFriend(tokens, JOHNA_REFERRAL_CODE);
    expect(friend).toMatchObject({
      contactId: DEMO_CONTACT_IDS.noah,
      referringCustomerId: REFERRAL_IDS.johnaCustomer,
      status: 'SIGN_UP_COMPLETED',
    });
    expect(await createMyReferredFriend(tokens, JOHNA_REFERRAL_CODE)).toEqual(friend);
    const friends = await queryReferredFriends({
      filter: { referringCustomerId: REFERRAL_IDS.johnaCustomer },
    });
    expect(friends.items.map((f) => f.contactId)).toEqual([
      DEMO_CONTACT_IDS.noah,
      REFERRED_CONTACT_IDS.mia,
      REFERRED_CONTACT_IDS.liam,
    ]);
    const rewards = await queryReferralRewards({ filter: { rewardedReferredFriendId: friend.id } });
    expect(rewards.items).toMatchObject([{ rewardType: 'COUPON' }]);
  });

  it('is refused, with nothing recorded: self-referral, a second referrer, an existing customer, a bad code', async () => {
    const before = await queryReferredFriends();
    const elena = await tokensOf('Elena Rodriguez');
    const elenaCode = (await generateMyReferringCustomer(elena)).referralCode;
    const johna = await tokensOf('Johna Linskey');
    const noah = await tokensOf('Noah Newcomer');

    expect((await failureOf(createMyReferredFriend(johna, JOHNA_REFERRAL_CODE))).kind).toBe('invalid');
    // Johna has ordered: already a customer, by the program's rule.
    expect((await failureOf(createMyReferredFriend(johna, elenaCode))).kind).toBe('precondition');
    expect((await failureOf(createMyReferredFriend(noah, 'Nobody000000'))).kind).toBe('not-found');
    expect((await failureOf(createMyReferredFriend(noah, 'not a code'))).kind).toBe('invalid');
    expect((await queryReferredFriends()).items).toEqual(before.items);

    await createMyReferredFriend(noah, JOHNA_REFERRAL_CODE);
    expect((await failureOf(createMyReferredFriend(noah, elenaCode))).kind).toBe('conflict');
    expect((await queryReferredFriends()).items).toHaveLength(before.items.length + 1);
  });

  it('cannot be created with the API key: only a member is a friend', async () => {
    const raw = await fetch(`${sandbox.origin}/referral_friends/v1/referred-friends`, {
      method: 'POST',
      headers: {
        authorization: getConfig().wix.apiKey,
        'wix-site-id': getConfig().wix.siteId,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ referralCode: JOHNA_REFERRAL_CODE }),
    });
    expect(raw.status).toBe(403);
  });
});

describe('the referral history', () => {
  it('holds Johna’s paid reward, the tracker’s events and the totals', async () => {
    const rewards = await queryReferralRewards({
      filter: { rewardedReferringCustomerId: REFERRAL_IDS.johnaCustomer },
    });
    expect(rewards.items).toMatchObject([{ rewardType: 'LOYALTY_POINTS', loyaltyPoints: { amount: 100 } }]);
    const events = await queryReferralEvents({ cursorPaging: { limit: 3 } });
    expect(events.items).toHaveLength(3);
    expect(events.nextCursor).not.toBeNull();
    const next = await queryReferralEvents({ cursorPaging: { cursor: events.nextCursor!, limit: 10 } });
    expect(events.items.length + next.items.length).toBe(7);
    expect(await getReferralStatistics()).toMatchObject({
      totalSignUpsCompleted: 2,
      totalActionsCompleted: 1,
      totalAmountGenerated: '64.00',
    });
  });

  it('is the API key’s to read: a refusal of the key is forbidden, not a signed-out member', async () => {
    await sandbox.control.denyPermissions([{ method: 'referrals.queryReferralRewards', identity: 'app' }]);
    expect((await failureOf(queryReferralRewards())).kind).toBe('forbidden');
  });
});
