import type { Page, Route } from '@playwright/test';
import { widgetPage } from '@/demo/storefront-page';
import { REWARD_IDS } from '@/lib/sandbox/seed';
import { EmbedHostPage } from './pages/embed-host-page';
import { EmbeddedRewards } from './pages/embedded-rewards';
import { severeViolationsIn } from './support/axe-frame';
import { expect, test, type HostSite } from './support/embed-fixtures';
import { BASE_URL } from './support/env';
import { sandbox } from './support/sandbox';

/**
 * The widget's rewards and activity views on a storefront of another site (127.0.0.1 framing the app on
 * localhost), in a Chromium that blocks third-party cookies: redeeming in place, spending once however the
 * shopper clicks, the card beside it following, the history paged, and moving between views in place.
 */

test.beforeEach(async () => {
  // Each test signs in through a popup across two sites and waits on several frames: three times the usual
  // time, for a busy machine.
  test.slow();
  await sandbox.reset();
  await sandbox.clearFaults();
});

const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

/** A storefront page on `host` at `path`, with these widgets and the loader. */
const storefront = (host: HostSite, path: string, widgets: string) =>
  host.serve(path, widgetPage(BASE_URL, widgets));

const rewardsFrame = (page: Page, index = 0) =>
  page.locator('iframe[title="Loyalty rewards"]').nth(index).contentFrame();

// Each test that redeems as Johna uses a reward of its own: the app refuses a repeat of the same reward
// within seconds, and the app outlives the sandbox resets between tests.

/** A repeat of a test that redeems (`--repeat-each`) first waits out the app's 10-second repeat window. */
async function waitOutRepeatWindow() {
  if (test.info().repeatEachIndex > 0) await new Promise((resolve) => setTimeout(resolve, 10_000));
}

test('a double click on Confirm spends once: the code is shown and copied, and the card beside it follows', async ({
  page,
  context,
  allowedHost,
}) => {
  await waitOutRepeatWindow();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: allowedHost.origin });
  await context.grantPermissions(['clipboard-write'], { origin: BASE_URL });
  const host = new EmbedHostPage(page);
  await host.openSignedIn(
    storefront(
      allowedHost,
      '/rewards-and-card',
      '<div data-loyalty-widget data-view="rewards"></div><div data-loyalty-widget></div>',
    ),
    'Johna Linskey',
  );
  const rewards = new EmbeddedRewards(rewardsFrame(page));
  const before = (await sandbox.member('Johna Linskey')).account!;
  const stored = await sandbox.redemptionsOf(before.id);
  await expect(rewards.balance).toHaveText(`You have ${number(before.points.balance)} stars`);

  const confirm = await rewards.startRedeeming(REWARD_IDS.freeShipping);
  const step = rewards.reward(REWARD_IDS.freeShipping);
  await expect(step).toContainText('Spend 150 stars for Free shipping?');
  await expect(step.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // No webhooks, so no live update: the card can only learn the new balance from the rewards widget.
  await sandbox.withoutWebhooks(async () => {
    await confirm.dblclick();
    await expect(rewards.redeemedCode).toHaveText(/^[A-Z0-9]{12}$/);
    await expect(host.card.getByTestId('balance')).toHaveText(number(before.points.balance - 150));
  });

  await expect(rewards.redeemedCode).toHaveText(/^[A-Z0-9]{12}$/);
  const code = (await rewards.redeemedCode.textContent())!;
  await expect(rewards.frame.getByRole('heading', { name: 'Your coupon for Free shipping' })).toBeFocused();
  await expect(rewards.status).toHaveText(
    `You spent 150 stars on Free shipping. Your coupon code is ${code}.`,
  );
  const balance = before.points.balance - 150;
  await expect(rewards.balance).toHaveText(`You have ${number(balance)} stars`);
  await expect(rewards.couponCodes.first()).toHaveText(code);

  // Exactly one redemption reached Wix, for exactly the cost.
  const after = await sandbox.redemptionsOf(before.id);
  expect(after.transactions.slice(stored.transactions.length)).toMatchObject([
    { amount: -150, rewardId: REWARD_IDS.freeShipping },
  ]);
  expect(after.coupons.slice(stored.coupons.length).map((c) => c.couponReference.code)).toEqual([code]);
  expect((await sandbox.member('Johna Linskey')).account!.points.balance).toBe(balance);

  // The host heard it from the rewards widget.
  expect(await host.eventsOfType('loyalty:points-changed')).toContainEqual({
    type: 'loyalty:points-changed',
    view: 'rewards',
    detail: { balance },
  });

  await rewards.frame.getByRole('button', { name: `Copy code ${code}` }).click();
  await expect(rewards.status).toHaveText(`Copied ${code}.`);
  // The clipboard is read from the host page, which needs the focus back.
  await page.locator('#below').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
});

