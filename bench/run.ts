/**
 * `npm run bench`: figures, not pass/fail. Builds the app, serves it in sandbox mode, makes the sandbox add
 * a fixed latency to every Wix call, and prints
 *   1. the median server response time of a signed-in member's widget page, and its ratio to that latency
 *      (about 1 means one upstream round trip; a waterfall of three calls would be over 3);
 *   2. the gzipped first-load JavaScript of the widget route next to a route with no client code of its own;
 *   3. what a claim costs, for a follow (where Wix pays by itself, and where it does not) and a one-time
 *      activity: the median time of the earn service with the same latency, and its ratio, which is the
 *      number of sequential upstream round trips a claim pays for;
 *   4. what a redemption costs, and the rewards and activity pages' times (`rewards.ts`);
 *   5. live updates (`live-updates.ts`): award-to-card latency, and event streams per instance.
 *   6. the embeddable widget's weight, server time and layout shift (bench/embed.ts).
 *   7. the floating launcher: `embed.js` and the launcher's own script, its badge's server time, and the
 *      layout shift of a closed launcher and of tab switches in its panel (bench/embed-launcher.ts).
 *   8. what applying points at checkout costs in sequential round trips (bench/checkout.ts).
 *   9. logs, metrics and traces: their cost on the card page, off and on side by side, and the metrics
 *      scrape with 1,000 event streams open (bench/observability.ts).
 *  10. the tiers view and the /tiers page: server time for a member and its ratio to L (bench/tiers.ts).
 *  11. the earn preview: its server time for a member, and the host page's layout shift with the README's
 *      snippet (bench/preview.ts).
 *  12. the refer view and the /refer page: server time for a member and its ratio to L (bench/refer.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { getConfig } from '@/lib/config/env';
import { routeWixTrafficToSandbox } from '@/lib/sandbox/route-wix-traffic';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { sandboxControl } from '@/lib/sandbox/control-client';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { claimOffer } from '@/lib/wix/earning';
import { countRoundTrips } from '@/testing/round-trips';
import { benchCheckout, printCheckout } from './checkout';
import { benchEmbed, embedBenchEnv, printEmbedFigures } from './embed';
import { benchLauncher, printLauncherFigures } from './embed-launcher';
import { HttpSession } from './http-session';
import { benchPreview, printPreviewFigures } from './preview';
import { benchRefer, printRefer } from './refer';
import { benchLiveUpdates } from './live-updates';
import { benchObservability } from './observability';
import { benchRewards, printRewards } from './rewards';
import { median } from './stats';
import { benchTiers, printTiers } from './tiers';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3200);
const SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4210);
const HOST_PORT = APP_PORT + 2000;
const APP = `http://localhost:${APP_PORT}`;
const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
const WIDGET_ROUTE = '/';
const BASELINE_ROUTE = '/auth/error';

const sandbox = sandboxControl(SANDBOX);
const setLatency = (ms: number) => sandbox.setLatency(ms);

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function timePage(session: HttpSession, path: string): Promise<number> {
  const started = performance.now();
  const response = await session.request(`${APP}${path}`);
  const html = await response.text();
  if (response.status !== 200 || !html.includes('data-testid="balance"'))
    throw new Error(`unexpected page (${response.status})`);
  return performance.now() - started;
}

async function firstLoadJsBytes(path: string): Promise<{ raw: number; gzip: number; files: number }> {
  const html = await (await fetch(`${APP}${path}`)).text();
  const sources = [
    ...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((match) => match[1]!)),
  ];
  let raw = 0;
  let gzip = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, APP))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip, files: sources.length };
}

async function benchPage() {
  const session = new HttpSession();
  await session.signIn(APP, DEMO_MEMBER_IDS.johna);
  for (let i = 0; i < 3; i++) await timePage(session, WIDGET_ROUTE);

  await setLatency(0);
  const noLatency: number[] = [];
  for (let i = 0; i < RUNS; i++) noLatency.push(await timePage(session, WIDGET_ROUTE));
  await setLatency(LATENCY_MS);
  const withLatency: number[] = [];
  for (let i = 0; i < RUNS; i++) withLatency.push(await timePage(session, WIDGET_ROUTE));
  await setLatency(0);
  return { noLatency: median(noLatency), withLatency: median(withLatency) };
}

type ClaimCase = { label: string; offerId: string; followAwards: boolean };

const CLAIM_CASES: ClaimCase[] = [
  { label: 'follow, Wix pays by itself', offerId: 'follow-instagram', followAwards: true },
  { label: 'follow, Wix does not pay', offerId: 'follow-instagram', followAwards: false },
  { label: 'newsletter (one-time activity)', offerId: 'newsletter-signup', followAwards: true },
];

/**
 * Median time of a first claim for each case, with warm site caches, at latency L, and the sequential Wix
 * calls it made, counted (the time also carries the machine's own overhead).
 */
async function benchClaims(): Promise<{ label: string; ms: number; trips: number }[]> {
  routeWixTrafficToSandbox(SANDBOX);
  const { tokens } = await loginAs(oauthClient(getConfig().wix.clientId), 'Elena Rodriguez');
  const session = { status: 'member' as const, tokens };
  const results = [];
  for (const { label, offerId, followAwards } of CLAIM_CASES) {
    const timings: number[] = [];
    const counted: number[] = [];
    for (let i = 0; i < Math.max(5, Math.floor(RUNS / 2)); i++) {
      await sandbox.reset();
      await sandbox.setBehaviour({ followAwards });
      await setLatency(LATENCY_MS);
      const started = performance.now();
      const { result, trips } = await countRoundTrips(() => claimOffer(session, offerId));
      timings.push(performance.now() - started);
      counted.push(trips);
      if (!result.ok) throw new Error(`claim failed: ${result.code}`);
    }
    results.push({ label, ms: median(timings), trips: median(counted) });
  }
  await sandbox.reset();
  return results;
}

