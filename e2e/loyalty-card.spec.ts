import { expect, test } from '@playwright/test';
import { LoyaltyCardPage } from './pages/loyalty-card-page';
import { sandbox } from './support/sandbox';

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
});

test('a visitor sees the program and a sign-in call to action', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await expect(card.card).toContainText('Star Rewards');
  await expect(card.signInLink()).toBeVisible();
  await expect(card.text('balance')).toHaveCount(0);
});

for (const name of ['Johna Linskey', 'Aigneis Johnsson', 'Elena Rodriguez']) {
  test(`${name} signs in and sees exactly the numbers the sandbox holds`, async ({ page }) => {
    const { account } = await sandbox.member(name);
    if (!account) throw new Error(`${name} should have a loyalty account in the seed`);
    const card = new LoyaltyCardPage(page);
    await card.open();
    await card.signInAs(name);

    const number = (value: number) => new Intl.NumberFormat('en-US').format(value);
    await expect(card.text('balance')).toHaveText(number(account.points.balance));
    await expect(card.text('points-name')).toHaveText('stars');
    await expect(card.text('total-earned')).toHaveText(number(account.points.earned));
    await expect(card.text('total-redeemed')).toHaveText(number(account.points.redeemed));
    await expect(card.text('total-adjusted')).toHaveText(number(account.points.adjusted));
    await expect(card.text('total-expired')).toHaveText(number(account.points.expired));
    await expect(card.text('tier-name')).toHaveText(await sandbox.tierName(account));
    await expect(card.text('tier-points')).toContainText(number(account.tier?.points ?? 0));
    await expect(card.text('reward-badge')).toHaveAttribute(
      'data-available',
      String(account.rewardAvailable),
    );

    const expiring = account.pointsExpiration?.expiringPointsAmount ?? 0;
    if (expiring > 0) {
      await expect(card.text('expiring-amount')).toHaveText(`${number(expiring)} stars`);
      const days = Math.round(
        (Date.parse(account.pointsExpiration!.expirationDate!) - Date.now()) / 86_400_000,
      );
      await expect(card.text('expiring-in')).toHaveText(`in ${days} days`);
    } else {
      await expect(card.text('expiring')).toHaveCount(0);
    }

    await card.signOut();
    await expect(card.text('balance')).toHaveCount(0);
  });
}

test('Elena sees points about to expire', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.signInAs('Elena Rodriguez');
  await expect(card.text('expiring')).toBeVisible();
  await expect(card.text('expiring-date')).toHaveAttribute('datetime', /\d{4}-\d{2}-\d{2}T/);
});

test('a member without a loyalty account is told so plainly', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.signInAs('Noah Newcomer');
  await expect(card.text('no-account')).toContainText('not a member of Star Rewards');
  await expect(card.card.getByRole('button', { name: 'Join Star Rewards' })).toBeVisible();
});

test('a tampered session cookie gives the visitor view and is cleared', async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([
    { name: 'wix_session', value: 'tampered!!', url: baseURL!, secure: true, httpOnly: true },
  ]);
  const card = new LoyaltyCardPage(page);
  await card.open();
  await expect(card.signInLink()).toBeVisible();
  const cookies = await context.cookies();
  expect(cookies.find((cookie) => cookie.name === 'wix_session')).toBeUndefined();
});

const forgedMemberCookie = () =>
  Buffer.from(
    JSON.stringify({
      accessToken: { value: 'forged', expiresAt: Math.floor(Date.now() / 1000) + 3600 },
      refreshToken: { value: 'forged', role: 'member' },
    }),
  ).toString('base64url');

test('a page render that Wix refuses the session for shows it ended and clears the cookie', async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([
    { name: 'wix_session', value: forgedMemberCookie(), url: baseURL!, secure: true, httpOnly: true },
  ]);
  const accountApiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/loyalty/account')) accountApiCalls.push(request.url());
  });
  const card = new LoyaltyCardPage(page);
  await card.open();
  await expect(card.card.getByRole('status')).toContainText('Your session has ended');
  await expect(card.signInLink()).toBeVisible();
  await expect
    .poll(async () => (await context.cookies()).some((cookie) => cookie.name === 'wix_session'))
    .toBe(false);
  // Cleared by the page itself, not as a side effect of the card's JSON route.
  expect(accountApiCalls).toEqual([]);
});

test('the JSON route also answers a refused session with 401 and clears it', async ({ request }) => {
  const response = await request.get('/api/loyalty/account', {
    headers: { cookie: `wix_session=${forgedMemberCookie()}` },
  });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ code: 'SIGN_IN_REQUIRED', view: { sessionEnded: true } });
  expect(response.headers()['set-cookie']).toMatch(/wix_session=;.*Max-Age=0/i);
});

test('the account API answers 401 with a code for visitors and the view for members', async ({
  page,
  request,
}) => {
  const anonymous = await request.get('/api/loyalty/account');
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ code: 'SIGN_IN_REQUIRED', view: { status: 'visitor' } });

  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.signInAs('Johna Linskey');
  const signedIn = await page.request.get('/api/loyalty/account');
  expect(signedIn.status()).toBe(200);
  const body = await signedIn.json();
  const { account } = await sandbox.member('Johna Linskey');
  expect(body.view.account.balance).toBe(account!.points.balance);
  expect(JSON.stringify(body)).not.toMatch(/accessToken|refreshToken/);
});

test('an expiring access token is renewed and written back to the cookie', async ({ page, context }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.signInAs('Johna Linskey');
  const before = (await context.cookies()).find((cookie) => cookie.name === 'wix_session')?.value;

  // The e2e sandbox issues 35-second tokens and the app renews 30 seconds ahead: after 6 s it must renew.
  await page.waitForTimeout(6_000);
  await page.reload();
  await expect(card.text('balance')).toBeVisible();
  const after = (await context.cookies()).find((cookie) => cookie.name === 'wix_session')?.value;
  expect(after).toBeTruthy();
  expect(after).not.toBe(before);
});

test('a refresh that Wix refuses signs the member out visibly', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.signInAs('Johna Linskey');
  await page.waitForTimeout(6_000);
  await sandbox.injectFault({ pathPrefix: '/oauth2/token', status: 400, times: 1 });
  await page.reload();
  await expect(card.card.getByRole('status')).toContainText('Your session has ended');
  await expect(card.signInLink()).toBeVisible();
});

test('when Wix is down the card says so and recovers on retry', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  // The open card's event stream reads the account when it connects: let it, before the fault is set.
  await card.signInLive('Johna Linskey');
  await sandbox.injectFault({
    pathPrefix: '/loyalty-accounts/v1/accounts/my-account',
    status: 503,
    times: 1,
  });
  await page.reload();
  await expect(card.card.getByRole('alert')).toContainText('could not load your points');
  await card.card.getByRole('button', { name: 'Try again' }).click();
  await expect(card.text('balance')).toBeVisible();
});

test('the loading skeleton has the size of the card it makes room for', async ({ page }) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.signInAs('Elena Rodriguez');
  // Long enough that a busy machine still measures the skeleton before the card replaces it.
  await sandbox.setLatency(3_000);

  await page.goto('/', { waitUntil: 'commit' });
  const skeleton = page.getByTestId('loyalty-card-skeleton');
  await expect(skeleton).toBeVisible();
  const skeletonBox = await skeleton.boundingBox();
  await expect(card.text('balance')).toBeVisible({ timeout: 15_000 });
  const cardBox = await card.card.boundingBox();

  expect(cardBox?.height).toBe(skeletonBox?.height);
  expect(cardBox?.width).toBe(skeletonBox?.width);
});
