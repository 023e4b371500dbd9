import { expect, type Page } from '@playwright/test';

/**
 * What a page's event stream receives, counted in the page itself: an init script wraps `EventSource`
 * before the app's code runs, so the test sees every `account` event without touching the app.
 */
export async function countAccountEvents(page: Page) {
  await page.addInitScript(() => {
    const events: string[] = [];
    Object.assign(window, { __accountEvents: events });
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('account', (event) => events.push((event as MessageEvent<string>).data));
      }
    };
  });
  return () =>
    page.evaluate(() => (window as unknown as { __accountEvents: string[] }).__accountEvents.length);
}

/** Resolves once the page's event stream (on `origin`, when given) is open: 200, `text/event-stream`. */
export function streamOpened(page: Page, origin?: string) {
  const isStream = (url: URL) =>
    url.pathname === '/api/loyalty/events' && (!origin || url.origin === new URL(origin).origin);
  return page
    .waitForResponse((response) => isStream(new URL(response.url())), { timeout: 15_000 })
    .then((response) => {
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('text/event-stream');
    });
}
