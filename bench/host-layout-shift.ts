import { chromium, type Page } from 'playwright-core';
import { startHostServer } from '@/demo/host-server';
import { layoutShiftSoFar, recordLayoutShift } from '@/testing/layout-shift';

const slug = (kind: string) => kind.replace(/[ ,]+/g, '-');

type Widgets = { ready: number; signedIn: boolean };

export type ShiftRuns<K extends string> = {
  hostPort: number;
  /** Each case's host page, made afresh for every load (a member token is spent once). */
  pages: Record<K, () => string | Promise<string>>;
  runs: number;
  /** Count shifts right after input too: a click that switches a launcher tab must still move nothing. */
  includeInput?: boolean;
  /** What happens on a loaded page before its shift is read: waiting for its widgets, clicking through it. */
  settle: (page: Page, kind: K) => Promise<void>;
};

/**
 * The largest cumulative layout shift over `runs` loads of each host page (a 1280 × 900 screen), from
 * Chromium's `layout-shift` entries, read once `settle` is done with the page. Every page also counts its
 * widgets' `loyalty:ready` and `loyalty:signed-in`, for a `settle` that waits on them.
 */
export async function worstShifts<K extends string>({
  hostPort,
  pages,
  runs,
  includeInput = false,
  settle,
}: ShiftRuns<K>): Promise<Record<K, number>> {
  const kinds = Object.keys(pages) as K[];
  const byPath = new Map(kinds.map((kind) => [`/${slug(kind)}`, pages[kind]]));
  const host = await startHostServer({
    port: hostPort,
    pages: (url) => byPath.get(url.pathname)?.() ?? null,
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const worst = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<K, number>;
  try {
    for (let run = 0; run < runs; run++) {
      for (const kind of kinds) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await recordLayoutShift(page, { includeInput });
        await page.addInitScript(() => {
          if (window !== window.top) return;
          const seen: Widgets = { ready: 0, signedIn: false };
          Object.assign(window, { __widgets: seen });
          document.addEventListener('loyalty:ready', () => seen.ready++);
          document.addEventListener('loyalty:signed-in', () => (seen.signedIn = true));
        });
        await page.goto(`${host.origin}/${slug(kind)}`);
        await settle(page, kind);
        worst[kind] = Math.max(worst[kind], await layoutShiftSoFar(page));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await host.close();
  }
  return worst;
}

export type ShiftPages<K extends string> = Omit<ShiftRuns<K>, 'settle' | 'includeInput'> & {
  /** The cases that sign a member in: they are measured once the widget says so. */
  signedIn: readonly NoInfer<K>[];
};

/**
 * The worst shift of each host page as Core Web Vitals count it (no shift after input), once every widget on
 * it is ready (and, for a member, signed in) and any resize has landed.
 */
export function worstLayoutShifts<K extends string>({
  signedIn,
  ...runs
}: ShiftPages<K>): Promise<Record<K, number>> {
  return worstShifts({
    ...runs,
    settle: async (page, kind) => {
      await page.waitForFunction(
        (member) => {
          const seen = (window as unknown as { __widgets: Widgets }).__widgets;
          return seen.ready === document.querySelectorAll('iframe').length && (!member || seen.signedIn);
        },
        signedIn.includes(kind),
        { timeout: 15_000 },
      );
      // Time for any resize message to arrive and be applied.
      await page.waitForTimeout(1_500);
    },
  });
}