test('two widgets redeeming the same reward at once spend once, and both show the balance left', async ({
  page,
  allowedHost,
}) => {
  await waitOutRepeatWindow();
  await page.goto(
    storefront(
      allowedHost,
      '/two-rewards',
      '<div data-loyalty-widget data-view="rewards"></div><div data-loyalty-widget data-view="rewards"></div>',
    ),
  );
  const [first, second] = [
    new EmbeddedRewards(rewardsFrame(page, 0)),
    new EmbeddedRewards(rewardsFrame(page, 1)),
  ];
  await expect(first.frame.getByText('Sign in to see your stars, redeem rewards')).toBeVisible();
  await new EmbedHostPage(page).signInThroughPopup('Johna Linskey', first.frame);
  const before = (await sandbox.member('Johna Linskey')).account!;
  const stored = await sandbox.redemptionsOf(before.id);
  await expect(first.balance).toHaveText(`You have ${number(before.points.balance)} stars`);
  await expect(second.balance).toHaveText(`You have ${number(before.points.balance)} stars`);

  const confirmFirst = await first.startRedeeming(REWARD_IDS.tenOff);
  const confirmSecond = await second.startRedeeming(REWARD_IDS.tenOff);
  // The shopper confirms in one widget, then in the other; both redemptions are held on their way until both
  // are sent, and then go together. (Two clicks at the same moment would share one mouse while each scrolls
  // its own button into view: one lands in the other frame, and its widget never asks.)
  const held: Route[] = [];
  let bothSent!: () => void;
  const sent = new Promise<void>((resolve) => (bothSent = resolve));
  await page.route(/\/embed\/api\/redeem\?/, (route) => {
    held.push(route);
    if (held.length === 2) bothSent();
  });
  await confirmFirst.click();
  await confirmSecond.click();
  await sent;
  // Wix answers slowly, so one redemption is still in flight when the other reaches the guard.
  await sandbox.setLatency(400);
  await Promise.all(held.map((route) => route.continue()));

  const balance = before.points.balance - 200;
  await expect(first.balance).toHaveText(`You have ${number(balance)} stars`);
  await expect(second.balance).toHaveText(`You have ${number(balance)} stars`);
  await sandbox.setLatency(0);
  const after = await sandbox.redemptionsOf(before.id);
  expect(after.transactions.slice(stored.transactions.length)).toHaveLength(1);
  expect(after.coupons.slice(stored.coupons.length)).toHaveLength(1);
  expect((await sandbox.member('Johna Linskey')).account!.points.balance).toBe(balance);
  // One widget shows the coupon; the other says why it spent nothing.
  const codes = (await first.redeemedCode.count()) + (await second.redeemedCode.count());
  expect(codes).toBe(1);
  const refused = (await first.redeemedCode.count()) === 1 ? second : first;
  await expect(refused.status).toHaveText(
    /Another redemption is still going through|You just redeemed this reward/,
  );
});

test('a live update landing while the member confirms keeps the confirmation open, and the confirm spends once', async ({
  page,
  allowedHost,
}) => {
  await waitOutRepeatWindow();
  const host = new EmbedHostPage(page);
  const streamOpen = host.eventStreamsOpen(1);
  await page.goto(
    storefront(allowedHost, '/confirm-live', '<div data-loyalty-widget data-view="rewards"></div>'),
  );
  const rewards = new EmbeddedRewards(rewardsFrame(page));
  await host.signInThroughPopup('Johna Linskey', rewards.frame);
  await streamOpen;
  const { account } = await sandbox.member('Johna Linskey');
  await expect(rewards.balance).toHaveText(`You have ${number(account!.points.balance)} stars`);

  const confirm = await rewards.startRedeeming(REWARD_IDS.tenPercent);
  await expect(confirm).toBeVisible();
  // Points arrive behind the app's back: the stream re-renders the view with the new balance.
  await sandbox.awardPoints(account!.id, 75);
  await expect(rewards.balance).toHaveText(`You have ${number(account!.points.balance + 75)} stars`);
  await expect(confirm).toBeVisible();
  await expect(
    rewards.reward(REWARD_IDS.tenPercent).getByRole('button', { name: /^Redeem/ }),
  ).toHaveAttribute('aria-expanded', 'true');
  // Its confirmation is the only one open, and the click on it is the redemption the member meant.
  await expect(rewards.frame.locator('[data-confirm]:not([hidden])')).toHaveCount(1);
  await confirm.click();
  await expect(rewards.redeemedCode).toBeVisible();
  await expect(rewards.balance).toHaveText(`You have ${number(account!.points.balance + 75 - 400)} stars`);
});

