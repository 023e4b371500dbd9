import { widgetPage } from '@/demo/storefront-page';
import { EmbedHostPage } from './pages/embed-host-page';
import { BASE_URL } from './support/env';
import { expect, test } from './support/embed-fixtures';
import { sandbox } from './support/sandbox';

/**
 * The widget on a storefront of another site (127.0.0.1, while the app is on localhost), in a Chromium
 * that blocks third-party cookies: sign-in through the popup, the sandbox's own numbers, a claim in the earn
 * view that the card and the host page both hear about, and a session that survives a reload.
 */

test.beforeEach(async () => {
  await sandbox.reset();
});

const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

test('the storefront embeds a card and an earn view, each in a titled iframe, for a visitor', async ({
  page,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  await host.open(allowedHost.origin);
  await expect(page.locator('iframe')).toHaveCount(2);
  await expect(host.card.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(host.card.getByTestId('balance')).toHaveCount(0);
  await expect(host.earn.getByTestId('offer-follow-instagram')).toContainText('+50 stars');
  await expect(host.earn.getByRole('button', { name: 'Sign in to earn 50' })).toBeVisible();
  await expect
    .poll(async () => (await host.eventsOfType('loyalty:ready')).map((e) => e.view))
    .toEqual(expect.arrayContaining(['card', 'earn']));
});

test('a visitor signs in through the popup and the card shows exactly what the sandbox holds', async ({
  page,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  await host.openSignedIn(allowedHost.origin, 'Elena Rodriguez');

  const { account } = await sandbox.member('Elena Rodriguez');
  if (!account) throw new Error('Elena has an account in the seed');
  await expect(host.card.getByTestId('balance')).toHaveText(number(account.points.balance));
  await expect(host.card.getByTestId('points-name')).toHaveText('stars');
  await expect(host.card.getByTestId('total-earned')).toHaveText(number(account.points.earned));
  await expect(host.card.getByTestId('tier-name')).toHaveText(await sandbox.tierName(account));
  await expect(host.card.getByTestId('reward-badge')).toHaveAttribute(
    'data-available',
    String(account.rewardAvailable),
  );
  const expiring = account.pointsExpiration?.expiringPointsAmount ?? 0;
  await expect(host.card.getByTestId('expiring-amount')).toHaveText(`${number(expiring)} stars`);

  // The earn view shares the session at once, and the host heard who signed in.
  await expect(host.earn.getByRole('button', { name: 'Claim 40 stars' })).toBeVisible();
  expect((await host.eventsOfType('loyalty:signed-in')).map((event) => event.view)).toContain('card');
  // Signing in to the widget did not sign in the app's own pages: they have their own session.
  await page.goto(BASE_URL);
  await expect(page.getByTestId('loyalty-card').getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('a claim in the earn view changes the card and fires loyalty:points-changed on the host', async ({
  page,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  await host.openSignedIn(allowedHost.origin, 'Elena Rodriguez');

  // No webhooks, so no live update: the card's own stream would often learn the new balance before the
  // claim's reply, and the host would hear it from the card. Here only the earn widget can tell it.
  const balance = await sandbox.withoutWebhooks(async () => {
    await host.earn.getByRole('button', { name: 'Claim 40 stars' }).click();
    await expect(host.earn.getByTestId('earn-status')).toHaveText(
      'Follow us on TikTok: you earned 40 stars.',
    );
    await expect(host.earn.getByTestId('offer-follow-tiktok').getByTestId('offer-done')).toBeVisible();

    const after = (await sandbox.member('Elena Rodriguez')).account!.points.balance;
    await expect(host.card.getByTestId('balance')).toHaveText(number(after));
    return after;
  });
  const changes = await host.eventsOfType('loyalty:points-changed');
  expect(changes).toContainEqual({ type: 'loyalty:points-changed', view: 'earn', detail: { balance } });

  // A refresh right after the claim (the live stream's, often before the claim's own reply) keeps what the
  // claim announced.
  const statusBefore = await host.earn.getByTestId('earn-status').elementHandle();
  await host.refreshWidgets();
  // The refresh has rendered once the status it showed is gone from the page.
  await expect.poll(() => statusBefore!.evaluate((element) => element.isConnected)).toBe(false);
  await expect(host.earn.getByTestId('offer-follow-tiktok').getByTestId('offer-done')).toBeVisible();
  await expect(host.earn.getByTestId('earn-status')).toHaveText('Follow us on TikTok: you earned 40 stars.');
});

test('a claim made while the earn view reloads still shows its offer done when the reload lands first', async ({
  page,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  await host.openSignedIn(allowedHost.origin, 'Elena Rodriguez');
  const claim = host.earn.getByRole('button', { name: 'Claim 40 stars' });
  await expect(claim).toBeVisible();

  // The earn widget's reload is held on its way, so the claim queues behind it and the view it brings, read
  // before the claim, replaces the button that was clicked. No webhooks, so no live update reloads it again.
  let sent!: () => void;
  const reloadSent = new Promise<void>((resolve) => (sent = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/embed\/api\/view\?.*view=earn/, async (route) => {
    sent();
    await released;
    await route.continue();
  });
  await sandbox.withoutWebhooks(async () => {
    await host.refreshWidgets();
    await reloadSent;
    await claim.click();
    release();
    await expect(host.earn.getByTestId('earn-status')).toHaveText(
      'Follow us on TikTok: you earned 40 stars.',
    );
    await expect(host.earn.getByTestId('offer-follow-tiktok').getByTestId('offer-done')).toBeVisible();
    await expect(claim).toHaveCount(0);
  });
});

test('points awarded behind the app’s back reach the embedded card live, and the host hears of them', async ({
  page,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  // Both frames' event streams (card and earn) are open before the award, so it cannot slip past them.
  const bothStreamsOpen = host.eventStreamsOpen(2);
  await host.openSignedIn(allowedHost.origin, 'Elena Rodriguez');
  await bothStreamsOpen;
  const { account } = await sandbox.member('Elena Rodriguez');
  await expect(host.card.getByTestId('balance')).toHaveText(number(account!.points.balance));

  await sandbox.awardPoints(account!.id, 75);
  const balance = account!.points.balance + 75;
  await expect(host.card.getByTestId('balance')).toHaveText(number(balance), { timeout: 3_000 });
  await expect
    .poll(async () => (await host.eventsOfType('loyalty:points-changed')).map((event) => event.detail))
    .toContainEqual({ balance });
});

test('with third-party cookies blocked, the partitioned session keeps the member signed in across a reload', async ({
  page,
  context,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  await host.open(allowedHost.origin);

  // This browser really blocks third-party cookies in the widget's frame, unless they are partitioned.
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${BASE_URL}/embed`))!;
  const stored = await frame.evaluate(() => {
    document.cookie = 'probe_unpartitioned=1; SameSite=None; Secure; Path=/';
    document.cookie = 'probe_partitioned=1; SameSite=None; Secure; Path=/; Partitioned';
    return document.cookie;
  });
  expect(stored).not.toContain('probe_unpartitioned');
  expect(stored).toContain('probe_partitioned');

  await host.signInThroughPopup('Johna Linskey');
  await expect(host.card.getByTestId('balance')).toHaveText('1,250');

  const session = (await context.cookies(BASE_URL)).filter((cookie) => cookie.name === 'wix_embed_session');
  expect(session).toHaveLength(1);
  expect(session[0]).toMatchObject({ sameSite: 'None', secure: true, httpOnly: true });
  expect(session[0]!.partitionKey).toBe('http://127.0.0.1');

  await page.reload();
  await expect(host.card.getByTestId('balance')).toHaveText('1,250');
  await expect(host.card.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
});

test('signing out in one widget signs out the others on the page', async ({ page, allowedHost }) => {
  const host = new EmbedHostPage(page);
  await host.openSignedIn(allowedHost.origin, 'Aigneis Johnsson');
  await expect(host.earn.getByRole('button', { name: /^Claim/ }).first()).toBeVisible();

  await host.card.getByRole('button', { name: 'Sign out' }).click();
  await expect(host.card.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(host.earn.getByRole('button', { name: 'Sign in to earn 50' })).toBeVisible();
  expect((await host.eventsOfType('loyalty:signed-out')).map((event) => event.view)).toContain('card');
});

test('a blocked popup says so and offers sign-in in a new tab, which still signs the widget in', async ({
  page,
  allowedHost,
}) => {
  // The browser refuses the widget's popup, as a strict popup blocker would.
  await page.addInitScript(() => {
    if (location.pathname === '/embed') window.open = () => null;
  });
  const host = new EmbedHostPage(page);
  await host.open(allowedHost.origin);
  await host.card.getByRole('button', { name: 'Sign in' }).click();

  const blocked = host.card.getByTestId('popup-blocked');
  await expect(blocked).toContainText('Your browser blocked the sign-in window.');
  const link = blocked.getByRole('link', { name: 'Open sign-in in a new tab' });
  await expect(link).toHaveAttribute('href', /^\/auth\/popup\?nonce=[\w-]{43}$/);

  const tabOpened = page.context().waitForEvent('page');
  await link.click();
  const tab = await tabOpened;
  await tab.getByRole('button', { name: /Johna Linskey/ }).click();
  await expect(host.card.getByTestId('balance')).toHaveText('1,250');
});

test('window.LoyaltyWidget.refresh() reloads every widget with what Wix holds now', async ({
  page,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  await host.openSignedIn(allowedHost.origin, 'Johna Linskey');
  await expect(host.card.getByTestId('balance')).toHaveText('1,250');

  const { account } = await sandbox.member('Johna Linskey');
  await sandbox.adjustPoints(account!.id, 100);
  await host.refreshWidgets();
  await expect(host.card.getByTestId('balance')).toHaveText('1,350');
  expect(await host.eventsOfType('loyalty:points-changed')).toContainEqual({
    type: 'loyalty:points-changed',
    view: 'card',
    detail: { balance: 1350 },
  });
});

test('a widget added to the page later is mounted too', async ({ page, allowedHost }) => {
  const host = new EmbedHostPage(page);
  await host.open(allowedHost.origin);
  await page.evaluate(() => {
    const added = document.createElement('div');
    added.setAttribute('data-loyalty-widget', '');
    added.id = 'added-later';
    document.body.append(added);
  });
  const added = page.frameLocator('#added-later iframe');
  await expect(added.getByTestId('loyalty-card')).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(3);
});

test('each iframe starts at the card height and follows its content through messages', async ({
  page,
  allowedHost,
}) => {
  await page.setViewportSize({ width: 360, height: 900 });
  const host = new EmbedHostPage(page);
  await host.open(
    allowedHost.serve(
      '/narrow',
      widgetPage(BASE_URL, '<div data-loyalty-widget></div><div data-loyalty-widget data-view="earn"></div>'),
    ),
  );
  const heightOf = (title: string) =>
    page.locator(`iframe[title="${title}"]`).evaluate((frame) => (frame as HTMLIFrameElement).style.height);
  await expect(host.earn.getByTestId('offer-follow-instagram')).toBeVisible();
  // The card fits its fixed height; the earn list on a narrow page is taller and the iframe follows it.
  await expect.poll(() => heightOf('Loyalty card')).toBe('480px');
  const content = await host.earn
    .getByTestId('earn-offers')
    .evaluate((element) => element.getBoundingClientRect().height);
  expect(content).toBeGreaterThan(480);
  await expect.poll(() => heightOf('Ways to earn loyalty points')).toBe(`${Math.ceil(content)}px`);
});
