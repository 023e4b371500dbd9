import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startHostServer, type RunningHost } from '@/demo/host-server';
import { mintMemberToken } from '@/demo/member-token';
import { escape, widgetPage } from '@/demo/storefront-page';
import { sandboxControl } from '@/lib/sandbox/control-client';
import { SANDBOX_DEFAULT_API_KEY } from '@/lib/sandbox/identity';
import { startSandbox, type RunningSandbox } from '@/lib/sandbox/server';
import { REWARD_IDS } from '@/lib/sandbox/seed-rewards';
import { parseSession } from '@/lib/session/cookies';
import { startAppInstance, type AppInstance } from '@/testing/app-instance';
import { awardBehindTheAppsBack } from '@/testing/award-points';
import { ancestorsOf, startOtlpReceiver, type OtlpReceiver } from '@/testing/otlp-receiver';
import { parsePrometheusText } from '@/testing/prometheus-text';
import { startRedisServer, type TestRedis } from '@/testing/redis-server';
import { EarnPage } from './pages/earn-page';
import { LoyaltyCardPage } from './pages/loyalty-card-page';
import { RewardsPage } from './pages/rewards-page';
import { BASE_URL, E2E_HOST_PORT, E2E_REDIS_PORT, EXTRA_APP_PORTS, EXTRA_SANDBOX_PORTS } from './support/env';
import { streamOpened } from './support/live-stream';

/**
 * Operating the app with eyes open, on an instance of its own (`next start` of the build) whose every line
 * of output is kept: logs, the `/api/metrics` scrape and the traces it exports to a small OTLP/HTTP
 * receiver, after a real flow (sign in, claim, redeem, points at checkout, webhooks). Its sandbox runs in
 * this process, so the instance reuses it and prints no banner: all it writes is its own.
 */
const METRICS_TOKEN = 'e2e-metrics-token-0123456789';
const SSO_SECRET = 'e2e-observability-storefront-secret-0123456789';
/** The storefront that embeds the checkout view: next to the embed tests' hosts, never the same port. */
const HOST_PORT = E2E_HOST_PORT + 2;
const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
const SANDBOX_PORT = EXTRA_SANDBOX_PORTS[1];
const sandbox = sandboxControl(`http://127.0.0.1:${SANDBOX_PORT}`);
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let wix: RunningSandbox;
let redis: TestRedis;
let receiver: OtlpReceiver;
let host: RunningHost;
const hostPages = new Map<string, string>();
let app: AppInstance;
/** Where the instance's output starts once it has booted: what it writes while serving requests. */
let bootEnd = 0;
/** Everything a log must never hold, gathered along the flow. */
const secrets = new Set<string>([SANDBOX_DEFAULT_API_KEY, METRICS_TOKEN, SSO_SECRET]);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  wix = await startSandbox({ port: SANDBOX_PORT, apiKey: SANDBOX_DEFAULT_API_KEY, tokenTtlSeconds: 3_600 });
  redis = await startRedisServer(E2E_REDIS_PORT);
  receiver = await startOtlpReceiver();
  host = await startHostServer({ port: HOST_PORT, pages: (url) => hostPages.get(url.pathname) ?? null });
  app = await startAppInstance(EXTRA_APP_PORTS[0], {
    WIX_SANDBOX_PORT: String(SANDBOX_PORT),
    REDIS_URL: redis.url,
    LOG_LEVEL: 'debug',
    METRICS_TOKEN,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    EMBED_ALLOWED_ORIGINS: HOST_ORIGIN,
    EMBED_SSO_SECRET: SSO_SECRET,
    // Two attempts a minute per member: the flow makes two as Elena, the metrics test a refused third.
    EARN_RATE_LIMIT_PER_MEMBER: '2',
  });
  bootEnd = app.output().length;
  expect(app.output()).toContain('using the Wix sandbox already running');
  await sandbox.reset();
});