test('the widgets following a sign-in do not reload the one the member signed in from, so it answers at once', async ({
  page,
  allowedHost,
}) => {
  await waitOutRepeatWindow();
  await page.goto(
    storefront(
      allowedHost,
      '/rewards-then-card',
      '<div data-loyalty-widget data-view="rewards"></div><div data-loyalty-widget></div>',
    ),
  );
  const host = new EmbedHostPage(page);
  const rewards = new EmbeddedRewards(rewardsFrame(page));
  // Reloads of the rewards widget are held on their way. The frame sends one request at a time, so a reload
  // sent back to it after the sign-in would stay in front of the member's redemption, which would never come
  // back. (Not held, such a reload lands whenever the connection lets it, often after the member has opened a
  // confirmation, which it closes.)
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/embed\/api\/view\?.*view=rewards/, async (route) => {
    await released;
    await route.continue();
  });
  await host.signInThroughPopup('Johna Linskey', rewards.frame);
  await expect(rewards.balance).toHaveText('You have 1,250 stars');
  // The card follows, and the page hears the sign-in from both widgets.
  await expect(host.card.getByTestId('balance')).toHaveText('1,250');
  await expect
    .poll(async () => (await host.eventsOfType('loyalty:signed-in')).map((event) => event.view))
    .toEqual(['rewards', null]);
  await host.messagesHandled(page.locator('iframe[title="Loyalty rewards"]'));

  // No webhooks, so no live update reloads the rewards widget either.
  await sandbox.withoutWebhooks(async () => {
    const confirm = await rewards.startRedeeming(REWARD_IDS.goldTwentyOff);
    await confirm.click();
    await expect(rewards.redeemedCode).toHaveText(/^[A-Z0-9]{12}$/);
    await expect(host.card.getByTestId('balance')).toHaveText('1,000');
  });
  release();
});

