import { expect, type Locator, type Page } from '@playwright/test';
import { LoyaltyCardPage } from './loyalty-card-page';

/** The rewards page: the loyalty card beside the rewards, the redeem dialog and the member's coupons. */
export class RewardsPage {
  readonly card: LoyaltyCardPage;
  readonly status: Locator;
  readonly dialog: Locator;
  readonly redeemedCode: Locator;
  readonly coupons: Locator;

  constructor(readonly page: Page) {
    this.card = new LoyaltyCardPage(page);
    this.status = page.getByTestId('rewards-status');
    this.dialog = page.getByRole('dialog');
    this.redeemedCode = page.getByTestId('redeemed-code');
    this.coupons = page.getByTestId('my-coupons');
  }

  async open() {
    await this.card.open('/rewards');
    await expect(this.page.getByRole('heading', { name: 'Rewards on offer' })).toBeVisible();
  }

  reward(id: string) {
    return this.page.getByTestId(`reward-${id}`);
  }

  redeemButton(id: string) {
    return this.reward(id).getByRole('button', { name: /^Redeem/ });
  }

  confirmButton() {
    return this.dialog.getByRole('button', { name: /^Spend/ });
  }

  /** Opens the confirmation for a reward and checks what it asks. */
  async startRedeeming(id: string) {
    await this.redeemButton(id).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Rewrites the reward id the dialog's form will post, as a forged request would. */
  async forgeRewardId(rewardId: string, extraFields: Record<string, string> = {}) {
    await this.dialog.locator('form').evaluate(
      (form, { rewardId: forged, extra }) => {
        (form.querySelector('input[name="rewardId"]') as HTMLInputElement).value = forged;
        for (const [name, value] of Object.entries(extra)) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = value;
          form.appendChild(input);
        }
      },
      { rewardId, extra: extraFields },
    );
  }

  couponCodes() {
    return this.coupons.getByTestId('coupon-code');
  }
}
