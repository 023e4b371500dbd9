import { expect, test, type Page } from '@playwright/test';
import { EarnPage } from './pages/earn-page';
import { LoyaltyCardPage } from './pages/loyalty-card-page';
import { sandbox } from './support/sandbox';

/** What an attacker or an unlucky network sends to the app's doors: redirects, action posts, outages. */

test.beforeEach(async () => {
  await sandbox.reset();
});

const OPEN_REDIRECTS = ['/.//evil.example/x', '/..//evil.example', '/%2e//evil.example'];

for (const returnTo of OPEN_REDIRECTS) {
  test(`sign-out with returnTo=${returnTo} stays on this site`, async ({ request, baseURL }) => {
    const response = await request.post('/auth/logout', { form: { returnTo }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(new URL(response.headers().location!).origin).toBe(new URL(baseURL!).origin);
  });

  test(`sign-in with returnTo=${returnTo} comes back to this site`, async ({ page, baseURL }) => {
    await page.goto(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
    await page.getByRole('button', { name: /Johna Linskey/ }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
  });
}

test('a signed-in member signing out with a hostile returnTo passes through Wix and back here', async ({
  page,
  baseURL,
}) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.signInAs('Johna Linskey');
  await card.card
    .locator('input[name="returnTo"]')
    .evaluate((input: HTMLInputElement) => (input.value = '/.//evil.example/x'));
  await card.card.getByRole('button', { name: 'Sign out' }).click();
  await expect(card.signInLink()).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test('a 5,000-character returnTo does not break sign-in', async ({ page, baseURL }) => {
  await page.goto(`/auth/login?returnTo=/${'a'.repeat(5_000)}`);
  await page.getByRole('button', { name: /Johna Linskey/ }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(new LoyaltyCardPage(page).text('balance')).toBeVisible();
});

test('an outage at the token endpoint keeps the member signed in and offers a retry', async ({
  page,
  context,
}) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  // Let the card's event stream connect first: it passes the proxy too, and would take the renewal fault.
  await card.signInLive('Johna Linskey');
  await expireAccessToken(page);

  await sandbox.injectFault({ pathPrefix: '/oauth2/token', status: 503, times: 1 });
  await page.reload();
  await expect(card.card.getByRole('alert')).toContainText('could not load your points');
  await expect(card.card.getByText('Your session has ended')).toHaveCount(0);
  expect((await context.cookies()).some((cookie) => cookie.name === 'wix_session')).toBe(true);

  await card.card.getByRole('button', { name: 'Try again' }).click();
  await expect(card.text('balance')).toBeVisible();
});

test('a refused refresh token still ends the session visibly', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  // Let the card's event stream connect first: it passes the proxy too, and would take the renewal fault.
  await card.signInLive('Johna Linskey');
  await expireAccessToken(page);
  await sandbox.injectFault({ pathPrefix: '/oauth2/token', status: 400, times: 1 });
  await page.reload();
  await expect(card.card.getByRole('status')).toContainText('Your session has ended');
});

/** Rewrites the session cookie so its access token expired a minute ago; the refresh token stays valid. */
async function expireAccessToken(page: Page) {
  const context = page.context();
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'wix_session')!;
  const tokens = JSON.parse(Buffer.from(cookie.value, 'base64url').toString('utf8'));
  tokens.accessToken.expiresAt = Math.floor(Date.now() / 1000) - 60;
  await context.addCookies([{ ...cookie, value: Buffer.from(JSON.stringify(tokens)).toString('base64url') }]);
}

test.describe('server action posts', () => {
  async function claimActionId(page: Page): Promise<string> {
    const earn = new EarnPage(page);
    await earn.open();
    await earn.card.signInAs('Elena Rodriguez');
    const request = page.waitForRequest((candidate) => Boolean(candidate.headers()['next-action']));
    await earn.claimButton('follow-tiktok').click();
    await expect(earn.status).toContainText('you earned');
    return (await request).headers()['next-action']!;
  }

  for (const [label, body, contentType] of [
    ['an empty body', '', 'text/plain;charset=UTF-8'],
    ['a malformed body', '{"not":', 'text/plain;charset=UTF-8'],
    ['a malformed multipart body', '--x\r\nbroken', 'multipart/form-data; boundary=x'],
  ] as const) {
    test(`${label} is answered 400 and changes nothing`, async ({ page, baseURL }) => {
      const actionId = await claimActionId(page);
      const before = await sandbox.state();
      const response = await page.request.post('/earn', {
        headers: { 'next-action': actionId, origin: baseURL!, 'content-type': contentType },
        data: body,
      });
      expect(response.status()).toBe(400);
      expect(await response.json()).toEqual({ code: 'MALFORMED_REQUEST' });
      expect(await sandbox.state()).toEqual(before);
    });
  }

  test('a post from a foreign origin is answered 403 and changes nothing', async ({ page }) => {
    const actionId = await claimActionId(page);
    const before = await sandbox.state();
    const response = await page.request.post('/earn', {
      headers: {
        'next-action': actionId,
        origin: 'https://evil.example',
        'content-type': 'text/plain;charset=UTF-8',
      },
      data: '[]',
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ code: 'FORBIDDEN_ORIGIN' });
    expect(await sandbox.state()).toEqual(before);
  });
});
