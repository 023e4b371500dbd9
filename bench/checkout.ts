/**
 * Points at checkout for `npm run bench`: what an apply costs, at the same upstream latency L as the rest,
 * with warm site caches: its median time and the sequential Wix round trips it pays for, counted (aim: 2,
 * the read that decides and the exchange itself; what came off is read by the view that follows). Then the
 * applied view (what came off and what it cost: aim 2) and a removal of the discount (aim: 2, the read that
 * decides, then Remove Coupon beside the read of what comes back). Then the apply on a site that refuses the
 * member's token for the exchange: the first apply learns it (the refused calls, then the API key's), the
 * next go to the key at once.
 */
import { getConfig } from '@/lib/config/env';
import type { SandboxControl } from '@/lib/sandbox/control-client';
import { routeWixTrafficToSandbox } from '@/lib/sandbox/route-wix-traffic';
import { REWARD_IDS } from '@/lib/sandbox/seed';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { createMemoryKeyLock } from '@/lib/stores/key-lock';
import { loadCheckoutView } from '@/lib/wix/checkout-points';
import { applyPointsToCheckout } from '@/lib/wix/checkout-points-apply';
import { removeCheckoutDiscount } from '@/lib/wix/checkout-points-remove';
import { forgetMemberRefusals } from '@/lib/wix/member-fallback';
import { loadProgramSnapshot, loadRewards } from '@/lib/wix/site-catalog';
import { countRoundTrips } from '@/testing/round-trips';
import { median } from './stats';

type Options = { sandbox: SandboxControl; latencyMs: number; runs: number };

export type CheckoutFigures = {
  applyMs: number;
  trips: number;
  /** The view of a checkout with a discount on it: what came off and what it cost. */
  viewTrips: number;
  removeMs: number;
  removeTrips: number;
  /** With the member's token refused: the first apply's round trips, and a later one's. */
  refused: { firstTrips: number; laterTrips: number };
};

export async function benchCheckout({ sandbox, latencyMs, runs }: Options): Promise<CheckoutFigures> {
  routeWixTrafficToSandbox(sandbox.origin);
  const { tokens, memberId } = await loginAs(oauthClient(getConfig().wix.clientId), 'Johna Linskey');
  const session = { status: 'member' as const, tokens };
  await Promise.all([loadProgramSnapshot(), loadRewards()]);
  const tenOff = { kind: 'reward', rewardId: REWARD_IDS.tenOff } as const;
  const lock = createMemoryKeyLock();
  const timed = async <T>(operation: () => Promise<T>) => {
    await sandbox.setLatency(latencyMs);
    const started = performance.now();
    const { result, trips } = await countRoundTrips(operation);
    const ms = performance.now() - started;
    await sandbox.setLatency(0);
    return { result, trips, ms };
  };
  const apply = async () => {
    const checkout = await sandbox.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    const { result, trips, ms } = await timed(() =>
      applyPointsToCheckout(session, checkout.id, tenOff, { lock }),
    );
    if (!result.ok) throw new Error(`apply failed: ${result.code}`);
    return { ms, trips, checkoutId: checkout.id };
  };
  const applies: { ms: number; trips: number }[] = [];
  const views: number[] = [];
  const removals: { ms: number; trips: number }[] = [];
  for (let i = 0; i < Math.max(5, Math.floor(runs / 2)); i++) {
    await sandbox.reset();
    const applied = await apply();
    applies.push(applied);
    const view = await timed(() => loadCheckoutView(session, applied.checkoutId));
    if (view.result.status !== 'ready' || view.result.view.discount?.pointsSpent === null) {
      throw new Error('the applied view did not say what the discount cost');
    }
    views.push(view.trips);
    const removed = await timed(() => removeCheckoutDiscount(session, applied.checkoutId, { lock }));
    if (!removed.result.ok) throw new Error(`remove failed: ${removed.result.code}`);
    removals.push(removed);
  }

  await sandbox.reset();
  forgetMemberRefusals();
  await sandbox.denyPermissions([
    { method: 'checkoutExchange.applyDiscountToCheckout', identity: 'member' },
    { method: 'checkoutExchange.queryLoyaltyCheckoutDiscounts', identity: 'member' },
  ]);
  const first = await apply();
  const later = await apply();
  forgetMemberRefusals();
  await sandbox.reset();
  return {
    applyMs: median(applies.map((run) => run.ms)),
    trips: median(applies.map((run) => run.trips)),
    viewTrips: median(views),
    removeMs: median(removals.map((run) => run.ms)),
    removeTrips: median(removals.map((run) => run.trips)),
    refused: { firstTrips: first.trips, laterTrips: later.trips },
  };
}

export function printCheckout(figures: CheckoutFigures, latencyMs: number) {
  const { applyMs, trips, viewTrips, removeMs, removeTrips, refused } = figures;
  const ofL = (ms: number) => `${(ms / latencyMs).toFixed(2)} x L`;
  console.log(`\nPoints at checkout, signed-in member, upstream latency L = ${latencyMs} ms`);
  console.log(
    `  apply points at checkout: sequential round trips: ${trips} counted (aim <= 2), median ${applyMs.toFixed(1)} ms, ${ofL(applyMs)}`,
  );
  console.log(`  the applied view, what came off and what it cost: ${viewTrips} round trips (aim <= 2)`);
  console.log(
    `  remove the discount: sequential round trips: ${removeTrips} counted (aim <= 2), median ${removeMs.toFixed(1)} ms, ${ofL(removeMs)}`,
  );
  console.log(
    `  with the member's token refused for the exchange: ${refused.firstTrips} round trips for the first apply, ${refused.laterTrips} for the next (aim <= 2)`,
  );
}