test.afterAll(async () => {
  await app?.stop();
  await host?.close();
  await receiver?.close();
  await redis?.stop();
  await wix?.close();
});

/** The tokens and every cookie value the browser holds for the app, first-party and partitioned. */
async function cookieSecrets(context: BrowserContext) {
  for (const cookie of await context.cookies()) {
    if (cookie.value.length >= 8) secrets.add(cookie.value);
    const session = parseSession(decodeURIComponent(cookie.value));
    if (session.status === 'member') {
      secrets.add(session.tokens.accessToken.value);
      secrets.add(session.tokens.refreshToken.value);
    }
  }
}

/**
 * Johna applies $10 off to her checkout from the checkout view on a storefront that signs her in, then takes
 * it off again.
 */
async function applyAndRemoveAtCheckout(page: Page) {
  const johna = await sandbox.member('Johna Linskey');
  const checkout = await sandbox.createCheckout(johna.id, [{ name: 'Tent', price: 120 }]);
  const token = await mintMemberToken({ secret: SSO_SECRET, memberId: johna.id, audience: app.origin });
  secrets.add(token);
  hostPages.set(
    '/checkout',
    widgetPage(
      app.origin,
      `<div data-loyalty-widget data-view="checkout" data-checkout-id="${escape(checkout.id)}" data-member-token="${token}"></div>`,
    ),
  );
  await page.goto(`${HOST_ORIGIN}/checkout`);
  const view = page.frameLocator('iframe[title="Loyalty points at checkout"]');
  await view
    .getByTestId(`checkout-reward-${REWARD_IDS.tenOff}`)
    .getByRole('button', { name: 'Apply' })
    .click();
  await expect(view.getByTestId('checkout-discount')).toHaveAttribute('data-status', 'APPLIED');
  await view.getByRole('button', { name: 'Remove' }).click();
  await expect(view.getByTestId('checkout-discount')).toHaveAttribute(
    'data-status',
    'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL',
  );
}

