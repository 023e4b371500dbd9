import { beforeEach, describe, expect, it } from 'vitest';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';
import { ledgerOf } from '@/testing/ledger';
import { setUpWebhookCatcher } from '@/testing/webhook-catcher';
import { awardOrder } from './order-award';
import { adminClient, signedInClient } from './sdk-clients';
import { createSeedState, DEMO_ACCOUNT_IDS, DEMO_MEMBER_IDS, REWARD_IDS } from './seed';
import { WIX_STORES_APP_ID } from './seed-catalog';
import type { CheckoutRecord } from './state';
import { ACCOUNT_EVENT_TYPES } from './webhook-events';

const sandbox = setUpRoutedSandbox();
const catcher = setUpWebhookCatcher();
const admin = adminClient(TEST_API_KEY);

beforeEach(() => catcher.clear());

const { pointsOf, transactionsOf } = ledgerOf(() => sandbox.control);

describe('placing an order pays the order rule’s points, as Wix does by itself', () => {
  it('pays Gold 2 stars per $1 of the paid total, in one EARN naming the order, with the account webhooks', async () => {
    await sandbox.control.setWebhookTarget(catcher.url);
    const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.johna, [
      { name: 'Trail flask', price: '24.00', quantity: 1 },
      { name: 'Camp mug', price: '18.25', quantity: 2 },
    ]);
    const before = await pointsOf('Johna Linskey');
    const history = await transactionsOf(DEMO_ACCOUNT_IDS.johna);

    const { order } = await sandbox.control.placeOrder(checkout.id);

    // $60.50 at Gold's 2 per $1: 121 stars.
    expect(await pointsOf('Johna Linskey')).toEqual({
      ...before,
      balance: before.balance + 121,
      earned: before.earned + 121,
    });
    const after = await transactionsOf(DEMO_ACCOUNT_IDS.johna);
    expect(after.slice(0, history.length)).toEqual(history);
    expect(after.slice(history.length)).toEqual([
      expect.objectContaining({
        type: 'EARN',
        amount: 121,
        orderId: order.id,
        description: `Order #${order.number}`,
        appId: WIX_STORES_APP_ID,
        activityType: 'stores/OrderPaid',
      }),
    ]);
    const deliveries = await sandbox.control.settledWebhookDeliveries();
    expect(deliveries.filter((d) => d.accountId === DEMO_ACCOUNT_IDS.johna).map((d) => d.eventType)).toEqual(
      expect.arrayContaining([ACCOUNT_EVENT_TYPES.pointsUpdated, ACCOUNT_EVENT_TYPES.updated]),
    );
  });

  it('pays on the total after the loyalty discount, at the base rate for a base-tier member', async () => {
    const johna = await signedInClient('Johna Linskey');
    const johnaCheckout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.johna);
    await johna.checkoutExchange.applyDiscountToCheckout(johnaCheckout.id, {
      reward: { _id: REWARD_IDS.tenOff },
    });
    const johnaBefore = await pointsOf('Johna Linskey');
    await sandbox.control.placeOrder(johnaCheckout.id);
    // $50 less $10 off, at 2 per $1.
    expect((await pointsOf('Johna Linskey')).balance).toBe(johnaBefore.balance + 80);

    const elenaCheckout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.elena, [
      { name: 'Wool beanie', price: '32.99' },
    ]);
    const elenaBefore = await pointsOf('Elena Rodriguez');
    await sandbox.control.placeOrder(elenaCheckout.id);
    expect((await pointsOf('Elena Rodriguez')).balance).toBe(elenaBefore.balance + 32);
  });

  it('pays once per order, however often the order is placed', async () => {
    const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.johna);
    const before = await transactionsOf(DEMO_ACCOUNT_IDS.johna);

    const placed = await Promise.all([1, 2, 3].map(() => sandbox.control.placeOrder(checkout.id)));
    const again = await sandbox.control.placeOrder(checkout.id);

    const orderIds = new Set([...placed, again].map((result) => result.order.id));
    expect(orderIds.size).toBe(1);
    expect(again.checkout.completed).toBe(true);
    const earned = (await transactionsOf(DEMO_ACCOUNT_IDS.johna)).slice(before.length);
    expect(earned.map((t) => [t.type, t.amount, t.orderId])).toEqual([['EARN', 100, again.order.id]]);
  });

  it('pays nothing while the program is paused, and the order is placed all the same', async () => {
    await admin.programs.pauseLoyaltyProgram();
    const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.johna);
    const before = await pointsOf('Johna Linskey');
    const { checkout: placed } = await sandbox.control.placeOrder(checkout.id);
    expect(placed.completed).toBe(true);
    expect(await pointsOf('Johna Linskey')).toEqual(before);
  });
});

describe('awardOrder', () => {
  const placedCheckout = (memberId: string): CheckoutRecord => ({
    id: 'checkout',
    buyer: { memberId },
    createdBy: { appId: 'app' },
    channelType: 'WEB',
    lineItems: [
      {
        id: 'line',
        name: 'Mug',
        priceCents: 5000,
        quantity: 1,
        custom: true,
        itemType: { preset: 'PHYSICAL' },
      },
    ],
    completed: true,
    order: { id: 'order-1', number: '10001' },
    createdDate: new Date(),
    updatedDate: new Date(),
  });
  const transactionsFor = (state: ReturnType<typeof createSeedState>) => state.transactions.length;

  it('pays nothing when the order rule is paused or the buyer has no loyalty account', () => {
    const paused = createSeedState();
    for (const rule of paused.earningRules) if (rule.kind === 'conversionRate') rule.status = 'PAUSED';
    const count = transactionsFor(paused);
    awardOrder(paused, placedCheckout(DEMO_MEMBER_IDS.johna));
    expect(transactionsFor(paused)).toBe(count);

    const noAccount = createSeedState();
    const noah = transactionsFor(noAccount);
    awardOrder(noAccount, placedCheckout(DEMO_MEMBER_IDS.noah));
    expect(transactionsFor(noAccount)).toBe(noah);
  });
});
