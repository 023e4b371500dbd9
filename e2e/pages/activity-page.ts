import { expect, type Locator, type Page } from '@playwright/test';
import { LoyaltyCardPage } from './loyalty-card-page';

/** The activity page: the loyalty card beside the member's history. */
export class ActivityPage {
  readonly card: LoyaltyCardPage;
  readonly entries: Locator;
  readonly status: Locator;
  readonly showMore: Locator;

  constructor(readonly page: Page) {
    this.card = new LoyaltyCardPage(page);
    this.entries = page.getByTestId('activity-entry');
    this.status = page.getByTestId('activity-status');
    this.showMore = page.getByRole('button', { name: 'Show more' });
  }

  async open() {
    await this.card.open('/activity');
    await expect(this.page.getByRole('heading', { name: 'Your activity' })).toBeVisible();
  }
}
