import { createPublicKey } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { adminClient, loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';
import { setUpWebhookCatcher } from '@/testing/webhook-catcher';
import { SANDBOX_INSTANCE_ID } from './identity';
import { DEMO_ACCOUNT_IDS, DEMO_CONTACT_IDS, REWARD_IDS, WIX_LOYALTY_APP_ID } from './seed';

const sandbox = setUpRoutedSandbox();
const catcher = setUpWebhookCatcher();
const admin = adminClient(TEST_API_KEY);

beforeEach(async () => {
  catcher.clear();
  await sandbox.control.setWebhookTarget(catcher.url);
});

const earn = (accountId: string, amount: number, idempotencyKey = `k-${Math.random()}`) =>
  admin.accounts.earnPoints(accountId, { amount, appId: WIX_LOYALTY_APP_ID, idempotencyKey });

type Unwrapped = {
  eventType: string;
  instanceId: string;
  identity: Record<string, unknown>;
  event: {
    id: string;
    entityFqdn: string;
    slug: string;
    entityId: string;
    eventTime: string;
    actionEvent?: { body: Record<string, unknown> & { account?: { points: { balance: number } } } };
    createdEvent?: { entity: { id: string; contactId: string } };
    updatedEvent?: { currentEntity: { id: string; points: { balance: number } } };
  };
};

/** Verifies a caught JWT with the key the sandbox publishes and unwraps its two stringified layers. */
async function unwrap(jwt: string): Promise<Unwrapped> {
  const key = createPublicKey(await sandbox.control.webhookPublicKey());
  const { payload } = await jwtVerify(jwt, key, { algorithms: ['RS256'] });
  expect(typeof payload.data).toBe('string');
  const outer = JSON.parse(payload.data as string) as Record<string, string>;
  expect(typeof outer.data).toBe('string');
  expect(typeof outer.identity).toBe('string');
  return {
    eventType: outer.eventType!,
    instanceId: outer.instanceId!,
    identity: JSON.parse(outer.identity!) as Record<string, unknown>,
    event: JSON.parse(outer.data!) as Unwrapped['event'],
  };
}

const caughtEvents = async () => Promise.all(catcher.caught.map((caught) => unwrap(caught.jwt)));

describe('webhooks the sandbox sends', () => {
  it('signs each event with its own key, shaped as the reference documents', async () => {
    await earn(DEMO_ACCOUNT_IDS.johna, 40);
    await sandbox.control.settledWebhookDeliveries();
    // Deliveries run side by side, so they may arrive in any order: find the Points Updated one.
    const unwrapped = await Promise.all(
      catcher.caught.map(async ({ jwt }) => ({ jwt, ...(await unwrap(jwt)) })),
    );
    const pointsUpdated = unwrapped.find((e) => e.eventType === 'wix.loyalty.v1.account_points_updated');
    expect(pointsUpdated).toBeDefined();
    const claims = decodeJwt(pointsUpdated!.jwt);
    expect(Object.keys(claims).sort()).toEqual(['data', 'exp', 'iat']);
    const { instanceId, identity, event } = pointsUpdated!;
    expect(instanceId).toBe(SANDBOX_INSTANCE_ID);
    expect(identity).toEqual({ identityType: 'APP', appId: WIX_LOYALTY_APP_ID });
    expect(event).toMatchObject({
      entityFqdn: 'wix.loyalty.v1.account',
      slug: 'points_updated',
      entityId: DEMO_ACCOUNT_IDS.johna,
      actionEvent: { body: { account: { id: DEMO_ACCOUNT_IDS.johna, points: { balance: 1290 } } } },
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(event.eventTime)).not.toBeNaN();
  });

  it('announces an earn as Points Updated and Account Updated, and a reward threshold crossed as well', async () => {
    await earn(DEMO_ACCOUNT_IDS.johna, 10);
    // Aigneis has 120; the cheapest reward costs 200.
    await earn(DEMO_ACCOUNT_IDS.aigneis, 100);
    await sandbox.control.settledWebhookDeliveries();
    const events = await caughtEvents();
    const of = (accountId: string) =>
      events.filter((e) => e.event.entityId === accountId).map((e) => e.eventType);
    expect(of(DEMO_ACCOUNT_IDS.johna).sort()).toEqual([
      'wix.loyalty.v1.account_points_updated',
      'wix.loyalty.v1.account_updated',
    ]);
    expect(of(DEMO_ACCOUNT_IDS.aigneis).sort()).toEqual([
      'wix.loyalty.v1.account_points_updated',
      'wix.loyalty.v1.account_reward_availability_updated',
      'wix.loyalty.v1.account_updated',
    ]);
    const flag = events.find((e) => e.eventType.endsWith('reward_availability_updated'))!;
    expect(flag.event.actionEvent?.body).toEqual({ rewardAvailable: true, updateTrigger: 'BALANCE_UPDATED' });
    const updated = events.find(
      (e) => e.event.entityId === DEMO_ACCOUNT_IDS.aigneis && e.event.slug === 'updated',
    )!;
    expect(updated.event.updatedEvent?.currentEntity.points.balance).toBe(220);
    expect(new Set(events.map((e) => e.event.id)).size).toBe(events.length);
  });

  it('announces account creation, adjustments, bulk adjustments and follow awards; a replayed earn announces nothing', async () => {
    const { account } = await admin.accounts.createAccount(DEMO_CONTACT_IDS.noah);
    const { revision } = await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.elena);
    await admin.accounts.adjustPoints(DEMO_ACCOUNT_IDS.elena, { amount: -30, revision: revision! });
    await admin.accounts.bulkAdjustPoints({ amount: 5 });
    const member = oauthClient();
    await loginAs(member, 'Aigneis Johnsson');
    await member.socialMedia.createFollowedChannel({ channel: 'TIKTOK' });
    await sandbox.control.settledWebhookDeliveries();
    const events = await caughtEvents();

    const created = events.filter((e) => e.event.slug === 'created');
    expect(created).toHaveLength(1);
    expect(created[0]!.eventType).toBe('wix.loyalty.v1.account_created');
    expect(created[0]!.event.createdEvent?.entity).toMatchObject({
      id: account?._id,
      contactId: DEMO_CONTACT_IDS.noah,
    });
    const pointsUpdated = events
      .filter((e) => e.event.slug === 'points_updated')
      .map((e) => e.event.entityId);
    // Elena's adjustment, every account in the bulk adjustment (Noah's new one too), Aigneis's follow award.
    expect(pointsUpdated.filter((id) => id === DEMO_ACCOUNT_IDS.elena)).toHaveLength(2);
    expect(pointsUpdated.filter((id) => id === DEMO_ACCOUNT_IDS.aigneis)).toHaveLength(2);
    expect(pointsUpdated).toEqual(
      expect.arrayContaining([DEMO_ACCOUNT_IDS.johna, DEMO_ACCOUNT_IDS.john, account?._id]),
    );

    catcher.clear();
    await earn(DEMO_ACCOUNT_IDS.johna, 10, 'same-key');
    await earn(DEMO_ACCOUNT_IDS.johna, 10, 'same-key');
    const deliveries = await sandbox.control.settledWebhookDeliveries();
    expect(
      deliveries.filter(
        (d) => d.accountId === DEMO_ACCOUNT_IDS.johna && d.eventType.endsWith('points_updated'),
      ),
    ).toHaveLength(2);
  });

  it('announces a redemption as Points Updated, and a reward that is no longer within reach', async () => {
    // Elena has 280 stars; redeeming the 200-star reward leaves 80, below the cheapest reward (150).
    const member = oauthClient();
    await loginAs(member, 'Elena Rodriguez');
    await member.coupons.redeemCurrentMemberPointsForCoupon(REWARD_IDS.tenOff);
    await sandbox.control.settledWebhookDeliveries();
    const events = (await caughtEvents()).filter((e) => e.event.entityId === DEMO_ACCOUNT_IDS.elena);
    expect(events.map((e) => e.eventType).sort()).toEqual([
      'wix.loyalty.v1.account_points_updated',
      'wix.loyalty.v1.account_reward_availability_updated',
      'wix.loyalty.v1.account_updated',
    ]);
    const updated = events.find((e) => e.event.slug === 'updated')!;
    expect(updated.event.updatedEvent?.currentEntity.points.balance).toBe(80);
  });

  it('lists every delivery with its attempts and outcome', async () => {
    await earn(DEMO_ACCOUNT_IDS.johna, 10);
    const deliveries = await sandbox.control.settledWebhookDeliveries();
    expect(deliveries).toHaveLength(2);
    for (const delivery of deliveries) {
      expect(delivery).toMatchObject({
        accountId: DEMO_ACCOUNT_IDS.johna,
        url: catcher.url,
        copy: 1,
        outcome: 'delivered',
      });
      expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([200]);
    }
  });

  it('retries a failed delivery with growing pauses until the app takes it', async () => {
    let failuresLeft = 2;
    catcher.respondWith(async () =>
      failuresLeft-- > 0 ? { status: 503, body: {} } : { status: 200, body: {} },
    );
    await admin.accounts.createAccount(DEMO_CONTACT_IDS.noah);
    const [delivery] = await sandbox.control.settledWebhookDeliveries();
    expect(delivery!.outcome).toBe('delivered');
    expect(delivery!.attempts.map((attempt) => attempt.status)).toEqual([503, 503, 200]);
    const times = delivery!.attempts.map((attempt) => Date.parse(attempt.at));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(240);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(490);
  });

  it('gives up after five attempts and says so', async () => {
    catcher.respondWith(async () => ({ status: 500, body: {} }));
    await admin.accounts.createAccount(DEMO_CONTACT_IDS.noah);
    const [delivery] = await sandbox.control.settledWebhookDeliveries();
    expect(delivery!.outcome).toBe('failed');
    expect(delivery!.attempts).toHaveLength(5);
  }, 10_000);

  it('delivers every event twice with the same id when asked', async () => {
    await sandbox.control.setWebhookDelivery({ duplicate: true });
    await earn(DEMO_ACCOUNT_IDS.johna, 10);
    const deliveries = await sandbox.control.settledWebhookDeliveries();
    expect(deliveries).toHaveLength(4);
    const events = await caughtEvents();
    const copies = new Map<string, number>();
    for (const { event } of events) copies.set(event.id, (copies.get(event.id) ?? 0) + 1);
    expect([...copies.values()]).toEqual([2, 2]);
  });

  it('holds the events of the next changes when asked to deliver late, then delivers on time again', async () => {
    await sandbox.control.setWebhookDelivery({ delayMs: 400, changes: 1 });
    const started = Date.now();
    await earn(DEMO_ACCOUNT_IDS.johna, 10);
    await earn(DEMO_ACCOUNT_IDS.johna, 20);
    const deliveries = await sandbox.control.settledWebhookDeliveries();
    const late = deliveries.filter((d) => d.delayMs === 400);
    expect(late).toHaveLength(2);
    for (const delivery of late)
      expect(Date.parse(delivery.attempts[0]!.at) - started).toBeGreaterThanOrEqual(390);
    // The second change's events arrived first: the late ones come after a newer revision.
    const balances = (await caughtEvents())
      .filter((e) => e.event.slug === 'points_updated')
      .map((e) => e.event.actionEvent?.body.account?.points.balance);
    expect(balances).toEqual([1280, 1260]);
    expect((await sandbox.control.webhooks()).options.delayMs).toBe(0);
  });

  it('sends nothing without a target, refuses a target that is not http(s), keeps the target across resets', async () => {
    expect(
      (await sandbox.control.request('PUT', '/_sandbox/webhooks/target', { url: 'ftp://x' })).status,
    ).toBe(400);
    await sandbox.control.reset();
    expect((await sandbox.control.webhooks()).target).toBe(catcher.url);
    await sandbox.control.setWebhookTarget(null);
    await earn(DEMO_ACCOUNT_IDS.johna, 10);
    expect(await sandbox.control.settledWebhookDeliveries()).toEqual([]);
  });

  it('forgets the delivery log and options on reset', async () => {
    await sandbox.control.setWebhookDelivery({ duplicate: true });
    await earn(DEMO_ACCOUNT_IDS.johna, 10);
    await sandbox.control.settledWebhookDeliveries();
    await sandbox.control.reset();
    const after = await sandbox.control.webhooks();
    expect(after.deliveries).toEqual([]);
    expect(after.options).toEqual({
      duplicate: false,
      delayMs: 0,
      tokenTtlSeconds: 3600,
      remainingChanges: null,
    });
  });
});
