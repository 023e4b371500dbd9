import { generateKeyPairSync } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { SignJWT } from 'jose';
import { startAppInstance } from '@/testing/app-instance';
import { EXTRA_APP_PORTS } from './support/env';
import { sandbox } from './support/sandbox';

/** The webhook route as any sender meets it: codes for what it refuses, never a 500. */

const ENDPOINT = '/api/wix/webhooks';

test.beforeEach(async () => {
  await sandbox.reset();
});

test('the sandbox’s own deliveries are taken, verified with the key the app fetched by itself', async () => {
  const account = (await sandbox.member('Elena Rodriguez')).account!;
  await sandbox.awardPoints(account.id, 10);
  const deliveries = await sandbox.settledWebhookDeliveries();
  expect(deliveries.map((d) => [d.outcome, d.attempts.map((a) => a.status)])).toEqual([
    ['delivered', [200]],
    ['delivered', [200]],
  ]);
});

test('refuses what is not a webhook from Wix with a code, whatever is posted', async ({ request }) => {
  const post = async (data: string) => {
    const response = await request.post(ENDPOINT, { data, headers: { 'content-type': 'text/plain' } });
    return { status: response.status(), body: await response.json() };
  };
  const foreign = await new SignJWT({ data: JSON.stringify({ eventType: 'wix.loyalty.v1.account_updated' }) })
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuedAt()
    .sign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);

  expect(await post('')).toEqual({ status: 400, body: { code: 'WEBHOOK_BODY_MISSING' } });
  expect(await post('{"eventType":"wix.loyalty.v1.account_updated"}')).toEqual({
    status: 400,
    body: { code: 'WEBHOOK_TOKEN_MALFORMED' },
  });
  expect(await post(foreign)).toEqual({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
  expect(await post('x'.repeat(100 * 1024))).toEqual({
    status: 413,
    body: { code: 'WEBHOOK_BODY_TOO_LARGE' },
  });
  const binary = await request.post(ENDPOINT, { data: Buffer.from([0xff, 0xfe, 0x00, 0x01]) });
  expect(binary.status()).toBe(400);
});

test('in Wix mode without WIX_WEBHOOK_PUBLIC_KEY, start-up says webhooks are off and the route answers 503', async () => {
  test.setTimeout(60_000);
  const wix = await startAppInstance(EXTRA_APP_PORTS[2], {
    WIX_SANDBOX: '',
    WIX_CLIENT_ID: 'headless-client-id',
    WIX_API_KEY: 'not-a-real-key',
    WIX_SITE_ID: 'not-a-real-site',
    WIX_WEBHOOK_PUBLIC_KEY: '',
  });
  try {
    expect(await (await fetch(`${wix.origin}/api/health`)).json()).toEqual({ ok: true, mode: 'wix' });
    expect(wix.output()).toContain('webhooks are off: set WIX_WEBHOOK_PUBLIC_KEY');
    const response = await fetch(`${wix.origin}${ENDPOINT}`, {
      method: 'POST',
      body: 'eyJhbGciOiJSUzI1NiJ9.e30.sig',
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code: 'WEBHOOKS_NOT_CONFIGURED' });
    expect(wix.output()).not.toContain('not-a-real-key');
  } finally {
    await wix.stop();
  }
});
