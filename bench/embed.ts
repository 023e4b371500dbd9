/**
 * The embeddable widget's figures for `npm run bench` (called from run.ts, which builds and serves the app):
 *   1. `embed.js`, gzipped, as served;
 *   2. all JavaScript the iframe document loads, gzipped, measured like the widget route's first load;
 *   3. the server time of each view (card, earn, rewards, activity) for a signed-in member, and its ratio to
 *      the upstream latency L, measured like the card's page;
 *   4. the layout shift the widgets cause on a host page with content below them, in Chromium.
 */
import { gzipSync } from 'node:zlib';
import { mintMemberToken } from '@/demo/member-token';
import { storefrontPage, widgetPage } from '@/demo/storefront-page';
import type { SandboxControl } from '@/lib/sandbox/control-client';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { worstLayoutShifts } from './host-layout-shift';
import { HttpSession } from './http-session';
import { memberViewTime, type ServerTime } from './member-view-time';

const SSO_SECRET = 'bench-storefront-shared-secret-0123456789abcdef';
const CLS_RUNS = 5;

/** What the app needs to serve the widget to the bench's host page; run.ts adds it to the app's env. */
export function embedBenchEnv(hostOrigin: string): Record<string, string> {
  return { EMBED_ALLOWED_ORIGINS: hostOrigin, EMBED_SSO_SECRET: SSO_SECRET };
}

export type EmbedBenchTools = {
  app: string;
  hostPort: number;
  sandbox: SandboxControl;
  runs: number;
  latencyMs: number;
  firstLoadJsBytes: (path: string) => Promise<{ raw: number; gzip: number; files: number }>;
};

/** The views timed, each with the ratio to L it aims at (null: no aim set). */
const TIMED_VIEWS = { card: 1.2, earn: null, rewards: 1.2, activity: 2.2 } as const;
type TimedView = keyof typeof TIMED_VIEWS;

/** What each view's HTML holds only when it shows the signed-in member's own data. */
const MEMBER_MARKERS: Record<TimedView, string> = {
  card: 'data-testid="balance"',
  earn: 'data-signed-in="true"',
  rewards: 'data-testid="rewards-balance"',
  activity: 'data-testid="activity-entry"',
};

export type EmbedFigures = {
  loaderGzip: number;
  frameJs: { raw: number; gzip: number; files: number };
  serverTime: Record<TimedView, ServerTime>;
  layoutShift: Record<ShiftCase, number>;
};

/**
 * `visitor` and `member`: the demo storefront, which reserves the widget's height as the README recommends.
 * `bare snippet`: a page with nothing but `<div data-loyalty-widget>` above a paragraph.
 * `bare snippet, full page`: the same div above content that fills the screen, as on a real storefront:
 * every visible pixel below the widget moves when the iframe arrives, so this is the shift a host pays for
 * not reserving the height.
 */
const SHIFT_CASES = ['visitor', 'member', 'bare snippet', 'bare snippet, full page'] as const;
type ShiftCase = (typeof SHIFT_CASES)[number];

/**
 * Enough content to fill a 1280 × 900 viewport below the widget, across its whole width (the test page's
 * body is a narrow column; a storefront's content is not).
 */
const SCREENFUL = `<main style="width: calc(100vw - 48px)">${Array.from(
  { length: 30 },
  (_, index) => `<p>Product description, line ${index + 1}: what the shop sells, and why.</p>`,
).join('')}</main>`;

const viewPath = (view: TimedView, hostOrigin: string) =>
  `/embed?view=${view}&origin=${encodeURIComponent(hostOrigin)}`;

/** A fresh storefront token for Johna (Gold, a balance, coupons and a history). */
export async function memberToken(app: string): Promise<string> {
  return mintMemberToken({ secret: SSO_SECRET, memberId: DEMO_MEMBER_IDS.johna, audience: app });
}

