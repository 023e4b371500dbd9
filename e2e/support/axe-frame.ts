import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * The serious and critical axe violations inside one widget iframe (by its title). axe reports a frame it
 * could not reach as incomplete (`frame-tested`), not as a failure: scan until the frame's own nodes are in
 * the results, so a pass always means the view was checked. Each scan of a cross-site frame takes seconds on
 * a busy machine, and the first often misses the frame.
 */
export async function severeViolationsInFrame(page: Page, frameTitle: string): Promise<string[]> {
  const scan = () => new AxeBuilder({ page }).include(`iframe[title="${frameTitle}"]`).analyze();
  let results = await scan();
  const insideFrame = () => results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1));
  await expect
    .poll(async () => insideFrame() || ((results = await scan()), insideFrame()), { timeout: 60_000 })
    .toBe(true);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
