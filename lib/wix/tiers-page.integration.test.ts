import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { REWARD_IDS, TIER_IDS } from '@/lib/sandbox/seed';
import type { SessionState } from '@/lib/session/cookies';
import { ROUND_TRIP_LATENCY_MS, countRoundTrips } from '@/testing/round-trips';
import { memberSession } from '@/testing/member-session';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { clearSiteCatalog, loadEarningRules, loadProgramSnapshot, loadRewards } from './site-catalog';
import { loadTiersPage } from './tiers-page';

/** The tiers page's data against the local sandbox, through the real SDK. */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

beforeEach(() => {
  clearSiteCatalog();
});

const signedIn = async (name: string) => (await memberSession(name)).session;

async function tiersView(session: SessionState) {
  const result = await loadTiersPage(session);
  if (!result.ok) throw new Error(`tiers page failed: ${result.code}`);
  return result.view;
}

describe('the tiers page', () => {
  it('shows the seeded ladder with each tier’s order rate and perks, and marks Johna’s Gold', async () => {
    const view = await tiersView(await signedIn('Johna Linskey'));
    expect(view.status).toBe('member');
    expect(
      view.tiers.map((tier) => [tier.id, tier.name, tier.requiredPoints, tier.rate, tier.current]),
    ).toEqual([
      [null, 'Bronze', 0, { points: 1, moneyAmount: 1 }, false],
      [TIER_IDS.silver, 'Silver', 300, { points: 1, moneyAmount: 1 }, false],
      [TIER_IDS.gold, 'Gold', 1000, { points: 2, moneyAmount: 1 }, true],
    ]);
    expect(view.tiers.map((tier) => tier.perks.map((perk) => perk.id))).toEqual([
      [],
      [],
      [REWARD_IDS.goldTwentyOff],
    ]);
    expect(view.standing?.next).toBeNull();
    expect(view).toMatchObject({ currency: getConfig().storeCurrency, windowMonths: 12 });
  });

  it('marks Elena’s base tier and says how far Silver is', async () => {
    const view = await tiersView(await signedIn('Elena Rodriguez'));
    expect(view.tiers.map((tier) => tier.current)).toEqual([true, false, false]);
    expect(view.standing).toMatchObject({ points: 280, next: { name: 'Silver', pointsToGo: 20 } });
  });

  it('shows visitors and members without an account the tiers, with no tier marked', async () => {
    const visitor = await tiersView({ status: 'none' });
    expect(visitor).toMatchObject({ status: 'visitor', standing: null });
    expect(visitor.tiers.map((tier) => tier.name)).toEqual(['Bronze', 'Silver', 'Gold']);
    expect(visitor.tiers.some((tier) => tier.current)).toBe(false);
    const noah = await tiersView(await signedIn('Noah Newcomer'));
    expect(noah).toMatchObject({ status: 'no-account', standing: null });
  });

  it('says it cannot load the tiers when a part of the catalogue fails, rather than show them without it', async () => {
    await sandbox.control.injectFault({
      pathPrefix: '/_api/loyalty-earning-rules',
      status: 503,
      times: 1,
    });
    expect(await loadTiersPage({ status: 'none' })).toEqual({ ok: false, code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('costs a member whose catalogue is cached one round trip', async () => {
    const session = await signedIn('Johna Linskey');
    await Promise.all([loadProgramSnapshot(), loadEarningRules(), loadRewards()]);
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const { result, trips } = await countRoundTrips(() => loadTiersPage(session));
    expect(result).toMatchObject({ ok: true, view: { status: 'member' } });
    expect(trips).toBe(1);
  });
});
