import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig, parseConfig } from '@/lib/config/env';
import { subscribeToContact } from '@/lib/live/account-feed';
import type { LiveAccountMessage } from '@/lib/loyalty/live-events';
import { adminClient } from '@/lib/sandbox/sdk-clients';
import { DEMO_ACCOUNT_IDS, DEMO_CONTACT_IDS, WIX_LOYALTY_APP_ID } from '@/lib/sandbox/seed';
import { createSharedStores, type SharedStores } from '@/lib/stores/shared-stores';
import { clearSiteCatalog } from '@/lib/wix/site-catalog';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { setUpWebhookCatcher } from '@/testing/webhook-catcher';
import { createWebhookReceiver, type WebhookResponse } from './receive-webhook';
import { webhookVerificationKey } from './verification-key';

/**
 * Contract: webhooks the sandbox signs and sends, through the receiver the route runs (verification,
 * deduplication, handlers, the live-update fan-out), in memory.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });
const catcher = setUpWebhookCatcher();
const admin = adminClient(getConfig().wix.apiKey);

let stores: SharedStores;
let receive: (body: string) => Promise<WebhookResponse>;
/** What the open cards of each contact were sent. */
let heard: Map<string, LiveAccountMessage[]>;

const listenTo = async (...contactIds: string[]) => {
  for (const contactId of contactIds) {
    heard.set(contactId, []);
    await subscribeToContact(stores, contactId, (message) =>
      heard.get(contactId)!.push(JSON.parse(message) as LiveAccountMessage),
    );
  }
};
const balancesHeard = (contactId: string) => (heard.get(contactId) ?? []).map((m) => m.account.balance);
const totalHeard = () => [...heard.values()].flat().length;

const earn = (accountId: string, amount: number) =>
  admin.accounts.earnPoints(accountId, {
    amount,
    appId: WIX_LOYALTY_APP_ID,
    idempotencyKey: `k-${Math.random()}`,
  });

/** Forwards the sandbox's deliveries to the receiver, answering with its status and body. */
const forwardToReceiver = () =>
  catcher.respondWith(async (jwt) => {
    const { status, body } = await receive(jwt);
    return { status, body };
  });

const outcomesOf = () => catcher.caught.map((caught) => ({ status: caught.status, answer: caught.answer }));

beforeEach(async () => {
  clearSiteCatalog();
  catcher.clear();
  stores = createSharedStores(undefined);
  heard = new Map();
  receive = createWebhookReceiver({
    verificationKey: async () => ({ ok: true, pem: await sandbox.control.webhookPublicKey() }),
    appId: 'contract-test-app',
    stores,
  });
  await sandbox.control.setWebhookTarget(catcher.url);
});

