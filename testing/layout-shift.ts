import type { Page } from 'playwright-core';

type ShiftEntry = PerformanceEntry & { value: number; hadRecentInput: boolean };

/**
 * Adds up the layout shifts the host page (the top document) reports from its first paint on. By default as
 * Core Web Vitals count them: shifts right after the shopper's own input are left out. `includeInput` counts
 * those too: a click that switches a launcher tab is input, and the panel must still not move. Call before
 * the page loads; read with `layoutShiftSoFar`.
 */
export async function recordLayoutShift(page: Page, { includeInput = false } = {}): Promise<void> {
  await page.addInitScript((countInput: boolean) => {
    if (window !== window.top) return;
    const total = { value: 0 };
    Object.assign(window, { __layoutShift: total });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as ShiftEntry[]) {
        if (countInput || !entry.hadRecentInput) total.value += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }, includeInput);
}

/** The shift so far, once two more frames have been drawn, so a shift just caused has been reported. */
export async function layoutShiftSoFar(page: Page): Promise<number> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => (window as unknown as { __layoutShift: { value: number } }).__layoutShift.value);
}
