import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { decodeActivityCursor, encodeActivityCursor } from '@/lib/loyalty/activity-view';
import { adminClient, loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { DEMO_ACCOUNT_IDS, REWARD_IDS } from '@/lib/sandbox/seed';
import type { SessionState } from '@/lib/session/cookies';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { ACTIVITY_PAGE_SIZE, loadActivity } from './activity';
import { loadRewardsPage } from './rewards-page';
import { clearSiteCatalog } from './site-catalog';

/** The rewards and activity pages' data against the local sandbox, through the real SDK. */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

beforeEach(() => {
  clearSiteCatalog();
});

async function memberSession(name: string): Promise<SessionState> {
  const { tokens } = await loginAs(oauthClient(getConfig().wix.clientId), name);
  return { status: 'member', tokens };
}

async function rewardsView(session: SessionState) {
  const result = await loadRewardsPage(session);
  if (!result.ok) throw new Error(`rewards page failed: ${result.code}`);
  return result.view;
}

describe('the rewards page', () => {
  it('shows a Gold member every reward of their tier, cheapest first, with their coupons', async () => {
    const view = await rewardsView(await memberSession('Johna Linskey'));
    if (view.status !== 'member') throw new Error(view.status);
    expect(view).toMatchObject({ balance: 1250, tierName: 'Gold' });
    expect(view.rewards.map((r) => [r.id, r.kind, r.value, r.cost, r.pointsToGo, r.tierExclusive])).toEqual([
      [REWARD_IDS.freeShipping, 'free-shipping', null, 150, 0, false],
      [REWARD_IDS.tenOff, 'amount-off', 10, 200, 0, false],
      [REWARD_IDS.goldTwentyOff, 'amount-off', 20, 250, 0, true],
      [REWARD_IDS.tenPercent, 'percent-off', 10, 400, 0, false],
    ]);
    expect(view.coupons.map((c) => [c.rewardName, c.status, c.kind, c.value])).toEqual([
      ['$10 off', 'active', 'amount-off', 10],
    ]);
    const [seeded] = await sandbox.control.coupons();
    expect(view.coupons[0]?.code).toBe(seeded?.couponReference.code);
  });

  it('shows what a balance still lacks, and hides rewards of other tiers', async () => {
    const aigneis = await rewardsView(await memberSession('Aigneis Johnsson'));
    if (aigneis.status !== 'member') throw new Error(aigneis.status);
    expect(aigneis.rewards.map((r) => r.id)).not.toContain(REWARD_IDS.goldTwentyOff);
    expect(aigneis.rewards[0]).toMatchObject({ id: REWARD_IDS.freeShipping, pointsToGo: 30, progress: 0.8 });
    expect(aigneis.coupons.map((c) => [c.rewardName, c.status])).toEqual([['$15 off', 'used']]);

    const elena = await rewardsView(await memberSession('Elena Rodriguez'));
    if (elena.status !== 'member') throw new Error(elena.status);
    expect(elena.rewards.map((r) => r.id)).not.toContain(REWARD_IDS.goldTwentyOff);
    expect(elena.coupons).toEqual([]);
  });

  it('shows visitors and members without an account the base tier’s rewards', async () => {
    const visitor = await rewardsView({ status: 'none' });
    expect(visitor.status).toBe('visitor');
    expect(visitor.rewards.map((r) => r.id)).toEqual([
      REWARD_IDS.freeShipping,
      REWARD_IDS.tenOff,
      REWARD_IDS.tenPercent,
    ]);
    const noah = await rewardsView(await memberSession('Noah Newcomer'));
    expect(noah.status).toBe('no-account');
  });

  it('says it cannot load the coupons rather than show none', async () => {
    const session = await memberSession('Johna Linskey');
    await sandbox.control.injectFault({
      pathPrefix: '/loyalty-coupons/v1/coupons/my-coupons',
      status: 503,
      times: 1,
    });
    expect(await loadRewardsPage(session)).toEqual({ ok: false, code: 'UPSTREAM_UNAVAILABLE' });
  });
});

async function activityPage(session: SessionState, cursor: string | null) {
  const result = await loadActivity(session, cursor ? decodeActivityCursor(cursor) : null);
  if (!result.ok || result.view.status !== 'member') throw new Error('no history');
  return result.view.page;
}

describe('the activity history', () => {
  it('lists the member’s own transactions, newest first, with signed amounts', async () => {
    const page = await activityPage(await memberSession('Johna Linskey'), null);
    expect(page.entries.map((e) => [e.kind, e.points, e.description])).toEqual([
      ['redeemed', -200, 'Redeemed: $10 off'],
      ['earned', 350, 'Order #1002'],
      ['earned', 100, 'Referral: Liam O. placed a first order'],
      ['adjusted', 50, 'Goodwill bonus'],
      ['earned', 50, 'Followed us on Instagram'],
      ['earned', 900, 'Order #1001'],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('pages by cursor through every entry once, in order, including entries stamped the same instant', async () => {
    const admin = adminClient(getConfig().wix.apiKey);
    await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.johna, {
          amount: 1,
          appId: 'bench',
          idempotencyKey: `k${i}`,
        }),
      ),
    );
    const expected = (await sandbox.control.transactions())
      .filter((t) => t.accountId === DEMO_ACCOUNT_IDS.johna)
      .map((t) => t.createdDate!);
    expect(new Set(expected).size, 'the test needs entries that share a timestamp').toBeLessThan(
      expected.length,
    );

    const session = await memberSession('Johna Linskey');
    const seen: { id: string; date: string | null }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await activityPage(session, cursor);
      expect(page.entries.length).toBeLessThanOrEqual(ACTIVITY_PAGE_SIZE);
      seen.push(...page.entries);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(expected.length);
    const dates = seen.map((entry) => entry.date!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('keeps a forged cursor inside the member’s own history', async () => {
    const forged = encodeActivityCursor({ before: new Date(Date.now() + 86_400_000).toISOString(), seen: 1 });
    const page = await activityPage(await memberSession('Aigneis Johnsson'), forged);
    const own = (await sandbox.control.transactions()).filter(
      (t) => t.accountId === DEMO_ACCOUNT_IDS.aigneis,
    );
    expect(page.entries.map((e) => e.id).sort()).toEqual(own.map((t) => t.id).sort());
  });

  it('tells visitors and members without an account apart from an empty history', async () => {
    expect(await loadActivity({ status: 'none' }, null)).toMatchObject({
      ok: true,
      view: { status: 'visitor' },
    });
    expect(await loadActivity(await memberSession('Noah Newcomer'), null)).toMatchObject({
      ok: true,
      view: { status: 'no-account' },
    });
  });

  it('says it cannot load the history rather than show none', async () => {
    const session = await memberSession('Elena Rodriguez');
    await sandbox.control.injectFault({ pathPrefix: '/loyalty-transactions', status: 503, times: 1 });
    expect(await loadActivity(session, null)).toEqual({ ok: false, code: 'UPSTREAM_UNAVAILABLE' });
  });
});
