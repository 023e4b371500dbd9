import type { FrameLocator, Locator } from '@playwright/test';

/** The widget's rewards view inside its iframe: its rewards, the confirmation step, the coupon it gives. */
export class EmbeddedRewards {
  readonly balance: Locator;
  readonly status: Locator;
  readonly redeemedCode: Locator;
  readonly couponCodes: Locator;

  constructor(readonly frame: FrameLocator) {
    this.balance = frame.getByTestId('rewards-balance');
    this.status = frame.getByTestId('rewards-status');
    this.redeemedCode = frame.getByTestId('redeemed-code');
    this.couponCodes = frame.getByTestId('my-coupons').getByTestId('coupon-code');
  }

  reward(rewardId: string): Locator {
    return this.frame.getByTestId(`reward-${rewardId}`);
  }

  /** Opens the confirmation beside the reward's Redeem and returns its Confirm button. */
  async startRedeeming(rewardId: string): Promise<Locator> {
    await this.reward(rewardId)
      .getByRole('button', { name: /^Redeem/ })
      .click();
    return this.reward(rewardId).getByRole('button', { name: /^Spend/ });
  }
}
