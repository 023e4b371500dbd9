import type { Page } from 'playwright-core';

/**
 * The page's cumulative layout shift as Core Web Vitals count it: Chromium's `layout-shift` entries, except
 * those right after the shopper's own input. Call before the page loads; read with `layoutShiftSoFar`.
 */
export async function recordLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const total = { value: 0 };
    Object.assign(window, { __layoutShift: total });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) total.value += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shift so far, once two more frames have been drawn, so a shift just caused has been reported. */
export async function layoutShiftSoFar(page: Page): Promise<number> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => (window as unknown as { __layoutShift: { value: number } }).__layoutShift.value);
}
