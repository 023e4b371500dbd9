import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** Where the host page's focus is, seen through the launcher's shadow root. */
export type LauncherFocus = 'launcher' | 'close' | 'frame' | 'guard' | 'elsewhere';

/**
 * A host page with the widget's floating launcher: its button (named by its badge once the app has answered:
 * "1,250 stars", "Join and earn"), the badge's dot, its panel and the iframe inside.
 */
export class LauncherHostPage {
  readonly button: Locator;
  readonly dot: Locator;
  readonly panel: Locator;
  readonly close: Locator;
  readonly frame: FrameLocator;

  constructor(
    readonly page: Page,
    { label = 'Loyalty rewards', closeLabel = 'Close' } = {},
  ) {
    this.button = page.locator('[data-view="launcher"] button[aria-haspopup="dialog"]');
    this.dot = this.button.getByRole('img');
    this.panel = page.getByRole('dialog', { name: label });
    this.close = this.panel.getByRole('button', { name: closeLabel });
    this.frame = page.frameLocator('[data-view="launcher"] iframe');
  }

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.button).toBeVisible();
  }

  async openPanel() {
    await this.button.click();
    await expect(this.panel).toBeVisible();
    await expect(this.frame.getByTestId('loyalty-card')).toBeVisible();
  }

  iframe(): Locator {
    return this.page.locator('[data-view="launcher"] iframe');
  }

  /** Whether the tab bar overflows the panel, and how many of its tabs are clipped or pushed out of it. */
  tabBarLayout(): Promise<{ overflows: boolean; outside: number }> {
    return this.frame.getByRole('tablist').evaluate((bar) => {
      const box = bar.getBoundingClientRect();
      return {
        overflows: bar.scrollWidth > bar.clientWidth || box.right > document.documentElement.clientWidth,
        outside: [...bar.querySelectorAll('[role="tab"]')].filter((tab) => {
          const own = tab.getBoundingClientRect();
          return own.left < box.left || own.right > box.right || tab.scrollWidth > tab.clientWidth;
        }).length,
      };
    });
  }

  focus(): Promise<LauncherFocus> {
    return this.page.evaluate(() => {
      const root = document.querySelector('[data-view="launcher"]')?.shadowRoot;
      const active = root?.activeElement;
      if (!active) return 'elsewhere';
      if (active.tagName === 'IFRAME') return 'frame';
      if (active.tagName === 'SPAN') return 'guard';
      return active.classList.contains('close') ? 'close' : 'launcher';
    });
  }
}
