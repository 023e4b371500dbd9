import { expect, test, type BrowserContext } from '@playwright/test';
import { LoyaltyCardPage } from './pages/loyalty-card-page';
import { sandbox } from './support/sandbox';

test.beforeEach(async () => {
  await sandbox.reset();
});

/** The role of the refresh token in the session cookie, or null when there is no readable session. */
async function sessionRole(context: BrowserContext): Promise<string | null> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'wix_session');
  if (!cookie) return null;
  try {
    return JSON.parse(Buffer.from(cookie.value, 'base64url').toString('utf8')).refreshToken.role;
  } catch {
    return null;
  }
}

test('cancelling on the hosted login page shows a readable error and signs no one in', async ({
  page,
  context,
}) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.startSignIn();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-reason', 'LOGIN_CANCELLED');
  expect(await sessionRole(context)).not.toBe('member');
  await page.goto('/');
  await expect(card.signInLink()).toBeVisible();
});

test('a callback without a pending login is refused', async ({ page }) => {
  await page.goto('/auth/callback?code=stolen&state=guess');
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-reason', 'LOGIN_EXPIRED');
});

test('a callback whose state does not match is refused', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.startSignIn();
  await page.goto('/auth/callback?code=anything&state=not-the-state');
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-reason', 'STATE_MISMATCH');
  await page.goto('/');
  await expect(card.signInLink()).toBeVisible();
});

test('a callback without a code is refused', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.startSignIn();
  await page.goto('/auth/callback?state=whatever');
  await expect(page.getByTestId('auth-error')).toHaveAttribute('data-reason', 'MISSING_CODE');
});

test('a completed sign-in leaves a member session; the visitor session before it is not one', async ({
  page,
  context,
}) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.startSignIn();
  expect(await sessionRole(context)).toBe('visitor');
  await page.getByRole('button', { name: /Johna Linskey/ }).click();
  await expect(card.text('balance')).toBeVisible();
  expect(await sessionRole(context)).toBe('member');
});

test('returnTo only ever leads back to this site', async ({ page, baseURL }) => {
  await page.goto('/auth/login?returnTo=https://evil.example/steal');
  await page.getByRole('button', { name: /Johna Linskey/ }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
});
