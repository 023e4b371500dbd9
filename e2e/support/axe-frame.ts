import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * The serious and critical axe violations inside one iframe of the page, as `rule: targets` lines. axe reports
 * a frame it could not reach as incomplete (`frame-tested`), not as a failure: this scans until the frame's
 * own nodes are in the results, so an empty list always means the frame was checked.
 */
export async function severeViolationsIn(page: Page, iframe: string): Promise<string[]> {
  const scan = () => new AxeBuilder({ page }).include(iframe).analyze();
  let results = await scan();
  const insideFrame = () => results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1));
  // Each scan of a cross-site frame takes seconds on a busy machine, and the first often misses the frame.
  await expect
    .poll(async () => insideFrame() || ((results = await scan()), insideFrame()), { timeout: 60_000 })
    .toBe(true);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * A widget in `locale` reads in that language's direction, shows its `heading`, and has no serious or
 * critical axe violations.
 */
export async function expectAccessibleWidget(page: Page, iframe: string, heading: string, locale: string) {
  const frame = page.frameLocator(iframe);
  await expect(frame.getByRole('heading', { name: heading })).toBeVisible();
  await expect(frame.locator('html')).toHaveAttribute('dir', locale === 'he' ? 'rtl' : 'ltr');
  expect(await severeViolationsIn(page, iframe)).toEqual([]);
}
