import type { FrameLocator, Locator, Page } from '@playwright/test';

/**
 * The tiers, as the `/tiers` page and the widget's tiers view both show them (the same test ids): pass the
 * page, the widget's frame, or a part of either.
 */
export class TiersView {
  readonly steps: Locator;
  readonly names: Locator;
  /** The tier marked as the member's own. */
  readonly current: Locator;
  readonly standing: Locator;
  readonly next: Locator;

  constructor(readonly root: Page | FrameLocator | Locator) {
    this.steps = root.getByTestId('tier-step');
    this.names = root.getByTestId('tier-step-name');
    this.current = root.locator('[data-testid="tier-step"][aria-current="true"]');
    this.standing = root.getByTestId('tiers-standing');
    this.next = root.getByTestId('tiers-next');
  }

  step(name: string): Locator {
    return this.steps.filter({ has: this.root.getByRole('heading', { name, exact: true }) });
  }

  /** What a tier gives, line by line: its order rate first, then its perks. */
  perksOf(name: string): Locator {
    return this.step(name).locator('[data-testid="tier-rate"], [data-testid="tier-perk"]');
  }
}
