import { expect, test } from '@playwright/test';
import { REWARD_IDS } from '@/lib/sandbox/seed';
import { ActivityPage } from './pages/activity-page';
import { RewardsPage } from './pages/rewards-page';
import { sandbox } from './support/sandbox';

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
});

const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

// Each test that redeems as Johna uses a reward of its own: the app refuses a repeat of the same reward
// within seconds, and the app outlives the sandbox resets between tests.

test('Johna redeems a reward: a code at once, the card down by the cost, the coupon and the history updated', async ({
  page,
}) => {
  const rewards = new RewardsPage(page);
  await rewards.open();
  await rewards.card.signInAs('Johna Linskey');
  await expect(page).toHaveURL(/\/rewards$/);
  const before = (await sandbox.member('Johna Linskey')).account!;
  const stored = await sandbox.redemptionsOf(before.id);
  // A full reload would drop this mark; refreshing the page's server data keeps it.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));

  await rewards.startRedeeming(REWARD_IDS.tenOff);
  await expect(rewards.dialog).toContainText('Spend 200 stars for $10 off?');
  await expect(rewards.dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await rewards.confirmButton().click();

  await expect(rewards.redeemedCode).toHaveText(/^[A-Z0-9]{12}$/);
  const code = await rewards.redeemedCode.textContent();
  await expect(rewards.dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Your coupon for $10 off' })).toBeFocused();
  await expect(rewards.status).toContainText(`You spent 200 stars on $10 off. Your coupon code is ${code}.`);
  await expect(rewards.card.text('balance')).toHaveText(number(before.points.balance - 200));
  await expect(rewards.card.text('total-redeemed')).toHaveText(number(before.points.redeemed + 200));
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);

  const after = await sandbox.redemptionsOf(before.id);
  const newRedeems = after.transactions.slice(stored.transactions.length);
  expect(newRedeems).toMatchObject([{ amount: -200, rewardId: REWARD_IDS.tenOff }]);
  const newCoupons = after.coupons.slice(stored.coupons.length);
  expect(newCoupons.map((coupon) => coupon.couponReference.code)).toEqual([code]);
  expect((await sandbox.member('Johna Linskey')).account!.points.balance).toBe(before.points.balance - 200);

  await expect(rewards.couponCodes().first()).toHaveText(code!);
  await page.reload();
  await expect(rewards.couponCodes().first()).toHaveText(code!);

  await rewards.card.card.getByTestId('activity-link').click();
  const activity = new ActivityPage(page);
  await expect(page).toHaveURL(/\/activity$/);
  await expect(activity.entries.first()).toContainText('Redeemed: $10 off');
  await expect(activity.entries.first().getByTestId('activity-points')).toContainText('-200');
});

test('cancelling the confirmation spends nothing and gives focus back to the Redeem button', async ({
  page,
}) => {
  const rewards = new RewardsPage(page);
  await rewards.open();
  await rewards.card.signInAs('Johna Linskey');
  const before = await sandbox.state();

  await rewards.startRedeeming(REWARD_IDS.tenPercent);
  await rewards.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rewards.dialog).toBeHidden();
  await expect(rewards.redeemButton(REWARD_IDS.tenPercent)).toBeFocused();

  await rewards.startRedeeming(REWARD_IDS.tenPercent);
  await page.keyboard.press('Escape');
  await expect(rewards.dialog).toBeHidden();
  expect(await sandbox.state()).toEqual(before);
});

test('a redemption confirmed in two tabs at once spends once', async ({ page, context }) => {
  const first = new RewardsPage(page);
  await first.open();
  await first.card.signInAs('Johna Linskey');
  const second = new RewardsPage(await context.newPage());
  await second.open();
  const { id } = (await sandbox.member('Johna Linskey')).account!;
  const stored = await sandbox.redemptionsOf(id);
  await sandbox.setLatency(300);

  await first.startRedeeming(REWARD_IDS.freeShipping);
  await second.startRedeeming(REWARD_IDS.freeShipping);
  await Promise.all([first.confirmButton().click(), second.confirmButton().click()]);

  await expect(first.status).not.toBeEmpty();
  await expect(second.status).not.toBeEmpty();
  const after = await sandbox.redemptionsOf(id);
  expect(after.coupons.length - stored.coupons.length).toBe(1);
  expect(after.transactions.length - stored.transactions.length).toBe(1);
  const messages = [await first.status.textContent(), await second.status.textContent()].join(' | ');
  expect(messages).toMatch(/You spent 150 stars/);
  expect(messages).toMatch(/still going through|just redeemed this reward/);
});

test('Aigneis sees how far she is from each reward, and a forged redemption spends nothing', async ({
  page,
}) => {
  const rewards = new RewardsPage(page);
  await rewards.open();
  await rewards.card.signInAs('Aigneis Johnsson');
  await expect(rewards.reward(REWARD_IDS.freeShipping).getByTestId('points-to-go')).toHaveText(
    '30 more stars',
  );
  await expect(rewards.reward(REWARD_IDS.tenPercent).getByTestId('points-to-go')).toHaveText(
    '280 more stars',
  );
  await expect(page.getByRole('button', { name: /^Redeem/ })).toHaveCount(0);

  // With 50 more stars free shipping opens up; the form is then pointed at 10% off, which she cannot afford.
  const { account } = await sandbox.member('Aigneis Johnsson');
  await sandbox.adjustPoints(account!.id, 50);
  await page.reload();
  const before = await sandbox.state();
  await rewards.startRedeeming(REWARD_IDS.freeShipping);
  await rewards.forgeRewardId(REWARD_IDS.tenPercent, { cost: '1', accountId: 'someone-else' });
  await rewards.confirmButton().click();

  await expect(rewards.status).toHaveText(
    'You do not have enough points for this reward yet. Nothing was spent.',
  );
  expect(await sandbox.state()).toEqual(before);
});