describe('sandbox-signed webhooks through the receiver', () => {
  it('processes all four account events and sends the new account to its owner only', async () => {
    await listenTo(DEMO_CONTACT_IDS.noah, DEMO_CONTACT_IDS.aigneis, DEMO_CONTACT_IDS.johna);
    forwardToReceiver();
    await admin.accounts.createAccount(DEMO_CONTACT_IDS.noah);
    await earn(DEMO_ACCOUNT_IDS.aigneis, 100);
    const deliveries = await sandbox.control.settledWebhookDeliveries();

    expect(new Set(deliveries.map((d) => d.eventType)).size).toBe(4);
    expect(deliveries.every((d) => d.outcome === 'delivered')).toBe(true);
    expect(outcomesOf()).toEqual(
      Array(4).fill({ status: 200, answer: { received: true, outcome: 'processed' } }),
    );
    expect(balancesHeard(DEMO_CONTACT_IDS.noah)).toEqual([0]);
    const aigneis = heard.get(DEMO_CONTACT_IDS.aigneis)!;
    expect(aigneis.length).toBeGreaterThan(0);
    for (const message of aigneis) {
      expect(message.account).toMatchObject({ balance: 220, rewardAvailable: true });
      expect(message.account.tier?.name).toBe('Silver');
    }
    expect(heard.get(DEMO_CONTACT_IDS.johna)).toEqual([]);
  });

  it('refuses tampered, foreign-key, expired and malformed tokens with a code, and they change nothing', async () => {
    await listenTo(DEMO_CONTACT_IDS.johna);
    await sandbox.control.setWebhookDelivery({ tokenTtlSeconds: 1 });
    await earn(DEMO_ACCOUNT_IDS.johna, 40);
    await sandbox.control.settledWebhookDeliveries();
    const genuine = catcher.caught[0]!.jwt;
    const [header, payload, signature] = genuine.split('.') as [string, string, string];

    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { data: string };
    const tamperedPayload = Buffer.from(
      JSON.stringify({ ...claims, data: claims.data.replace('"balance\\":1290', '"balance\\":99999') }),
    ).toString('base64url');
    expect(tamperedPayload).not.toBe(payload);
    const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(foreignKey);
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a shared secret that is not Wix'));
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;

    expect(await receive(`${header}.${tamperedPayload}.${signature}`)).toEqual({
      status: 401,
      body: { code: 'WEBHOOK_SIGNATURE_INVALID' },
    });
    expect(await receive(foreign)).toEqual({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(await receive(hmac)).toEqual({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(await receive(unsigned)).toEqual({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(await receive('not a token')).toEqual({ status: 400, body: { code: 'WEBHOOK_TOKEN_MALFORMED' } });
    expect(await receive('  ')).toEqual({ status: 400, body: { code: 'WEBHOOK_BODY_MISSING' } });

    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await receive(genuine)).toEqual({ status: 401, body: { code: 'WEBHOOK_TOKEN_EXPIRED' } });
    expect(totalHeard()).toBe(0);

    // None of those used up the event: the same event, signed afresh, is processed once.
    await sandbox.control.setWebhookDelivery({});
    catcher.clear();
    forwardToReceiver();
    await earn(DEMO_ACCOUNT_IDS.johna, 10);
    await sandbox.control.settledWebhookDeliveries();
    expect(outcomesOf().map((o) => o.answer)).toEqual(
      Array(2).fill({ received: true, outcome: 'processed' }),
    );
    expect(new Set(balancesHeard(DEMO_CONTACT_IDS.johna))).toEqual(new Set([1300]));
  }, 15_000);

  it('changes nothing for a duplicate delivery: the second copy of each event is acknowledged only', async () => {
    await listenTo(DEMO_CONTACT_IDS.johna);
    forwardToReceiver();
    await sandbox.control.setWebhookDelivery({ duplicate: true });
    await earn(DEMO_ACCOUNT_IDS.johna, 10);
    const deliveries = await sandbox.control.settledWebhookDeliveries();
    expect(deliveries).toHaveLength(4);

    const outcomes = outcomesOf().map((o) => (o.answer as { outcome: string }).outcome);
    expect(outcomes.sort()).toEqual(['duplicate', 'duplicate', 'processed', 'processed']);
    // One update per distinct event (Points Updated and Account Updated), none for the copies.
    expect(balancesHeard(DEMO_CONTACT_IDS.johna)).toEqual([1260, 1260]);
  });

  it('never puts an older balance back when an earlier change is delivered late', async () => {
    await listenTo(DEMO_CONTACT_IDS.johna);
    forwardToReceiver();
    await sandbox.control.setWebhookDelivery({ delayMs: 600, changes: 1 });
    await earn(DEMO_ACCOUNT_IDS.johna, 10);
    await earn(DEMO_ACCOUNT_IDS.johna, 20);
    const deliveries = await sandbox.control.settledWebhookDeliveries();
    expect(deliveries.filter((d) => d.delayMs > 0)).toHaveLength(2);
    expect(deliveries.every((d) => d.outcome === 'delivered')).toBe(true);
    expect(balancesHeard(DEMO_CONTACT_IDS.johna)).toEqual([1280, 1280]);
  });

  it('answers 503 when an event cannot be processed yet, and processes the retry', async () => {
    await listenTo(DEMO_CONTACT_IDS.johna);
    forwardToReceiver();
    await sandbox.control.injectFault({ pathPrefix: '/loyalty-tiers/', status: 503, times: 1 });
    await earn(DEMO_ACCOUNT_IDS.johna, 10);
    const deliveries = await sandbox.control.settledWebhookDeliveries();

    expect(deliveries.every((d) => d.outcome === 'delivered')).toBe(true);
    expect(deliveries.some((d) => d.attempts[0]?.status === 503)).toBe(true);
    const answers = outcomesOf();
    expect(answers).toContainEqual({ status: 503, answer: { code: 'WEBHOOK_NOT_PROCESSED' } });
    // The failed attempt gave its event id back: the retry is processed, not taken for a duplicate.
    expect(answers.filter((a) => a.status === 200).map((a) => a.answer)).toEqual(
      Array(2).fill({ received: true, outcome: 'processed' }),
    );
    expect(balancesHeard(DEMO_CONTACT_IDS.johna)).toEqual([1260, 1260]);
  });
});

describe('webhooks signed by a key the receiver trusts, for what the sandbox never sends', () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const sign = (outer: Record<string, unknown>) =>
    new SignJWT({ data: JSON.stringify(outer) })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(keys.privateKey);

  it('acknowledges and ignores an event type it does not handle', async () => {
    const receiveTrusted = createWebhookReceiver({
      verificationKey: async () => ({ ok: true, pem }),
      appId: 'contract-test-app',
      stores,
    });
    const unknown = await sign({
      eventType: 'wix.loyalty.v1.reward_created',
      instanceId: 'instance',
      data: JSON.stringify({ id: 'e1', entityId: DEMO_ACCOUNT_IDS.johna }),
      identity: JSON.stringify({ identityType: 'APP' }),
    });
    expect(await receiveTrusted(unknown)).toEqual({
      status: 200,
      body: { received: true, outcome: 'ignored' },
    });

    const withoutId = await sign({
      eventType: 'wix.loyalty.v1.account_updated',
      instanceId: 'instance',
      data: JSON.stringify({ updatedEvent: { currentEntity: { id: DEMO_ACCOUNT_IDS.johna } } }),
    });
    expect(await receiveTrusted(withoutId)).toEqual({
      status: 400,
      body: { code: 'WEBHOOK_TOKEN_MALFORMED' },
    });
    const dataNotAString = await new SignJWT({ data: { eventType: 'x' } })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(keys.privateKey);
    expect(await receiveTrusted(dataNotAString)).toEqual({
      status: 400,
      body: { code: 'WEBHOOK_TOKEN_MALFORMED' },
    });
  });

  it('answers 503 with a code in Wix mode without WIX_WEBHOOK_PUBLIC_KEY', async () => {
    const wixMode = parseConfig({ WIX_CLIENT_ID: 'client', WIX_API_KEY: 'key', WIX_SITE_ID: 'site' });
    const receiveOff = createWebhookReceiver({
      verificationKey: webhookVerificationKey(wixMode),
      appId: 'client',
      stores,
    });
    expect(await receiveOff(await sign({ eventType: 'x' }))).toEqual({
      status: 503,
      body: { code: 'WEBHOOKS_NOT_CONFIGURED' },
    });
  });
});
