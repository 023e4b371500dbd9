import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { REWARD_IDS } from '@/lib/sandbox/seed';
import type { SessionState } from '@/lib/session/cookies';
import { createMemoryKeyLock } from '@/lib/stores/key-lock';
import { ROUND_TRIP_LATENCY_MS, countRoundTrips } from '@/testing/round-trips';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { loadCheckoutView } from './checkout-points';
import { applyPointsToCheckout } from './checkout-points-apply';
import { loadSessionReferralRewards } from './friend-referral-rewards';
import { loadMemberContext } from './member-context';
import { clearSiteCatalog, loadProgramSnapshot, loadRewards } from './site-catalog';

/**
 * What applying points at checkout costs in sequential round trips to Wix once the site's catalog is cached
 * and the session's member known (the read that decides, the exchange, the checkout read again for what came
 * off), and that the read it starts with decides every refusal before anything is written.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

beforeEach(() => {
  clearSiteCatalog();
});

async function signedIn(name: string): Promise<{ session: SessionState; memberId: string }> {
  const { tokens, memberId } = await loginAs(oauthClient(getConfig().wix.clientId), name);
  const session: SessionState = { status: 'member', tokens };
  const [who] = await Promise.all([loadMemberContext(session), loadProgramSnapshot(), loadRewards()]);
  // A session's first checkout view learns its referred-friend record; the views measured here come after.
  await loadSessionReferralRewards(
    tokens,
    Promise.resolve(who.status === 'member' ? who.contactId : null),
    true,
  );
  return { session, memberId };
}

const balanceOf = async (name: string) => (await sandbox.control.member(name)).account?.points.balance;

describe('applying points at checkout', () => {
  it('costs two round trips: the read that decides, then the exchange', async () => {
    const { session, memberId } = await signedIn('Johna Linskey');
    const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const { result, trips } = await countRoundTrips(() =>
      applyPointsToCheckout(session, checkout.id, { kind: 'reward', rewardId: REWARD_IDS.tenOff }),
    );
    expect(result).toMatchObject({
      ok: true,
      discount: { checkoutId: checkout.id, status: 'APPLIED', pointsSpent: 200 },
      // Wix worked out the new total; the view that follows reads it.
      view: { total: { amount: null, currency: 'USD' } },
    });
    expect(trips).toBeLessThanOrEqual(2);
    expect(await loadCheckoutView(session, checkout.id)).toMatchObject({
      view: { total: { amount: 110 }, discount: { amountOff: 10, pointsSpent: 200 } },
    });
  });

  it('costs two for flexible points too, and spends exactly the points chosen', async () => {
    const { session, memberId } = await signedIn('Johna Linskey');
    const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    const before = await balanceOf('Johna Linskey');
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const { result, trips } = await countRoundTrips(() =>
      applyPointsToCheckout(session, checkout.id, { kind: 'flexible', points: 350 }),
    );
    expect(result).toMatchObject({
      ok: true,
      view: { balance: before! - 350 },
      discount: { pointsSpent: 350 },
    });
    expect(trips).toBeLessThanOrEqual(2);
    expect(await balanceOf('Johna Linskey')).toBe(before! - 350);
  });

  it('shows a discount already there with what came off and what it cost, from Wix, in two round trips', async () => {
    const { session, memberId } = await signedIn('Johna Linskey');
    const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    await applyPointsToCheckout(session, checkout.id, { kind: 'flexible', points: 350 });
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const { result, trips } = await countRoundTrips(() => loadCheckoutView(session, checkout.id));
    expect(result).toMatchObject({
      status: 'ready',
      view: {
        total: { amount: 85, currency: 'USD' },
        discount: { status: 'APPLIED', kind: 'flexible', amountOff: 35, pointsSpent: 350 },
      },
    });
    expect(trips).toBeLessThanOrEqual(2);
  });

  it('turns ten simultaneous applies into one', async () => {
    const { session, memberId } = await signedIn('Johna Linskey');
    const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    const lock = createMemoryKeyLock();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        applyPointsToCheckout(
          session,
          checkout.id,
          { kind: 'reward', rewardId: REWARD_IDS.tenOff },
          { lock },
        ),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await sandbox.control.checkouts()).discounts).toHaveLength(1);
  });

  it('lets one spend per member be in flight, even across two checkouts', async () => {
    const { session, memberId } = await signedIn('Johna Linskey');
    const tent = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    const stove = await sandbox.control.createCheckout(memberId, [{ name: 'Stove', price: 80 }]);
    const lock = createMemoryKeyLock();
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const choice = { kind: 'reward', rewardId: REWARD_IDS.tenOff } as const;
    const results = await Promise.all([
      applyPointsToCheckout(session, tent.id, choice, { lock }),
      applyPointsToCheckout(session, stove.id, choice, { lock }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, code: 'REDEMPTION_IN_PROGRESS' });
    expect((await sandbox.control.checkouts()).discounts).toHaveLength(1);
  });

  it('refuses another member’s checkout in one round trip and writes nothing', async () => {
    const { session } = await signedIn('Johna Linskey');
    const elena = await signedIn('Elena Rodriguez');
    const checkout = await sandbox.control.createCheckout(elena.memberId, [{ name: 'Lantern', price: 60 }]);
    const before = await sandbox.control.state();
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const { result, trips } = await countRoundTrips(() =>
      applyPointsToCheckout(session, checkout.id, { kind: 'flexible', points: 100 }),
    );
    expect(result).toEqual({ ok: false, code: 'CHECKOUT_NOT_FOUND' });
    expect(trips).toBe(1);
    expect(await sandbox.control.state()).toEqual(before);
  });
});
