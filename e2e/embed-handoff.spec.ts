import type { Page } from '@playwright/test';
import { EmbedHostPage } from './pages/embed-host-page';
import { BASE_URL } from './support/env';
import { expect, test } from './support/embed-fixtures';
import { sandbox } from './support/sandbox';

/**
 * The popup's one-time code is the only thing that turns a popup sign-in into a widget session: used once,
 * within a minute, and only with the nonce of the frame that opened the popup. Anything else signs no one in.
 */

test.beforeEach(async () => {
  await sandbox.reset();
});

const HANDOFF_ROUTE = '**/embed/api/session**';

async function embedSessionCookies(page: Page) {
  return (await page.context().cookies(BASE_URL)).filter((cookie) => cookie.name === 'wix_embed_session');
}

test('a handoff code that was already used is refused and signs no one in', async ({ page, allowedHost }) => {
  const host = new EmbedHostPage(page);
  await host.open(allowedHost.origin);
  const exchange = page.waitForRequest((request) => request.url().includes('/embed/api/session'));
  await host.signInThroughPopup('Johna Linskey');
  const used = (await exchange).postData()!;
  await expect(host.card.getByTestId('balance')).toHaveText('1,250');
  await host.card.getByRole('button', { name: 'Sign out' }).click();
  await expect(host.card.getByRole('button', { name: 'Sign in' })).toBeVisible();

  // Whoever saw the code (a log, an extension) replays it from the widget's own origin.
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${BASE_URL}/embed`))!;
  const replay = await frame.evaluate(async (body) => {
    const response = await fetch('/embed/api/session?view=card', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return { status: response.status, code: (await response.json()).code };
  }, used);
  expect(replay).toEqual({ status: 401, code: 'HANDOFF_INVALID' });
  expect(await embedSessionCookies(page)).toHaveLength(0);
  await page.reload();
  await expect(host.card.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a handoff code presented with another nonce is refused and signs no one in', async ({
  page,
  allowedHost,
}) => {
  await page.route(HANDOFF_ROUTE, async (route) => {
    const body = JSON.parse(route.request().postData()!);
    await route.continue({ postData: JSON.stringify({ ...body, nonce: 'n'.repeat(43) }) });
  });
  const host = new EmbedHostPage(page);
  await host.open(allowedHost.origin);
  await host.signInThroughPopup('Johna Linskey');

  await expect(host.card.getByTestId('embed-notice')).toHaveAttribute('data-code', 'HANDOFF_NONCE_MISMATCH');
  await expect(host.card.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await embedSessionCookies(page)).toHaveLength(0);
});

test('a handoff code that arrives after a minute is refused and signs no one in', async ({
  page,
  allowedHost,
}) => {
  test.setTimeout(120_000);
  // The code travels from popup to server slower than it lives: 61 seconds.
  await page.route(HANDOFF_ROUTE, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 61_000));
    await route.continue();
  });
  const host = new EmbedHostPage(page);
  await host.open(allowedHost.origin);
  await host.signInThroughPopup('Johna Linskey');

  await expect(host.card.getByTestId('embed-notice')).toHaveAttribute('data-code', 'HANDOFF_INVALID', {
    timeout: 90_000,
  });
  await expect(host.card.getByTestId('balance')).toHaveCount(0);
  expect(await embedSessionCookies(page)).toHaveLength(0);
});