test('the card opens rewards and activity in place, each with a way back', async ({ page, allowedHost }) => {
  const host = new EmbedHostPage(page);
  await host.openSignedIn(
    storefront(allowedHost, '/card-only', '<div data-loyalty-widget></div>'),
    'Johna Linskey',
  );
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${BASE_URL}/embed`))!;
  // Marks the frame's document: a navigation would drop it.
  await frame.evaluate(() => Object.assign(window, { sameDocument: true }));

  await host.card.getByRole('button', { name: /Reward available/ }).click();
  await expect(host.card.getByRole('heading', { name: 'Rewards on offer' })).toBeFocused();
  await expect(host.card.getByTestId('rewards-balance')).toHaveText('You have 1,250 stars');
  await host.card.getByRole('button', { name: 'Back to the card' }).click();
  await expect(host.card.getByTestId('balance')).toHaveText('1,250');
  await expect(host.card.getByRole('heading', { name: 'Star Rewards' })).toBeFocused();
  await expect(host.card.getByRole('button', { name: 'Back to the card' })).toHaveCount(0);

  await host.card.getByRole('button', { name: /Last activity/ }).click();
  await expect(host.card.getByRole('heading', { name: 'Your activity' })).toBeFocused();
  await expect(host.card.getByTestId('activity-entry').first()).toBeVisible();
  await host.card.getByRole('button', { name: 'Back to the card' }).click();
  await expect(host.card.getByTestId('balance')).toHaveText('1,250');
  expect(await frame.evaluate(() => 'sameDocument' in window)).toBe(true);
});

test('the activity view lists the history newest first and “Show more” appends the next page', async ({
  page,
  allowedHost,
}) => {
  const { account } = await sandbox.member('Johna Linskey');
  for (let i = 1; i <= 20; i++) await sandbox.adjustPoints(account!.id, i);
  const total = (await sandbox.transactions()).filter((t) => t.accountId === account!.id).length;
  await page.goto(
    storefront(allowedHost, '/activity', '<div data-loyalty-widget data-view="activity"></div>'),
  );
  const activity = page.frameLocator('iframe[title="Loyalty points activity"]');
  await expect(activity.getByText('Sign in to see how you earned and spent your stars.')).toBeVisible();
  await new EmbedHostPage(page).signInThroughPopup('Johna Linskey', activity);

  const entries = activity.getByTestId('activity-entry');
  await expect(entries).toHaveCount(20);
  await expect(entries.nth(0).getByTestId('activity-points')).toHaveText(/^\+20\s*stars$/);
  await expect(entries.nth(1).getByTestId('activity-points')).toHaveText(/^\+19\s*stars$/);
  await expect(entries.nth(19).getByTestId('activity-points')).toHaveText(/^\+1\s*stars$/);

  await activity.getByRole('button', { name: 'Show more' }).click();
  await expect(entries).toHaveCount(total);
  await expect(activity.getByTestId('activity-status')).toHaveText(`${total - 20} more entries shown.`);
  await expect(entries.nth(20)).toBeFocused();
  await expect(activity.getByRole('button', { name: 'Show more' })).toHaveCount(0);
  await expect(entries.last()).toContainText('Order #1001');
});

test('with nav=1 a tab bar switches the views in place, from the keyboard', async ({ page, allowedHost }) => {
  const src = `${BASE_URL}/embed?view=card&nav=1&origin=${encodeURIComponent(allowedHost.origin)}`;
  await page.goto(
    allowedHost.serve(
      '/panel',
      `<!doctype html><html lang="en"><title>Panel</title><iframe title="Loyalty panel" src="${src}" style="width:420px;height:720px"></iframe></html>`,
    ),
  );
  const panel = page.frameLocator('iframe[title="Loyalty panel"]');
  const tab = (name: string) => panel.getByRole('tab', { name });
  await expect(panel.getByRole('tablist')).toBeVisible();
  await expect(tab('Card')).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('tabpanel')).toContainText('Earn stars with every order.');

  await tab('Card').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Earn')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Rewards')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tab('Rewards')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('Rewards')).toBeFocused();
  await expect(panel.getByRole('tabpanel', { name: 'Rewards' })).toContainText('Sign in to redeem.');

  await page.keyboard.press('ArrowRight');
  await expect(tab('Tiers')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(tab('Activity')).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('tabpanel')).toContainText('Sign in to see how you earned and spent');
  // The bar wraps around, and Home and End go to its ends.
  await page.keyboard.press('ArrowRight');
  await expect(tab('Refer')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Card')).toBeFocused();
  await page.keyboard.press('End');
  await expect(tab('Refer')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(tab('Card')).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('tabpanel')).toContainText('Earn stars with every order.');
  await expect(panel.getByRole('button', { name: 'Back to the card' })).toHaveCount(0);
});

test('a member without an account is offered to join in the rewards view', async ({ page, allowedHost }) => {
  await page.goto(storefront(allowedHost, '/rewards', '<div data-loyalty-widget data-view="rewards"></div>'));
  const rewards = rewardsFrame(page);
  await expect(rewards.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await new EmbedHostPage(page).signInThroughPopup('Noah Newcomer', rewards);
  await expect(rewards.getByRole('button', { name: 'Join Star Rewards' })).toBeVisible();
  await expect(rewards.getByText('Join the program to redeem.').first()).toBeVisible();
});

test('the rewards view, with a redemption confirmation open, has no serious accessibility violations', async ({
  page,
  allowedHost,
}) => {
  await page.goto(
    storefront(allowedHost, '/rewards-a11y', '<div data-loyalty-widget data-view="rewards"></div>'),
  );
  const rewards = new EmbeddedRewards(rewardsFrame(page));
  await new EmbedHostPage(page).signInThroughPopup('Johna Linskey', rewards.frame);
  await expect(rewards.balance).toBeVisible();
  await rewards.startRedeeming(REWARD_IDS.tenPercent);

  expect(await severeViolationsIn(page, 'iframe[title="Loyalty rewards"]')).toEqual([]);
});
