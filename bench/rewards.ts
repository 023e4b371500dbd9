/**
 * Rewards figures for `npm run bench`, at the same upstream latency L as the rest:
 *   1. what a redemption costs: the median time of the redeem service with warm site caches, and its ratio
 *      to L, which is the number of sequential upstream round trips it pays for (aim: at most 2);
 *   2. the median server response time of the rewards page (and, for comparison, the activity page) for a
 *      signed-in member, and its ratio to L (about 1 means one round trip).
 */
import { getConfig } from '@/lib/config/env';
import type { SandboxControl } from '@/lib/sandbox/control-client';
import { routeWixTrafficToSandbox } from '@/lib/sandbox/route-wix-traffic';
import { DEMO_MEMBER_IDS, REWARD_IDS } from '@/lib/sandbox/seed';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { createMemoryKeyLock } from '@/lib/stores/key-lock';
import { redeemReward } from '@/lib/wix/redemption';
import { loadProgramSnapshot, loadRewards } from '@/lib/wix/site-catalog';
import { HttpSession } from './http-session';
import { median } from './stats';

type Options = { app: string; sandbox: SandboxControl; latencyMs: number; runs: number };

export type RewardsFigures = { redeemMs: number; rewardsPageMs: number; activityPageMs: number };

async function benchRedemption({ sandbox, latencyMs, runs }: Options): Promise<number> {
  routeWixTrafficToSandbox(sandbox.origin);
  const { tokens } = await loginAs(oauthClient(getConfig().wix.clientId), 'Johna Linskey');
  const session = { status: 'member' as const, tokens };
  await Promise.all([loadProgramSnapshot(), loadRewards()]);
  const timings: number[] = [];
  for (let i = 0; i < Math.max(5, Math.floor(runs / 2)); i++) {
    await sandbox.reset();
    await sandbox.setLatency(latencyMs);
    const started = performance.now();
    // A lock of its own per run: the repeat window would otherwise refuse the same reward seconds later.
    const result = await redeemReward(session, REWARD_IDS.tenOff, { lock: createMemoryKeyLock() });
    timings.push(performance.now() - started);
    if (!result.ok) throw new Error(`redeem failed: ${result.code}`);
  }
  await sandbox.reset();
  return median(timings);
}

async function timePage(session: HttpSession, url: string, marker: string): Promise<number> {
  const started = performance.now();
  const response = await session.request(url);
  const html = await response.text();
  if (response.status !== 200 || !html.includes(marker))
    throw new Error(`unexpected page ${url} (${response.status})`);
  return performance.now() - started;
}

async function benchPage({ app, sandbox, latencyMs, runs }: Options, path: string, marker: string) {
  const session = new HttpSession();
  await session.signIn(app, DEMO_MEMBER_IDS.johna);
  for (let i = 0; i < 3; i++) await timePage(session, `${app}${path}`, marker);
  await sandbox.setLatency(latencyMs);
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) timings.push(await timePage(session, `${app}${path}`, marker));
  await sandbox.setLatency(0);
  return median(timings);
}

export async function benchRewards(options: Options): Promise<RewardsFigures> {
  return {
    rewardsPageMs: await benchPage(options, '/rewards', 'data-testid="coupon-code"'),
    activityPageMs: await benchPage(options, '/activity', 'data-testid="activity-entry"'),
    redeemMs: await benchRedemption(options),
  };
}

export function printRewards({ redeemMs, rewardsPageMs, activityPageMs }: RewardsFigures, latencyMs: number) {
  const trips = (ms: number) => (ms / latencyMs).toFixed(2);
  console.log(`\nRewards, signed-in member, upstream latency L = ${latencyMs} ms`);
  console.log(
    `  redemption (redeem service):      median ${redeemMs.toFixed(1)} ms, ${trips(redeemMs)} sequential trips (aim <= 2)`,
  );
  console.log(
    `  /rewards page:                    median ${rewardsPageMs.toFixed(1)} ms, ratio to L ${trips(rewardsPageMs)}`,
  );
  console.log(
    `  /activity page:                   median ${activityPageMs.toFixed(1)} ms, ratio to L ${trips(activityPageMs)}`,
  );
}