/** The scrape reads what the flow before it did: the two run in order, the second only after the first. */
test.describe.serial('after a real flow', () => {
  test('a real flow logs JSON lines, each with its request id, and never a token, key, cookie, email or code', async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    const earn = new EarnPage(page);
    await earn.card.open(`${app.origin}/earn`);
    await earn.card.signInAs('Elena Rodriguez');
    await earn.claimButton('follow-facebook').click();
    await expect(earn.status).toContainText('you earned');

    const rewards = new RewardsPage(page);
    await rewards.card.open(`${app.origin}/rewards`);
    await rewards.startRedeeming(REWARD_IDS.freeShipping);
    await rewards.confirmButton().click();
    await expect(rewards.redeemedCode).toHaveText(/^[A-Z0-9]{12}$/);

    await applyAndRemoveAtCheckout(page);
    await sandbox.settledWebhookDeliveries();
    const forged = await page.request.post(`${app.origin}/api/wix/webhooks`, { data: 'not.a.webhook' });
    expect(forged.status()).toBe(400);

    // A Wix call that fails while a request is served: its one line carries that request's id.
    await sandbox.injectFault({ pathPrefix: '/loyalty-accounts', method: 'GET', status: 503, times: 1 });
    const failed = await page.request.get(`${app.origin}/api/loyalty/account`, {
      headers: { 'x-request-id': 'hygiene-check-1' },
    });
    expect(failed.status()).toBe(503);
    expect(failed.headers()['x-request-id']).toBe('hygiene-check-1');
    const malformed = await page.request.get(`${app.origin}/api/health`, {
      headers: { 'x-request-id': 'not "an" id' },
    });
    expect(malformed.headers()['x-request-id']).toMatch(/^[A-Za-z0-9._-]{1,128}$/);

    await cookieSecrets(context);
    for (const member of await sandbox.members()) secrets.add(member.loginEmail);
    for (const coupon of await sandbox.coupons()) secrets.add(coupon.couponReference.code);
    for (const checkout of (await sandbox.checkouts()).checkouts) {
      for (const { coupon } of checkout.appliedDiscounts) if (coupon) secrets.add(coupon.code);
    }
    expect(secrets.size).toBeGreaterThan(15);

    const output = app.output();
    for (const secret of secrets) expect(output, 'a secret in the output').not.toContain(secret);

    const lines = output
      .slice(bootEnd)
      .split('\n')
      .filter((line) => line.trim() !== '');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(entry, JSON.stringify(entry)).toMatchObject({
        level: expect.any(String),
        time: expect.any(String),
        msg: expect.any(String),
        requestId: expect.stringMatching(/^[A-Za-z0-9._-]{1,128}$/),
      });
    }
    expect(entries.filter((entry) => entry.requestId === 'hygiene-check-1')).toMatchObject([
      { level: 'error', msg: 'Wix call failed', method: 'accounts.getCurrentMemberAccount', status: 503 },
    ]);
    expect(entries).toContainEqual(expect.objectContaining({ msg: 'webhook refused', status: 400 }));
  });

  test('the metrics scrape after that flow counts it, with labels that are patterns, never ids', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const earn = new EarnPage(page);
    await earn.card.open(`${app.origin}/earn`);
    await earn.card.signInAs('Elena Rodriguez');
    // Elena's third attempt this minute, over the instance's limit of two.
    await earn.claimButton('follow-tiktok').click();
    await expect(earn.status).toContainText('Too many attempts');

    const elena = await sandbox.member('Elena Rodriguez');
    await sandbox.setWebhookDelivery({ duplicate: true });
    await awardBehindTheAppsBack(sandbox.origin, elena.account!.id, 5);
    await sandbox.settledWebhookDeliveries();

    const card = new LoyaltyCardPage(page);
    const opened = streamOpened(page, app.origin);
    await card.open(`${app.origin}/`);
    await opened;

    const response = await page.request.get(`${app.origin}/api/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/plain; version=0.0.4');
    const text = await response.text();
    const metrics = parsePrometheusText(text);

    expect(metrics.types.get('loyalty_http_request_duration_seconds')).toBe('histogram');
    expect(metrics.types.get('loyalty_wix_call_duration_seconds')).toBe('histogram');
    const requests = (labels: Record<string, string>) =>
      metrics.sum('loyalty_http_request_duration_seconds_count', labels);
    expect(requests({ method: 'GET', route: '/rewards', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(requests({ method: 'POST', route: '/earn', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(requests({ method: 'POST', route: '/embed/api/checkout-apply', status: '200' })).toBe(1);
    expect(requests({ method: 'GET', route: '/api/loyalty/account', status: '503' })).toBe(1);
    expect(requests({ method: 'POST', route: '/api/wix/webhooks', status: '200' })).toBeGreaterThanOrEqual(2);
    // Routes are Next's patterns; no label, and nothing in the scrape, holds an id.
    const routes = new Set(
      metrics.find('loyalty_http_request_duration_seconds_count').map((s) => s.labels.route),
    );
    for (const route of routes) expect(route).toMatch(/^(\/[A-Za-z0-9_\-./[\]()@]*|unrouted)$/);
    expect(text).not.toMatch(GUID);

    const wixCalls = (method: string, outcome: string) =>
      metrics.sum('loyalty_wix_calls_total', { method, outcome });
    expect(wixCalls('accounts.getCurrentMemberAccount', 'ok')).toBeGreaterThanOrEqual(3);
    expect(wixCalls('accounts.getCurrentMemberAccount', 'unavailable')).toBe(1);
    expect(wixCalls('coupons.redeemCurrentMemberPointsForCoupon', 'ok')).toBe(1);
    expect(wixCalls('checkoutExchange.applyDiscountToCheckout', 'ok')).toBe(1);
    expect(wixCalls('checkout.removeCoupon', 'ok')).toBe(1);
    expect(wixCalls('oauth.getMemberTokens', 'ok')).toBe(2);
    expect(
      metrics.sum('loyalty_wix_call_duration_seconds_count', { method: 'accounts.getCurrentMemberAccount' }),
    ).toBe(metrics.sum('loyalty_wix_calls_total', { method: 'accounts.getCurrentMemberAccount' }));

    expect(metrics.sum('loyalty_webhooks_total', { outcome: 'processed' })).toBeGreaterThanOrEqual(2);
    expect(metrics.sum('loyalty_webhooks_total', { outcome: 'duplicate' })).toBeGreaterThanOrEqual(1);
    expect(metrics.sum('loyalty_webhooks_total', { outcome: 'rejected' })).toBe(1);
    expect(metrics.sum('loyalty_claims_total', { outcome: 'ok' })).toBe(1);
    expect(metrics.sum('loyalty_claims_total', { outcome: 'RATE_LIMITED' })).toBe(1);
    expect(metrics.sum('loyalty_redemptions_total', { outcome: 'ok' })).toBe(1);
    expect(metrics.sum('loyalty_checkout_applies_total', { outcome: 'ok' })).toBe(1);
    expect(metrics.sum('loyalty_checkout_removals_total', { outcome: 'ok' })).toBe(1);
    expect(metrics.sum('loyalty_rate_limit_refusals_total', { limit: 'member' })).toBe(1);
    expect(metrics.sum('loyalty_open_event_streams')).toBeGreaterThanOrEqual(1);
    expect(metrics.sum('loyalty_redis_up')).toBe(1);
  });
});

test('without the token, with a wrong one, or where METRICS_TOKEN is not set, /api/metrics is a 404', async ({
  request,
}) => {
  const scrape = (origin: string, authorization?: string) =>
    request.get(`${origin}/api/metrics`, authorization ? { headers: { authorization } } : {});
  expect((await scrape(app.origin)).status()).toBe(404);
  expect((await scrape(app.origin, `Bearer ${METRICS_TOKEN}x`)).status()).toBe(404);
  expect((await scrape(app.origin, METRICS_TOKEN)).status()).toBe(404);
  const suiteServer = await scrape(BASE_URL, `Bearer ${METRICS_TOKEN}`);
  expect(suiteServer.status()).toBe(404);
  expect(await suiteServer.text()).not.toContain('loyalty_');
  expect((await scrape(app.origin, `Bearer ${METRICS_TOKEN}`)).status()).toBe(200);
});

test('a member card render’s Wix calls reach the collector as spans under the request’s own', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const card = new LoyaltyCardPage(page);
  await card.open(`${app.origin}/`);
  await card.signInAs('Johna Linskey');
  const rendered = await page.request.get(`${app.origin}/?trace=card`);
  expect(await rendered.text()).toContain('data-testid="balance"');

  const findRequest = () =>
    receiver.spans.find(
      (span) =>
        span.kind === 2 &&
        span.attributes['http.target'] === '/?trace=card' &&
        span.attributes['http.route'] === '/',
    );
  await expect.poll(() => findRequest(), { timeout: 15_000 }).toBeDefined();
  const request = findRequest()!;
  expect(request.serviceName).toBe('loyalty-widget');
  expect(request.attributes['http.status_code']).toBe(200);

  const wixCalls = () =>
    receiver.spans.filter(
      (span) =>
        span.attributes['wix.method'] !== undefined &&
        ancestorsOf(span, receiver.spans).some((ancestor) => ancestor.spanId === request.spanId),
    );
  await expect
    .poll(
      () =>
        wixCalls()
          .map((span) => span.name)
          .sort(),
      { timeout: 10_000 },
    )
    .toEqual(expect.arrayContaining(['accounts.getCurrentMemberAccount', 'members.getCurrentMember']));
  for (const span of wixCalls()) {
    expect(span.traceId).toBe(request.traceId);
    expect(span.kind).toBe(3);
    expect(span.attributes).toMatchObject({ 'wix.method': span.name, 'http.response.status_code': 200 });
  }
});
