import type { FrameLocator, Locator, Page } from '@playwright/test';

/** The earn preview embedded on a host page: its iframe, the line inside it, and what the host sees of it. */
export class EmbeddedPreview {
  static readonly TITLE = 'Loyalty points for this order';
  readonly iframe: Locator;
  readonly frame: FrameLocator;

  constructor(readonly page: Page) {
    this.iframe = page.locator(`iframe[title="${EmbeddedPreview.TITLE}"]`);
    this.frame = page.frameLocator(`iframe[title="${EmbeddedPreview.TITLE}"]`);
  }

  /** The line with a figure; absent when the preview is empty. */
  get line(): Locator {
    return this.frame.locator('.preview');
  }

  get figure(): Locator {
    return this.frame.getByTestId('preview-points');
  }

  /** The frame's own empty preview, rendered by the server. */
  get empty(): Locator {
    return this.frame.locator('[data-testid="earn-preview"][data-empty]');
  }

  /** The iframe's height on the host page, in CSS pixels. */
  async height(): Promise<number> {
    return this.iframe.evaluate((element) => element.getBoundingClientRect().height);
  }

  /** Sets `data-amount` as a storefront's own script does when a quantity changes. */
  async setAmount(amount: string): Promise<void> {
    await this.page
      .locator('[data-view="preview"]')
      .evaluate((element, value) => element.setAttribute('data-amount', value), amount);
  }
}
