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
}
