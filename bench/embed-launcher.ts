/**
 * The floating launcher's figures for `npm run bench` (called from run.ts, which builds and serves the app):
 *   1. `embed.js`, gzipped, as served: the loader with the launcher in it;
 *   2. the layout shift a closed launcher causes on a host page whose content fills the screen, in Chromium.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startHostServer } from '@/demo/host-server';
import { launcherPage } from '@/demo/launcher-page';

const CLS_RUNS = 5;

export type LauncherFigures = { loaderGzip: number; closedShift: number };

/**
 * The largest cumulative layout shift over a few loads of the demo's launcher page, from Chromium's
 * `layout-shift` entries, once the button is on the page and two frames have been drawn after it.
 */
async function closedLauncherShift(app: string, hostPort: number): Promise<number> {
  const host = await startHostServer({
    port: hostPort,
    pages: (url) => (url.pathname === '/launcher' ? launcherPage({ appOrigin: app }) : null),
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  let worst = 0;
  try {
    for (let run = 0; run < CLS_RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(() => {
        const total = { value: 0 };
        Object.assign(window, { __launcherShift: total });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            total.value += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(`${host.origin}/launcher`);
      await page.waitForFunction(
        () => document.querySelector('[data-view="launcher"]')?.shadowRoot?.querySelector('button'),
        null,
        { timeout: 15_000 },
      );
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() =>
                resolve((window as unknown as { __launcherShift: { value: number } }).__launcherShift.value),
              ),
            ),
          ),
      );
      worst = Math.max(worst, shift);
      await context.close();
    }
  } finally {
    await browser.close();
    await host.close();
  }
  return worst;
}

export async function benchLauncher(app: string, hostPort: number): Promise<LauncherFigures> {
  const loader = Buffer.from(await (await fetch(`${app}/embed.js`)).arrayBuffer());
  return {
    loaderGzip: gzipSync(loader, { level: 9 }).length,
    closedShift: await closedLauncherShift(app, hostPort),
  };
}

export function printLauncherFigures(figures: LauncherFigures): void {
  console.log(`\nFloating launcher`);
  console.log(`  embed.js with the launcher:       ${figures.loaderGzip} B gzipped (aim <= 2048 B)`);
  console.log(
    `  layout shift, launcher, closed:   ${figures.closedShift.toFixed(4)} (worst of ${CLS_RUNS} loads; aim 0)`,
  );
}
