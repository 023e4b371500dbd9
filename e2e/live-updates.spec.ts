import { expect, test } from '@playwright/test';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { openStreamClient, type StreamClient } from '@/testing/account-stream-client';
import { HttpSession } from '../bench/http-session';
import { LoyaltyCardPage } from './pages/loyalty-card-page';
import { BASE_URL, E2E_PORT, PROXY_PORT } from './support/env';
import { countAccountEvents, streamOpened } from './support/live-stream';
import { sandbox } from './support/sandbox';
import { startTcpProxy } from './support/tcp-proxy';

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
});

const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

test('points awarded behind the app’s back show on the open card within a second, over its event stream alone', async ({
  page,
}) => {
  const card = new LoyaltyCardPage(page);
  const eventsSeen = await countAccountEvents(page);
  await card.open();
  await card.signInLive('Aigneis Johnsson');
  const before = (await sandbox.member('Aigneis Johnsson')).account!;
  await expect(card.text('balance')).toHaveText(number(before.points.balance));
  await expect(card.text('reward-badge')).toHaveAttribute('data-available', 'false');

  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const awardedAt = Date.now();
  await sandbox.awardPoints(before.id, 600);
  await expect(card.text('balance')).toHaveText(number(before.points.balance + 600), { timeout: 1_000 });
  const elapsed = Date.now() - awardedAt;

  const after = (await sandbox.member('Aigneis Johnsson')).account!;
  expect(await sandbox.tierName(after)).not.toBe(await sandbox.tierName(before));
  await expect(card.text('tier-name')).toHaveText(await sandbox.tierName(after));
  await expect(card.text('reward-badge')).toHaveAttribute('data-available', 'true');
  await expect(card.text('total-earned')).toHaveText(number(after.points.earned));
  expect(elapsed).toBeLessThan(1_000);
  expect(requests).toEqual([]);
  expect(await eventsSeen()).toBeGreaterThan(0);
  const deliveries = await sandbox.settledWebhookDeliveries();
  expect(deliveries.length).toBeGreaterThan(0);
  expect(deliveries.every((d) => d.outcome === 'delivered' && d.url.endsWith('/api/wix/webhooks'))).toBe(
    true,
  );
});

test('a second member’s open card receives nothing of another member’s award', async ({ page, browser }) => {
  const aigneis = new LoyaltyCardPage(page);
  const aigneisEvents = await countAccountEvents(page);
  await aigneis.open();
  await aigneis.signInLive('Aigneis Johnsson');

  const otherContext = await browser.newContext();
  try {
    const elenaPage = await otherContext.newPage();
    const elena = new LoyaltyCardPage(elenaPage);
    const elenaEvents = await countAccountEvents(elenaPage);
    await elena.open();
    await elena.signInLive('Elena Rodriguez');
    const elenaBalance = await elena.text('balance').textContent();

    const account = (await sandbox.member('Aigneis Johnsson')).account!;
    await sandbox.awardPoints(account.id, 25);
    await expect(aigneis.text('balance')).toHaveText(number(account.points.balance + 25));
    await sandbox.settledWebhookDeliveries();
    expect(await aigneisEvents()).toBeGreaterThan(0);
    expect(await elenaEvents()).toBe(0);
    await expect(elena.text('balance')).toHaveText(elenaBalance!);
  } finally {
    await otherContext.close();
  }
});

test('after a dropped connection the stream comes back, catches up on what it missed and stays live', async ({
  page,
}) => {
  // The card reaches the app through a proxy the test can cut, as a flaky network would. Cookies do not
  // depend on the port, so the session from signing in on the app's own origin carries over.
  const proxy = await startTcpProxy(PROXY_PORT, E2E_PORT);
  try {
    const card = new LoyaltyCardPage(page);
    await card.open();
    await card.signInAs('Elena Rodriguez');
    const opened = streamOpened(page, proxy.origin);
    await card.open(`${proxy.origin}/`);
    await opened;
    const account = (await sandbox.member('Elena Rodriguez')).account!;

    // Awarded while the card hears nothing: only the catch-up after reconnecting can show it.
    await sandbox.withoutWebhooks(() => sandbox.awardPoints(account.id, 10));
    const reopened = streamOpened(page, proxy.origin);
    proxy.dropConnections();
    await reopened;
    await expect(card.text('balance')).toHaveText(number(account.points.balance + 10));

    await sandbox.awardPoints(account.id, 5);
    await expect(card.text('balance')).toHaveText(number(account.points.balance + 15), { timeout: 1_000 });
  } finally {
    await proxy.close();
  }
});

test('a member who joins elsewhere sees their new account on the open card, from Account Created', async ({
  page,
}) => {
  const card = new LoyaltyCardPage(page);
  await card.open();
  await card.signInLive('Noah Newcomer');
  await expect(card.text('no-account')).toBeVisible();

  await sandbox.createAccount((await sandbox.member('Noah Newcomer')).contactId);
  await expect(card.text('balance')).toHaveText('0', { timeout: 1_000 });
  await expect(card.text('no-account')).toHaveCount(0);
});

test('the event stream refuses a visitor with a code', async ({ request }) => {
  const response = await request.get('/api/loyalty/events');
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ code: 'SIGN_IN_REQUIRED' });
});

test('a member’s eleventh open stream closes their oldest, and leaves another member’s alone', async () => {
  // MAX_STREAMS_PER_MEMBER (lib/live/open-streams.ts, which only a server may import).
  const cap = 10;
  const johna = new HttpSession();
  const elena = new HttpSession();
  await johna.signIn(BASE_URL, DEMO_MEMBER_IDS.johna);
  await elena.signIn(BASE_URL, DEMO_MEMBER_IDS.elena);
  const streams: StreamClient[] = [];
  try {
    const other = await openStreamClient(BASE_URL, elena, 'Elena Rodriguez');
    streams.push(other);
    const mine: StreamClient[] = [];
    for (let i = 0; i <= cap; i++) mine.push(await openStreamClient(BASE_URL, johna, 'Johna Linskey'));
    streams.push(...mine);

    await expect.poll(() => mine[0]!.closed).toBe(true);
    expect(mine.slice(1).filter((stream) => stream.closed)).toEqual([]);
    expect(other.closed).toBe(false);
  } finally {
    for (const stream of streams) stream.close();
  }
});
