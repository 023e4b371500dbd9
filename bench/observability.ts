/**
 * What operating it with eyes open costs, for `npm run bench` (a build must exist; `run.ts` makes it):
 *   1. the signed-in card page's server time on two instances of the same build, side by side: one with
 *      logs, metrics and traces off (`LOG_LEVEL=silent`, no `METRICS_TOKEN`, no collector), one with them on
 *      (logs at info, `METRICS_TOKEN`, spans exported over OTLP/HTTP to a local receiver); requests
 *      alternate between the two, so the machine's load falls on both alike. Budget: at most 5 % at L;
 *   2. the `/api/metrics` scrape with STREAMS event streams open on the instance. Budget: at most 50 ms.
 */
import { sandboxControl } from '@/lib/sandbox/control-client';
import { SANDBOX_DEFAULT_API_KEY } from '@/lib/sandbox/identity';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { startSandbox } from '@/lib/sandbox/server';
import { openStreams, type StreamClient } from '@/testing/account-stream-client';
import { startAppInstance, type AppInstance } from '@/testing/app-instance';
import { startOtlpReceiver } from '@/testing/otlp-receiver';
import { parsePrometheusText } from '@/testing/prometheus-text';
import { HttpSession } from './http-session';
import { median } from './stats';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 1_000);
const SCRAPES = 20;
const METRICS_TOKEN = 'bench-metrics-token-0123456789';
const MEMBERS = [DEMO_MEMBER_IDS.johna, DEMO_MEMBER_IDS.aigneis, DEMO_MEMBER_IDS.elena];

/** The instances take `appPort` and the next one; their sandbox runs in this process on `sandboxPort`. */
type Options = { latencyMs: number; runs: number; appPort: number; sandboxPort: number };

async function cardPageMs(app: AppInstance, session: HttpSession): Promise<number> {
  const started = performance.now();
  const response = await session.request(`${app.origin}/`);
  const html = await response.text();
  if (response.status !== 200 || !html.includes('data-testid="balance"'))
    throw new Error(`unexpected card page (${response.status})`);
  return performance.now() - started;
}

/**
 * Card-page times of both instances, in pairs taken back to back (which goes first alternates): the cost is
 * the median of the pairs' differences, so the machine's load, which drifts, weighs on both sides of each.
 */
async function sideBySide(off: AppInstance, on: AppInstance, runs: number) {
  const sessions = new Map<AppInstance, HttpSession>();
  for (const app of [off, on]) {
    const session = new HttpSession();
    await session.signIn(app.origin, DEMO_MEMBER_IDS.johna);
    for (let i = 0; i < 10; i++) await cardPageMs(app, session);
    sessions.set(app, session);
  }
  const offTimes: number[] = [];
  const onTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const time = (app: AppInstance) => cardPageMs(app, sessions.get(app)!);
    if (i % 2) {
      onTimes.push(await time(on));
      offTimes.push(await time(off));
    } else {
      offTimes.push(await time(off));
      onTimes.push(await time(on));
    }
  }
  const offMedian = median(offTimes);
  return {
    off: offMedian,
    on: median(onTimes),
    cost: median(onTimes.map((t, i) => t - offTimes[i]!)) / offMedian,
  };
}

/** STREAMS streams held open on `app` over three members, then SCRAPES timed scrapes. */
async function scrapeWithStreams(app: AppInstance) {
  const sessions = await Promise.all(
    MEMBERS.map(async (memberId) => {
      const session = new HttpSession();
      await session.signIn(app.origin, memberId);
      return { memberId, session };
    }),
  );
  const streams: StreamClient[] = [];
  try {
    await openStreams(app.origin, sessions, STREAMS, streams);
    // Past the openings' own work (and the first scrape's), so what is timed is a scrape of a steady instance.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await fetch(`${app.origin}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const timings: number[] = [];
    let open = 0;
    for (let i = 0; i < SCRAPES; i++) {
      const started = performance.now();
      const response = await fetch(`${app.origin}/api/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      const text = await response.text();
      timings.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`scrape answered ${response.status}`);
      open = parsePrometheusText(text).sum('loyalty_open_event_streams');
    }
    return { median: median(timings), max: Math.max(...timings), open };
  } finally {
    for (const stream of streams) stream.close();
  }
}

/** Runs both measurements on instances of their own and returns the lines to print. */
export async function benchObservability({
  latencyMs,
  runs,
  appPort,
  sandboxPort,
}: Options): Promise<string[]> {
  const wix = await startSandbox({
    port: sandboxPort,
    apiKey: SANDBOX_DEFAULT_API_KEY,
    tokenTtlSeconds: 3_600,
  });
  const sandbox = sandboxControl(wix.origin);
  const receiver = await startOtlpReceiver();
  const shared = {
    WIX_SANDBOX_PORT: String(sandboxPort),
    WIX_SANDBOX_TOKEN_TTL_SECONDS: '3600',
    LIVE_STREAMS_PER_MEMBER: String(STREAMS),
  };
  const instances: AppInstance[] = [];
  try {
    const off = await startAppInstance(appPort, { ...shared, LOG_LEVEL: 'silent' });
    instances.push(off);
    const on = await startAppInstance(appPort + 1, {
      ...shared,
      LOG_LEVEL: 'info',
      METRICS_TOKEN,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    });
    instances.push(on);
    const cardRuns = Math.max(50, runs * 5);
    await sandbox.setLatency(0);
    const idle = await sideBySide(off, on, cardRuns);
    await sandbox.setLatency(latencyMs);
    const atL = await sideBySide(off, on, cardRuns);
    await sandbox.setLatency(0);
    const scrape = await scrapeWithStreams(on);

    const cost = (times: { off: number; on: number; cost: number }) =>
      `off ${times.off.toFixed(1)} ms, on ${times.on.toFixed(1)} ms (medians); paired cost ${(times.cost * 100).toFixed(1)} %`;
    return [
      `\nLogs, metrics and traces: the card page, signed in, ${cardRuns} runs each, off and on alternating`,
      `  L = ${latencyMs} ms:  ${cost(atL)} (aim <= 5 %)`,
      `  L = 0:       ${cost(idle)}`,
      `  spans exported to the local OTLP receiver: ${receiver.exports()} requests`,
      `/api/metrics with ${scrape.open} event streams open: median ${scrape.median.toFixed(1)} ms, max ${scrape.max.toFixed(1)} ms over ${SCRAPES} scrapes (aim <= 50 ms)`,
    ];
  } finally {
    for (const app of instances) await app.stop();
    await receiver.close();
    await wix.close();
  }
}
