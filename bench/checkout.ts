/**
 * Points at checkout for `npm run bench`: what an apply costs, at the same upstream latency L as the rest,
 * with warm site caches: its median time and the sequential Wix round trips it pays for, counted (aim: 2,
 * the read that decides and the exchange itself). Then the same on a site that refuses the member's token
 * for the exchange: the first apply learns it (the refused calls, then the API key's), the next go to the
 * key at once.
 */
import { getConfig } from '@/lib/config/env';
import type { SandboxControl } from '@/lib/sandbox/control-client';
import { routeWixTrafficToSandbox } from '@/lib/sandbox/route-wix-traffic';
import { REWARD_IDS } from '@/lib/sandbox/seed';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { createMemoryKeyLock } from '@/lib/stores/key-lock';
import { applyPointsToCheckout } from '@/lib/wix/checkout-points-apply';
import { forgetMemberRefusals } from '@/lib/wix/member-fallback';
import { loadProgramSnapshot, loadRewards } from '@/lib/wix/site-catalog';
import { countRoundTrips } from '@/testing/round-trips';
import { median } from './stats';

type Options = { sandbox: SandboxControl; latencyMs: number; runs: number };

export type CheckoutFigures = {
  applyMs: number;
  trips: number;
  /** With the member's token refused: the first apply's round trips, and a later one's. */
  refused: { firstTrips: number; laterTrips: number };
};

export async function benchCheckout({ sandbox, latencyMs, runs }: Options): Promise<CheckoutFigures> {
  routeWixTrafficToSandbox(sandbox.origin);
  const { tokens, memberId } = await loginAs(oauthClient(getConfig().wix.clientId), 'Johna Linskey');
  const session = { status: 'member' as const, tokens };
  await Promise.all([loadProgramSnapshot(), loadRewards()]);
  const timings: number[] = [];
  const counted: number[] = [];
  const apply = async () => {
    const checkout = await sandbox.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    await sandbox.setLatency(latencyMs);
    const started = performance.now();
    const { result, trips } = await countRoundTrips(() =>
      applyPointsToCheckout(
        session,
        checkout.id,
        { kind: 'reward', rewardId: REWARD_IDS.tenOff },
        { lock: createMemoryKeyLock() },
      ),
    );
    if (!result.ok) throw new Error(`apply failed: ${result.code}`);
    return { ms: performance.now() - started, trips };
  };
  for (let i = 0; i < Math.max(5, Math.floor(runs / 2)); i++) {
    await sandbox.reset();
    const { ms, trips } = await apply();
    timings.push(ms);
    counted.push(trips);
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
    applyMs: median(timings),
    trips: median(counted),
    refused: { firstTrips: first.trips, laterTrips: later.trips },
  };
}

export function printCheckout({ applyMs, trips, refused }: CheckoutFigures, latencyMs: number) {
  console.log(`\nPoints at checkout, signed-in member, upstream latency L = ${latencyMs} ms`);
  console.log(
    `  apply points at checkout: sequential round trips: ${trips} counted (aim <= 2), median ${applyMs.toFixed(1)} ms, ${(applyMs / latencyMs).toFixed(2)} x L`,
  );
  console.log(
    `  with the member's token refused for the exchange: ${refused.firstTrips} round trips for the first apply, ${refused.laterTrips} for the next (aim <= 2)`,
  );
}
