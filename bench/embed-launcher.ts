/**
 * The floating launcher's figures for `npm run bench` (called from run.ts, which builds and serves the app):
 *   1. `embed.js` and `embed-launcher.js`, gzipped, as served: what every page with a widget loads, and what
 *      only a page with a launcher adds;
 *   2. the badge's server time (`GET /embed/api/launcher`) for a signed-in member, against the latency L;
 *   3. the layout shift, in Chromium, of a closed launcher on a host page whose content fills the screen, and
 *      of a signed-in member switching through every tab of the open panel.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launcherPage } from '@/demo/launcher-page';
import type { SandboxControl } from '@/lib/sandbox/control-client';
import { embeddedSession, memberToken } from './embed';
import { worstShifts } from './host-layout-shift';
import { serverTime, type ServerTime } from './member-view-time';

const CLS_RUNS = 5;

export type LauncherBenchTools = {
  app: string;
  hostPort: number;
  sandbox: SandboxControl;
  runs: number;
  latencyMs: number;
};

export type LauncherFigures = {
  loaderGzip: number;
  launcherGzip: number;
  badge: ServerTime;
  closedShift: number;
  tabsShift: number;
};

async function gzippedBytes(url: string): Promise<number> {
  return gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
}

/** The badge's median server time for Johna's embedded session, as the host page asks for it. */
async function badgeTime(tools: LauncherBenchTools): Promise<ServerTime> {
  const { app, hostPort } = tools;
  const session = await embeddedSession(app);
  const origin = `http://127.0.0.1:${hostPort}`;
  return serverTime(tools, async () => {
    const started = performance.now();
    const response = await session.request(`${app}/embed/api/launcher`, { headers: { origin } });
    const reply = (await response.json()) as { balance?: unknown };
    if (response.status !== 200 || typeof reply.balance !== 'number')
      throw new Error(`unexpected badge (${response.status})`);
    return performance.now() - started;
  });
}

/** Opens the panel as a member signed in by the storefront's token, then clicks every tab and back to the card. */
async function switchTabs(page: Page): Promise<void> {
  await page.locator('[data-view="launcher"] button[aria-haspopup="dialog"]').click();
  const frame = page.frameLocator('[data-view="launcher"] iframe');
  await frame.getByTestId('balance').waitFor({ timeout: 15_000 });
  const names = (await frame.getByRole('tab').allTextContents()).map((name) => name.trim());
  for (const name of [...names.slice(1), names[0]!]) {
    await frame.getByRole('tab', { name }).click();
    await frame.getByRole('tabpanel', { name }).waitFor({ timeout: 15_000 });
  }
}

/**
 * The largest cumulative layout shift over a few loads of the demo's launcher page, every shift counted:
 * closed, once the button is on the page; and with a signed-in member switching to every tab.
 */
function launcherShifts(app: string, hostPort: number): Promise<{ closed: number; tabs: number }> {
  return worstShifts({
    hostPort,
    runs: CLS_RUNS,
    includeInput: true,
    pages: {
      closed: () => launcherPage({ appOrigin: app }),
      tabs: async () =>
        launcherPage({ appOrigin: app, attributes: ` data-member-token="${await memberToken(app)}"` }),
    },
    settle: async (page, kind) => {
      await page
        .locator('[data-view="launcher"] button[aria-haspopup="dialog"]')
        .waitFor({ timeout: 15_000 });
      if (kind === 'tabs') await switchTabs(page);
    },
  });
}

export async function benchLauncher(tools: LauncherBenchTools): Promise<LauncherFigures> {
  const shifts = await launcherShifts(tools.app, tools.hostPort);
  return {
    loaderGzip: await gzippedBytes(`${tools.app}/embed.js`),
    launcherGzip: await gzippedBytes(`${tools.app}/embed-launcher.js`),
    badge: await badgeTime(tools),
    closedShift: shifts.closed,
    tabsShift: shifts.tabs,
  };
}

export function printLauncherFigures(figures: LauncherFigures, latencyMs: number): void {
  const { noLatency, withLatency } = figures.badge;
  console.log(`\nFloating launcher`);
  console.log(`  embed.js, every page:             ${figures.loaderGzip} B gzipped (aim <= 2048 B)`);
  console.log(`  embed-launcher.js, launcher only: ${figures.launcherGzip} B gzipped (aim <= 2048 B)`);
  console.log(
    `  badge, signed-in member:          ${noLatency.toFixed(1)} ms at L = 0, ${withLatency.toFixed(1)} ms at L; ratio ${(withLatency / latencyMs).toFixed(2)} (aim <= 1.2)`,
  );
  console.log(
    `  layout shift, launcher, closed:   ${figures.closedShift.toFixed(4)} (worst of ${CLS_RUNS} loads; aim 0)`,
  );
  console.log(
    `  layout shift, tab switches:       ${figures.tabsShift.toFixed(4)} (worst of ${CLS_RUNS} loads, every tab; aim 0)`,
  );
}
