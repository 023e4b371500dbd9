/**
 * The server time of a member's page or widget view at L = 0 and at the bench's latency L, median of `runs`:
 * what the embedded views', the tiers' and the refer figures are made of. `marker` is HTML only the member's own view carries, so a
 * visitor's view (a session that fell through) is never timed as the member's.
 */
import type { SandboxControl } from '@/lib/sandbox/control-client';
import type { HttpSession } from './http-session';
import { median } from './stats';

export type ServerTime = { noLatency: number; withLatency: number };

export type TimingOptions = { sandbox: SandboxControl; latencyMs: number; runs: number };

async function timeOnce(session: HttpSession, url: string, marker: string): Promise<number> {
  const started = performance.now();
  const response = await session.request(url);
  const html = await response.text();
  if (response.status !== 200 || !html.includes(marker))
    throw new Error(`unexpected answer from ${url} (${response.status})`);
  return performance.now() - started;
}

/**
 * The median of `runs` timings of `timeOnce` at L = 0 and at L, after three warm-up requests: the loop every
 * server-time figure of the bench is made of. `timeOnce` times one request and throws on a wrong answer.
 */
export async function serverTime(
  { sandbox, latencyMs, runs }: TimingOptions,
  timeOnce: () => Promise<number>,
): Promise<ServerTime> {
  // The first requests fill the caches (the catalogue, what a view remembers) and compile what needs it.
  for (let i = 0; i < 3; i++) await timeOnce();
  const timings: ServerTime = { noLatency: 0, withLatency: 0 };
  for (const [key, latency] of [
    ['noLatency', 0],
    ['withLatency', latencyMs],
  ] as const) {
    await sandbox.setLatency(latency);
    const runsAt: number[] = [];
    for (let i = 0; i < runs; i++) runsAt.push(await timeOnce());
    timings[key] = median(runsAt);
  }
  await sandbox.setLatency(0);
  return timings;
}

export function memberViewTime(
  options: TimingOptions,
  session: HttpSession,
  url: string,
  marker: string,
): Promise<ServerTime> {
  return serverTime(options, () => timeOnce(session, url, marker));
}

/** One line per figure: its times and its ratio to L against the aim. */
export function printServerTimes(
  rows: readonly (readonly [string, ServerTime])[],
  latencyMs: number,
  aim: number,
): void {
  for (const [label, time] of rows) {
    console.log(
      `  ${label.padEnd(20)} ${time.noLatency.toFixed(1)} ms at L = 0, ${time.withLatency.toFixed(1)} ms at L; ratio ${(time.withLatency / latencyMs).toFixed(2)} (aim <= ${aim})`,
    );
  }
}