/** A cookie jar holding Johna's embedded session, signed in the way a storefront would do it. */
export async function embeddedSession(app: string): Promise<HttpSession> {
  const session = new HttpSession();
  const response = await session.request(`${app}/embed/api/sso?view=card`, {
    method: 'POST',
    headers: { origin: app, 'content-type': 'application/json' },
    body: JSON.stringify({ token: await memberToken(app) }),
  });
  if (response.status !== 200) throw new Error(`embedded sign-in failed (${response.status})`);
  return session;
}

/** Every view's server time, for one member's embedded session (Johna: a balance, coupons, a history). */
async function benchViews(
  tools: EmbedBenchTools,
  hostOrigin: string,
): Promise<Record<TimedView, ServerTime>> {
  const session = await embeddedSession(tools.app);
  const times: Partial<Record<TimedView, ServerTime>> = {};
  for (const view of Object.keys(TIMED_VIEWS) as TimedView[]) {
    times[view] = await memberViewTime(
      tools,
      session,
      `${tools.app}${viewPath(view, hostOrigin)}`,
      MEMBER_MARKERS[view],
    );
  }
  return times as Record<TimedView, ServerTime>;
}

/**
 * The largest layout shift each host page shows: the demo storefront for a visitor and a member, and the
 * bare snippet above a paragraph and above a screenful of content.
 */
async function benchLayoutShift(app: string, hostPort: number): Promise<Record<ShiftCase, number>> {
  const pages: Record<ShiftCase, () => string | Promise<string>> = {
    visitor: () => storefrontPage({ appOrigin: app }),
    member: async () => storefrontPage({ appOrigin: app, memberToken: await memberToken(app) }),
    'bare snippet': () => widgetPage(app, '<div data-loyalty-widget></div>'),
    'bare snippet, full page': () => widgetPage(app, `<div data-loyalty-widget></div>${SCREENFUL}`),
  };
  return worstLayoutShifts({ hostPort, pages, signedIn: ['member'], runs: CLS_RUNS });
}

export async function benchEmbed(tools: EmbedBenchTools): Promise<EmbedFigures> {
  const hostOrigin = `http://127.0.0.1:${tools.hostPort}`;
  const loader = Buffer.from(await (await fetch(`${tools.app}/embed.js`)).arrayBuffer());
  const frameJs = await tools.firstLoadJsBytes(viewPath('card', hostOrigin));
  const serverTime = await benchViews(tools, hostOrigin);
  const layoutShift = await benchLayoutShift(tools.app, tools.hostPort);
  return { loaderGzip: gzipSync(loader, { level: 9 }).length, frameJs, serverTime, layoutShift };
}

export function printEmbedFigures(figures: EmbedFigures, latencyMs: number, runs: number): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
  console.log(`\nEmbedded widget`);
  console.log(`  embed.js:                         ${figures.loaderGzip} B gzipped (aim <= 2048 B)`);
  console.log(
    `  iframe JavaScript:                ${kb(figures.frameJs.gzip)} gzipped (${kb(figures.frameJs.raw)} raw, ${figures.frameJs.files} file; aim <= 20 kB)`,
  );
  console.log(`  server time per view, signed-in member, ${runs} runs (median; ratio to L = ${latencyMs}):`);
  for (const view of Object.keys(TIMED_VIEWS) as TimedView[]) {
    const { noLatency, withLatency } = figures.serverTime[view];
    const aim = TIMED_VIEWS[view];
    console.log(
      `    ${view.padEnd(9)} ${noLatency.toFixed(1)} ms at L = 0, ${withLatency.toFixed(1)} ms at L; ratio ${(withLatency / latencyMs).toFixed(2)}${aim === null ? '' : ` (aim <= ${aim})`}`,
    );
  }
  console.log(`  layout shift on a host page (worst of ${CLS_RUNS} loads; aim 0):`);
  for (const kind of SHIFT_CASES) {
    console.log(`    ${kind.padEnd(31)} ${figures.layoutShift[kind].toFixed(4)}`);
  }
}