function startApp(): ChildProcess {
  return spawn('npx', ['next', 'start', '--port', String(APP_PORT)], {
    env: {
      ...process.env,
      WIX_CLIENT_ID: '',
      WIX_API_KEY: '',
      WIX_SITE_ID: '',
      WIX_SANDBOX: '1',
      WIX_SANDBOX_PORT: String(SANDBOX_PORT),
      WIX_SANDBOX_TOKEN_TTL_SECONDS: '3600',
      EARN_RATE_LIMIT_PER_MEMBER: '100000',
      ...embedBenchEnv(`http://127.0.0.1:${HOST_PORT}`),
    },
    stdio: 'ignore',
    detached: true,
  });
}

async function main() {
  // embed.js is built from its source on every run, so the bench never serves a stale copy.
  const loader = spawnSync('npm', ['run', 'build:embed'], { stdio: 'inherit' });
  if (loader.status !== 0) throw new Error('building embed.js failed');
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const app = startApp();
  try {
    await waitFor(`${APP}/api/health`, 60_000);
    const page = await benchPage();
    const widgetJs = await firstLoadJsBytes(WIDGET_ROUTE);
    const baselineJs = await firstLoadJsBytes(BASELINE_ROUTE);
    const claims = await benchClaims();
    const rewards = await benchRewards({ app: APP, sandbox, latencyMs: LATENCY_MS, runs: RUNS });
    const checkout = await benchCheckout({ sandbox, latencyMs: LATENCY_MS, runs: RUNS });
    const embedTools = {
      app: APP,
      hostPort: HOST_PORT,
      sandbox,
      runs: RUNS,
      latencyMs: LATENCY_MS,
      firstLoadJsBytes,
    };
    const embed = await benchEmbed(embedTools);
    const launcher = await benchLauncher({
      app: APP,
      hostPort: HOST_PORT,
      sandbox,
      runs: RUNS,
      latencyMs: LATENCY_MS,
    });
    const tiers = await benchTiers({
      app: APP,
      hostOrigin: `http://127.0.0.1:${HOST_PORT}`,
      sandbox,
      latencyMs: LATENCY_MS,
      runs: RUNS,
    });
    const preview = await benchPreview(embedTools);
    const refer = await benchRefer({
      app: APP,
      hostOrigin: `http://127.0.0.1:${HOST_PORT}`,
      sandbox,
      latencyMs: LATENCY_MS,
      runs: RUNS,
    });

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    console.log(`\nWidget page, signed-in member, ${RUNS} runs each, upstream latency L = ${LATENCY_MS} ms`);
    console.log(`  median response, L = 0:          ${page.noLatency.toFixed(1)} ms`);
    console.log(`  median response, L = ${LATENCY_MS}:        ${page.withLatency.toFixed(1)} ms`);
    console.log(
      `  ratio to L:                       ${(page.withLatency / LATENCY_MS).toFixed(2)} (aim <= 1.2)`,
    );
    console.log(
      `  latency added over L = 0, per L:  ${((page.withLatency - page.noLatency) / LATENCY_MS).toFixed(2)} round trips`,
    );
    console.log(`\nFirst-load JavaScript (gzip -9 of every script the HTML loads)`);
    console.log(
      `  widget route ${WIDGET_ROUTE}:           ${kb(widgetJs.gzip)} gzipped (${kb(widgetJs.raw)} raw, ${widgetJs.files} files)`,
    );
    console.log(
      `  baseline route ${BASELINE_ROUTE}: ${kb(baselineJs.gzip)} gzipped (${kb(baselineJs.raw)} raw, ${baselineJs.files} files)`,
    );
    console.log(`  widget over baseline:             ${kb(widgetJs.gzip - baselineJs.gzip)} gzipped`);
    console.log(`\nClaim (earn service, warm caches), upstream latency L = ${LATENCY_MS} ms`);
    for (const { label, ms, trips } of claims) {
      console.log(
        `  ${label.padEnd(32)} median ${ms.toFixed(1)} ms, ${(ms / LATENCY_MS).toFixed(2)} sequential trips (${trips} counted)`,
      );
    }
    printRewards(rewards, LATENCY_MS);
    printCheckout(checkout, LATENCY_MS);
    printEmbedFigures(embed, LATENCY_MS, RUNS);
    printLauncherFigures(launcher, LATENCY_MS);
    printTiers(tiers, LATENCY_MS, RUNS);
    printPreviewFigures(preview, LATENCY_MS, RUNS);
    printRefer(refer, LATENCY_MS, RUNS);
  } finally {
    if (app.pid) process.kill(-app.pid, 'SIGTERM');
  }
  for (const line of await benchLiveUpdates()) console.log(line);
  const observability = { appPort: APP_PORT + 3, sandboxPort: SANDBOX_PORT + 2 };
  for (const line of await benchObservability({ latencyMs: LATENCY_MS, runs: RUNS, ...observability }))
    console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
