/**
 * Tiers figures for `npm run bench`, at the same upstream latency L as the rest: the server time of the
 * widget's tiers view (`/embed?view=tiers`) and of the `/tiers` page for a signed-in member (Johna, Gold),
 * once the site's catalogue is cached, at L = 0 and at L, and the ratio to L (aim: at most 1.2, one round
 * trip for the member's own account beside the cached program, earning rules and rewards).
 */
import type { SandboxControl } from '@/lib/sandbox/control-client';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { embeddedSession } from './embed';
import { HttpSession } from './http-session';
import { median } from './stats';

type Options = { app: string; hostOrigin: string; sandbox: SandboxControl; latencyMs: number; runs: number };

type ServerTime = { noLatency: number; withLatency: number };

export type TiersFigures = { view: ServerTime; page: ServerTime };

/** Only a member's tiers carry their standing: a visitor's would be timed as the member's otherwise. */
const MEMBER_MARKER = 'data-testid="tiers-standing"';
const AIM = 1.2;

async function timeOnce(session: HttpSession, url: string): Promise<number> {
  const started = performance.now();
  const response = await session.request(url);
  const html = await response.text();
  if (response.status !== 200 || !html.includes(MEMBER_MARKER))
    throw new Error(`unexpected tiers ${url} (${response.status})`);
  return performance.now() - started;
}

async function serverTime({ sandbox, latencyMs, runs }: Options, session: HttpSession, url: string) {
  // The first requests fill the catalogue cache and compile what needs compiling.
  for (let i = 0; i < 3; i++) await timeOnce(session, url);
  const timings: ServerTime = { noLatency: 0, withLatency: 0 };
  for (const [key, latency] of [
    ['noLatency', 0],
    ['withLatency', latencyMs],
  ] as const) {
    await sandbox.setLatency(latency);
    const runsAt: number[] = [];
    for (let i = 0; i < runs; i++) runsAt.push(await timeOnce(session, url));
    timings[key] = median(runsAt);
  }
  await sandbox.setLatency(0);
  return timings;
}

export async function benchTiers(options: Options): Promise<TiersFigures> {
  const { app, hostOrigin } = options;
  const embedded = await embeddedSession(app);
  const view = await serverTime(
    options,
    embedded,
    `${app}/embed?view=tiers&origin=${encodeURIComponent(hostOrigin)}`,
  );
  const appSession = new HttpSession();
  await appSession.signIn(app, DEMO_MEMBER_IDS.johna);
  const page = await serverTime(options, appSession, `${app}/tiers`);
  return { view, page };
}

export function printTiers({ view, page }: TiersFigures, latencyMs: number, runs: number): void {
  console.log(`\nTiers, signed-in member, ${runs} runs each (median; ratio to L = ${latencyMs} ms)`);
  for (const [label, time] of [
    ['tiers view (/embed)', view],
    ['/tiers page', page],
  ] as const) {
    console.log(
      `  ${label.padEnd(20)} ${time.noLatency.toFixed(1)} ms at L = 0, ${time.withLatency.toFixed(1)} ms at L; ratio ${(time.withLatency / latencyMs).toFixed(2)} (aim <= ${AIM})`,
    );
  }
}
