import { expect, test } from '@playwright/test';
import { LoyaltyCardPage } from './pages/loyalty-card-page';
import { sandbox } from './support/sandbox';

test.beforeEach(async () => {
  await sandbox.reset();
});

const sessionCookie = async (context: import('@playwright/test').BrowserContext) =>
  (await context.cookies()).find((cookie) => cookie.name === 'wix_session');

test('cancelling on the hosted login page shows a readable error and signs no one in', async ({
  page,
  context,
}) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.startSignIn();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-reason', 'login_cancelled');
  expect((await sessionCookie(context))?.value ?? '').not.toContain('member');
  await page.goto('/');
  await expect(card.signInLink()).toBeVisible();
});

test('a callback without a pending login is refused', async ({ page }) => {
  await page.goto('/auth/callback?code=stolen&state=guess');
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-reason', 'login_expired');
});

test('a callback whose state does not match is refused', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.startSignIn();
  await page.goto('/auth/callback?code=anything&state=not-the-state');
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-reason', 'state_mismatch');
  await page.goto('/');
  await expect(card.signInLink()).toBeVisible();
});

test('a callback without a code is refused', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.startSignIn();
  await page.goto('/auth/callback?state=whatever');
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-reason', 'missing_code');
});

test('returnTo only ever leads back to this site', async ({ page, baseURL }) => {
  await page.goto('/auth/login?returnTo=https://evil.example/steal');
  await page.getByRole('button', { name: /Johna Linskey/ }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
});
