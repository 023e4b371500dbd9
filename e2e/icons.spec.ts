import { expect, test, type Page } from '@playwright/test';
import { LoyaltyCardPage } from './pages/loyalty-card-page';

/**
 * A first visit leaves the console clean: the app and the sandbox's hosted login page each have an icon,
 * so the browser's own request for one is not a 404 on every first page.
 */

/** Every console error and every 404 the page meets, by URL. */
function watchForNoise(page: Page) {
  const noise: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') noise.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() === 404) noise.push(`404: ${response.url()}`);
  });
  return noise;
}

/** The icons the document declares, each fetched the way the browser would. */
async function declaredIconsAnswer(page: Page) {
  const hrefs = await page
    .locator('link[rel~="icon"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    const type = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return response.ok ? (response.headers.get('content-type') ?? 'data') : `HTTP ${response.status}`;
    }, href);
    expect(type, href).toMatch(/^image\/|^data$/);
  }
}

test('the home page has an icon, and /favicon.ico answers, with no console error and no 404', async ({
  page,
  request,
}) => {
  const noise = watchForNoise(page);
  await new LoyaltyCardPage(page).open();
  await declaredIconsAnswer(page);
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/^image\//);
  await page.waitForLoadState('networkidle');
  expect(noise).toEqual([]);
});

test('the sandbox’s hosted login page declares its icon, with no console error and no 404', async ({
  page,
}) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  const noise = watchForNoise(page);
  await card.startSignIn();
  await declaredIconsAnswer(page);
  await page.waitForLoadState('networkidle');
  expect(noise).toEqual([]);
});

test('the embed’s document, opened on its own, meets no 404 and no console error', async ({ page }) => {
  const noise = watchForNoise(page);
  await page.goto('/embed');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(noise).toEqual([]);
});
