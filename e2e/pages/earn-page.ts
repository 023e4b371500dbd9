import { expect, type Locator, type Page } from '@playwright/test';
import { LoyaltyCardPage } from './loyalty-card-page';

/** The marketing page: the loyalty card beside the offers that earn points. */
export class EarnPage {
  readonly card: LoyaltyCardPage;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.card = new LoyaltyCardPage(page);
    this.status = page.getByTestId('earn-status');
  }

  async open() {
    await this.card.open('/earn');
    await expect(this.page.getByRole('heading', { name: 'Ways to earn' })).toBeVisible();
  }

  offer(id: string) {
    return this.page.getByTestId(`offer-${id}`);
  }

  claimButton(id: string) {
    return this.offer(id).getByRole('button', { name: /^Claim/ });
  }

  /**
   * React has hydrated the offer's form. Until then a form changed in the page is a hydration mismatch that
   * React throws away by rendering it again, which on a busy machine can come after a test has changed it.
   */
  async waitForHydration(id: string) {
    await expect
      .poll(() =>
        this.claimButton(id).evaluate((button) =>
          Object.keys(button).some((key) => key.startsWith('__reactFiber')),
        ),
      )
      .toBe(true);
  }
}
