import { expect, type Locator, type Page } from '@playwright/test';
import { streamOpened } from '../support/live-stream';

/** The loyalty card as a shopper sees it, addressed by role and test id. */
export class LoyaltyCardPage {
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('loyalty-card');
  }

  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.card).toBeVisible();
  }

  /** Follows "Sign in" to the sandbox's hosted login page and stops there. */
  async startSignIn() {
    await this.signInLink().click();
    await expect(this.page.getByRole('heading', { name: /sign in/i })).toBeVisible();
  }

  /** Signs in through the sandbox's hosted login page, as a shopper would, and lands back on the card. */
  async signInAs(memberName: string) {
    await this.startSignIn();
    await this.page.getByRole('button', { name: new RegExp(memberName) }).click();
    await expect(this.card).toBeVisible();
    await expect(this.card.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  }

  /** Signs in and waits until the card's live-update stream (on `origin`, when given) is open. */
  async signInLive(memberName: string, origin?: string) {
    const opened = streamOpened(this.page, origin);
    await this.signInAs(memberName);
    await opened;
  }

  async signOut() {
    await this.card.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.card.getByRole('link', { name: 'Sign in' })).toBeVisible();
  }

  text(testId: string) {
    return this.card.getByTestId(testId);
  }

  signInLink() {
    return this.card.getByRole('link', { name: 'Sign in' });
  }
}