test('a Bronze member does not see the Gold reward, and a forged redemption of it is refused', async ({
  page,
}) => {
  const rewards = new RewardsPage(page);
  await rewards.open();
  await rewards.card.signInAs('Elena Rodriguez');
  await expect(rewards.reward(REWARD_IDS.tenOff)).toBeVisible();
  await expect(rewards.reward(REWARD_IDS.goldTwentyOff)).toHaveCount(0);
  await expect(page.getByTestId('coupons-empty')).toBeVisible();
  const before = await sandbox.state();

  await rewards.startRedeeming(REWARD_IDS.tenOff);
  await rewards.forgeRewardId(REWARD_IDS.goldTwentyOff);
  await rewards.confirmButton().click();

  await expect(rewards.status).toHaveText('This reward is not part of your tier.');
  expect(await sandbox.state()).toEqual(before);
});

test('the card’s reward badge leads to the rewards', async ({ page }) => {
  const rewards = new RewardsPage(page);
  await rewards.card.open('/');
  await rewards.card.signInAs('Johna Linskey');
  await rewards.card.text('reward-badge').click();
  await expect(page).toHaveURL(/\/rewards$/);
  await expect(rewards.redeemButton(REWARD_IDS.goldTwentyOff)).toBeVisible();
});

test('visitors see the rewards on offer with a sign-in call to action, and come back after signing in', async ({
  page,
}) => {
  const rewards = new RewardsPage(page);
  await rewards.open();
  await expect(rewards.reward(REWARD_IDS.tenOff)).toContainText('Sign in to redeem.');
  await expect(rewards.reward(REWARD_IDS.goldTwentyOff)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Redeem/ })).toHaveCount(0);
  await page.getByTestId('sign-in-panel').getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /Johna Linskey/ }).click();
  await expect(page).toHaveURL(/\/rewards$/);
  await expect(rewards.redeemButton(REWARD_IDS.tenOff)).toBeVisible();
});

test('a member without an account is asked to join, and sees the rewards as a member once joined', async ({
  page,
}) => {
  const rewards = new RewardsPage(page);
  await rewards.open();
  await rewards.card.signInAs('Noah Newcomer');
  const join = page.getByTestId('join-panel');
  await expect(join).toContainText('Join Star Rewards to earn stars');
  await join.getByRole('button', { name: 'Join Star Rewards' }).click();
  await expect(rewards.reward(REWARD_IDS.freeShipping).getByTestId('points-to-go')).toHaveText(
    '150 more stars',
  );
  await expect(page.getByTestId('coupons-empty')).toBeVisible();
});

test('a failure to load the coupons is an error with a retry, not an empty list', async ({ page }) => {
  const rewards = new RewardsPage(page);
  await rewards.open();
  await rewards.card.signInAs('Johna Linskey');
  await sandbox.injectFault({ pathPrefix: '/loyalty-coupons/v1/coupons/my-coupons', status: 503, times: 1 });
  await page.reload();
  await expect(
    page.getByRole('alert').filter({ hasText: 'We could not load the rewards just now.' }),
  ).toBeVisible();
  await expect(page.getByTestId('coupons-empty')).toHaveCount(0);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(rewards.couponCodes()).toHaveCount(1);
});

test('the rewards section shows a skeleton while it loads', async ({ page }) => {
  const rewards = new RewardsPage(page);
  await rewards.open();
  await rewards.card.signInAs('Johna Linskey');
  await sandbox.setLatency(1_500);
  await page.goto('/rewards', { waitUntil: 'commit' });
  await expect(page.getByTestId('rewards-skeleton')).toBeVisible();
  await expect(rewards.redeemButton(REWARD_IDS.tenOff)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('rewards-skeleton')).toHaveCount(0);
});

test('the history pages with “Show more”, newest first, and visitors are asked to sign in', async ({
  page,
}) => {
  const activity = new ActivityPage(page);
  await activity.open();
  await expect(page.getByTestId('sign-in-panel')).toContainText('Sign in to see how you earned and spent');

  await activity.card.signInAs('Johna Linskey');
  const { account } = await sandbox.member('Johna Linskey');
  for (let i = 1; i <= 20; i++) await sandbox.adjustPoints(account!.id, i);
  const total = (await sandbox.transactions()).filter((t) => t.accountId === account!.id).length;
  await page.reload();

  await expect(activity.entries).toHaveCount(20);
  await expect(activity.entries.first().getByTestId('activity-points')).toHaveText(/^\+20\s*stars$/);
  await activity.showMore.click();
  await expect(activity.entries).toHaveCount(total);
  await expect(activity.status).toHaveText(`${total - 20} more entries shown.`);
  await expect(activity.entries.nth(20)).toBeFocused();
  await expect(activity.showMore).toHaveCount(0);
  await expect(activity.entries.last()).toContainText('Order #1001');
});
