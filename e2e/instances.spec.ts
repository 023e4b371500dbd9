import { expect, test } from '@playwright/test';
import { sandboxControl } from '@/lib/sandbox/control-client';
import { startRedisServer, type TestRedis } from '@/testing/redis-server';
import { EarnPage } from './pages/earn-page';
import { LoyaltyCardPage } from './pages/loyalty-card-page';
import { startAppInstance, type AppInstance } from '@/testing/app-instance';
import { E2E_REDIS_PORT, EXTRA_APP_PORTS, EXTRA_SANDBOX_PORTS } from './support/env';
import { awardBehindTheAppsBack } from '@/testing/award-points';

/**
 * A storefront on two instances of the app (two `next start` of the same build) that share one Redis and
 * one sandbox: what one instance learns or counts, the other must see.
 */
const SANDBOX_ORIGIN = `http://127.0.0.1:${EXTRA_SANDBOX_PORTS[0]}`;
const sandbox = sandboxControl(SANDBOX_ORIGIN);
const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

let redis: TestRedis;
let a: AppInstance;
let b: AppInstance;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redis = await startRedisServer(E2E_REDIS_PORT);
  const env = {
    WIX_SANDBOX_PORT: String(EXTRA_SANDBOX_PORTS[0]),
    WIX_SANDBOX_TOKEN_TTL_SECONDS: '3600',
    REDIS_URL: redis.url,
    EARN_RATE_LIMIT_PER_MEMBER: '2',
  };
  // A starts the sandbox; B finds it running and uses it.
  a = await startAppInstance(EXTRA_APP_PORTS[0], env);
  b = await startAppInstance(EXTRA_APP_PORTS[1], env);
  expect(b.output()).toContain('using the Wix sandbox already running');
  expect(a.output()).toContain('shared stores on Redis');
});

test.afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await redis?.stop();
});

test.beforeEach(async () => {
  await sandbox.reset();
  // Wix posts to one URL; here it is instance A's, whatever instance booted last.
  await sandbox.setWebhookTarget(`http://127.0.0.1:${EXTRA_APP_PORTS[0]}/api/wix/webhooks`);
});

test('an award delivered as a webhook to instance A updates a card connected to instance B', async ({
  page,
}) => {
  const card = new LoyaltyCardPage(page);
  await card.open(`${b.origin}/`);
  await card.signInLive('Aigneis Johnsson', b.origin);
  const account = (await sandbox.member('Aigneis Johnsson')).account!;

  const awardedAt = Date.now();
  await awardBehindTheAppsBack(SANDBOX_ORIGIN, account.id, 600);
  await expect(card.text('balance')).toHaveText(number(account.points.balance + 600), { timeout: 1_000 });
  expect(Date.now() - awardedAt).toBeLessThan(1_000);
  await expect(card.text('reward-badge')).toHaveAttribute('data-available', 'true');

  const deliveries = await sandbox.settledWebhookDeliveries();
  expect(deliveries.length).toBeGreaterThan(0);
  for (const delivery of deliveries) {
    expect(delivery.url).toBe(`http://127.0.0.1:${EXTRA_APP_PORTS[0]}/api/wix/webhooks`);
    expect(delivery.outcome).toBe('delivered');
  }
});

test('rate limits count attempts made on both instances together', async ({ page }) => {
  const earn = new EarnPage(page);
  await earn.card.open(`${a.origin}/earn`);
  await earn.card.signInAs('Elena Rodriguez');

  // The limit is two attempts a minute per member: one on A, one on B, and the third (on A) is refused.
  await earn.claimButton('follow-facebook').click();
  await expect(earn.status).toContainText('you earned');
  await earn.card.open(`${b.origin}/earn`);
  await earn.claimButton('follow-tiktok').click();
  await expect(earn.status).toContainText('you earned');
  await earn.card.open(`${a.origin}/earn`);
  await earn.claimButton('follow-linkedin').click();
  await expect(earn.status).toContainText('Too many attempts');
  const follows = (await sandbox.transactions()).filter((t) => t.channel === 'LINKEDIN');
  expect(follows).toEqual([]);
});
