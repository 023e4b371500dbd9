import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import type { ReferView } from '@/lib/loyalty/referral-view';
import type { SessionState } from '@/lib/session/cookies';
import { createAccountBehindTheAppsBack } from '@/testing/award-points';
import { memberSession } from '@/testing/member-session';
import { ROUND_TRIP_LATENCY_MS, countRoundTrips } from '@/testing/round-trips';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { loadReferPage } from './refer-page';
import { clearSiteCatalog, loadReferralProgram } from './site-catalog';

/** The refer view's data against the local sandbox, through the real SDK and the Referral Program's REST door. */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

const APP = 'https://loyalty.shop.example';

beforeEach(() => {
  clearSiteCatalog();
});

type Held = {
  program: { status: string };
  referringCustomers: { id: string; contactId: string; referralCode: string }[];
  referredFriends: { id: string; contactId: string; referringCustomerId: string; status: string }[];
  rewards: { rewardedReferringCustomerId?: string; loyaltyPoints?: { amount: number } }[];
};

/** What the sandbox holds, so no expectation is a number copied into the test. */
const held = async () => (await sandbox.control.request('GET', '/_sandbox/referrals')).json as Held;

const signedIn = async (name: string) => (await memberSession(name)).session;

async function referView(session: SessionState): Promise<ReferView> {
  const result = await loadReferPage(session, APP);
  if (!result.ok) throw new Error(`refer page failed: ${result.code}`);
  return result.view;
}

async function memberView(session: SessionState) {
  const view = await referView(session);
  if (view.status !== 'member') throw new Error(`not a member's view: ${view.status}`);
  return view;
}

describe('the refer view', () => {
  it('gives Johna her link, her friends with their statuses, and the points her referrals earned', async () => {
    const view = await memberView(await signedIn('Johna Linskey'));
    const state = await held();
    const johna = state.referringCustomers.find((customer) => customer.referralCode === view.code)!;
    expect(johna).toBeDefined();
    expect(view.link).toBe(`${APP}/?ref=${johna.referralCode}`);
    expect(view.offer).toEqual({
      friend: { kind: 'percent-off', percent: 10 },
      referrer: { kind: 'points', points: 100 },
    });

    const friends = state.referredFriends.filter((friend) => friend.referringCustomerId === johna.id);
    expect(friends.length).toBe(2);
    expect(view.friends.map((friend) => [friend.id, friend.status]).sort()).toEqual(
      friends
        .map((friend) => [friend.id, friend.status === 'ACTIONS_COMPLETED' ? 'ordered' : 'signed-up'])
        .sort(),
    );
    // Neither friend has a loyalty account in the seed: no name is found, and the view says "A friend".
    expect(view.friends.map((friend) => friend.displayName)).toEqual([null, null]);

    const paid = state.rewards.filter((reward) => reward.rewardedReferringCustomerId === johna.id);
    expect(paid.length).toBeGreaterThan(0);
    expect(view.pointsEarned).toBe(
      paid.reduce((sum, reward) => sum + (reward.loyaltyPoints?.amount ?? 0), 0),
    );
    expect(view.rewards).toHaveLength(paid.length);
  });

  it('names a friend by the first name and initial of their contact, found through their loyalty account', async () => {
    const johna = await signedIn('Johna Linskey');
    await memberView(johna);
    const ordered = (await held()).referredFriends.find((friend) => friend.status === 'ACTIONS_COMPLETED')!;
    await createAccountBehindTheAppsBack(sandbox.origin, ordered.contactId);
    const view = await memberView(johna);
    const named = view.friends.find((friend) => friend.id === ordered.id)!;
    expect(named.displayName).toMatch(/^\p{L}+ \p{Lu}\.$/u);
    expect(named.displayName).toBe('Liam O.');
    expect(view.friends.filter((friend) => friend.displayName === null)).toHaveLength(1);
  });

  it('makes a member’s code on the first view and gives the same one after', async () => {
    const noah = await signedIn('Noah Newcomer');
    const before = (await held()).referringCustomers.length;
    const first = await memberView(noah);
    const after = await held();
    expect(after.referringCustomers).toHaveLength(before + 1);
    expect(after.referringCustomers.map((customer) => customer.referralCode)).toContain(first.code);
    expect(first).toMatchObject({ friends: [], rewards: [], pointsEarned: 0 });
    const again = await memberView(await signedIn('Noah Newcomer'));
    expect(again.code).toBe(first.code);
    expect((await held()).referringCustomers).toHaveLength(before + 1);
  });

  it('builds the link on REFERRAL_LANDING_URL when it is set', async () => {
    const config = getConfig();
    const saved = config.referralLandingUrl;
    config.referralLandingUrl = 'https://shop.example/welcome?utm_source=referral';
    try {
      const view = await memberView(await signedIn('Johna Linskey'));
      expect(view.link).toBe(`https://shop.example/welcome?utm_source=referral&ref=${view.code}`);
    } finally {
      config.referralLandingUrl = saved;
    }
  });

  it('shows a visitor the offer and no link, and a member whose session Wix refused the same', async () => {
    const visitor = await referView({ status: 'none' });
    expect(visitor).toEqual({
      status: 'visitor',
      offer: { friend: { kind: 'percent-off', percent: 10 }, referrer: { kind: 'points', points: 100 } },
    });
    const johna = await signedIn('Johna Linskey');
    if (johna.status !== 'member') throw new Error('unreachable');
    await memberView(johna);
    // Her session is remembered, but nothing read with it shows until Wix names her customer again.
    const forged = { ...johna.tokens, accessToken: { ...johna.tokens.accessToken, value: 'forged' } };
    expect(await referView({ status: 'member', tokens: forged })).toEqual(visitor);
  });

  it('says the program is not active, with no link, when the site paused it', async () => {
    await sandbox.control.setReferralProgramStatus('PAUSED');
    expect(await referView(await signedIn('Johna Linskey'))).toEqual({ status: 'inactive' });
    expect(await referView({ status: 'none' })).toEqual({ status: 'inactive' });
  });

  it('says it cannot load the view when Wix fails, rather than show a member no friends', async () => {
    await sandbox.control.injectFault({ pathPrefix: '/referral_friends', status: 503, times: 1 });
    expect(await loadReferPage(await signedIn('Johna Linskey'), APP)).toEqual({
      ok: false,
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });
});

describe('what the refer view costs', () => {
  it('costs a member one round trip once their referring customer is remembered', async () => {
    const johna = await signedIn('Johna Linskey');
    await loadReferralProgram();
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    // The first view learns the customer, then reads the friends and rewards, then the friends' names.
    const first = await countRoundTrips(() => loadReferPage(johna, APP));
    expect(first.result).toMatchObject({ ok: true, view: { status: 'member' } });
    expect(first.trips).toBe(3);
    const later = await countRoundTrips(() => loadReferPage(johna, APP));
    expect(later.result).toEqual(first.result);
    expect(later.trips).toBe(1);
  });

  it('costs a member with no friends yet two round trips the first time, then one', async () => {
    const noah = await signedIn('Noah Newcomer');
    await loadReferralProgram();
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    expect((await countRoundTrips(() => loadReferPage(noah, APP))).trips).toBe(2);
    expect((await countRoundTrips(() => loadReferPage(noah, APP))).trips).toBe(1);
  });
});
