import type { Page } from '@playwright/test';

type ShiftTotal = { __layoutShift: { value: number } };

/**
 * Adds up every layout shift the host page (the top document) reports from its first paint on, with or
 * without recent input: a click that opens a tab is input, and the panel must still not move.
 */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const total = { value: 0 };
    Object.assign(window, { __layoutShift: total });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
        total.value += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shift so far, two frames after now, so that any shift of the last change has been reported. */
export async function layoutShiftSoFar(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve((window as unknown as ShiftTotal).__layoutShift.value)),
        ),
      ),
  );
}
