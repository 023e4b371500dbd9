import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { BASE_URL } from '../support/env';

export type HostEvent = { type: string; view: string | null; detail: { balance?: number } };

/** A host page on another site with the widget embedded: its iframes, and the events it heard. */
export class EmbedHostPage {
  readonly card: FrameLocator;
  readonly earn: FrameLocator;

  constructor(readonly page: Page) {
    this.card = page.frameLocator('iframe[title="Loyalty card"]');
    this.earn = page.frameLocator('iframe[title="Ways to earn loyalty points"]');
  }

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.cardSection()).toBeVisible();
  }

  cardSection(): Locator {
    return this.card.getByTestId('loyalty-card');
  }

  /** Signs in through the first-party popup the widget opens, choosing a member on the hosted login page. */
  async signInThroughPopup(memberName: string, from: FrameLocator = this.card) {
    const popupOpened = this.page.waitForEvent('popup');
    await from
      .getByRole('button', { name: /^Sign in/ })
      .first()
      .click();
    const popup = await popupOpened;
    // The popup closes itself as soon as it has handed over the code, often before the click returns.
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: new RegExp(memberName) }).click();
    await closed;
  }

  /**
   * Resolves once `count` of the widgets' live-update streams have opened on this page: a change made after it
   * cannot slip past them.
   */
  eventStreamsOpen(count: number): Promise<void> {
    let open = 0;
    return new Promise<void>((resolve) => {
      this.page.on('response', (response) => {
        const stream = response.url().includes('/embed/api/events') && response.status() === 200;
        if (stream && ++open === count) resolve();
      });
    });
  }

  /** Opens a host page and signs the card widget in as this member, through the popup. */
  async openSignedIn(url: string, memberName: string) {
    await this.open(url);
    await this.signInThroughPopup(memberName);
    await expect(this.card.getByTestId('balance')).toBeVisible();
  }

  /** The host page asks every widget to load again, as a site's `window.LoyaltyWidget.refresh()` does. */
  async refreshWidgets() {
    await this.page.evaluate(() =>
      (window as unknown as { LoyaltyWidget: { refresh(): void } }).LoyaltyWidget.refresh(),
    );
  }

  /**
   * Waits until the widget in `iframe` has handled every message this page has sent it: a page's messages to a
   * frame arrive in the order sent, so one more, which the widget ignores, arrives after them all.
   */
  async messagesHandled(iframe: Locator) {
    const frame = await (await iframe.elementHandle())!.contentFrame();
    await frame!.evaluate(() => {
      const last = new Promise<void>((resolve) =>
        window.addEventListener('message', (event) => event.data === 'e2e:last' && resolve()),
      );
      Object.assign(window, { e2eLastMessage: last });
    });
    await iframe.evaluate(
      (element: HTMLIFrameElement, origin) => element.contentWindow!.postMessage('e2e:last', origin),
      BASE_URL,
    );
    await frame!.evaluate(() => (window as unknown as { e2eLastMessage: Promise<void> }).e2eLastMessage);
  }

  async events(): Promise<HostEvent[]> {
    return this.page.evaluate(() => (window as unknown as { __loyaltyEvents: HostEvent[] }).__loyaltyEvents);
  }

  async eventsOfType(type: string): Promise<HostEvent[]> {
    return (await this.events()).filter((event) => event.type === type);
  }
}
