import { beforeEach, describe, expect, it } from 'vitest';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';
import { ledgerOf } from '@/testing/ledger';
import { setUpWebhookCatcher } from '@/testing/webhook-catcher';
import { adminClient, sdkError, signedInClient } from './sdk-clients';
import { DEMO_ACCOUNT_IDS, DEMO_MEMBER_IDS, REWARD_IDS } from './seed';
import { ACCOUNT_EVENT_TYPES } from './webhook-events';

const sandbox = setUpRoutedSandbox();
const catcher = setUpWebhookCatcher();
const admin = adminClient(TEST_API_KEY);

beforeEach(() => catcher.clear());

const { pointsOf, transactionsOf } = ledgerOf(() => sandbox.control);
const totalOf = async (checkoutId: string) => (await admin.checkout.getCheckout(checkoutId)).priceSummary;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Johna (1,250 stars, Gold) with a $50 checkout, signed in. */
async function johnaAtCheckout() {
  const johna = await signedInClient('Johna Linskey');
  const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.johna);
  return { johna, checkoutId: checkout.id };
}

describe('a coupon reward exchanged at checkout', () => {
  it('takes exactly the reward off the total and its cost off the balance, with one REDEEM and the webhooks', async () => {
    await sandbox.control.setWebhookTarget(catcher.url);
    const { johna, checkoutId } = await johnaAtCheckout();
    const before = await pointsOf('Johna Linskey');
    const transactionsBefore = await transactionsOf(DEMO_ACCOUNT_IDS.johna);

    const { discount } = await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, {
      reward: { _id: REWARD_IDS.tenOff },
    });

    expect(discount).toMatchObject({
      checkoutId,
      rewardId: REWARD_IDS.tenOff,
      status: 'APPLIED',
      discountType: 'COUPON_REWARD',
    });
    const checkout = await johna.checkout.getCheckout(checkoutId);
    expect(checkout.priceSummary).toMatchObject({
      subtotal: { amount: '50' },
      discount: { amount: '10', formattedAmount: '$10.00' },
      total: { amount: '40', formattedAmount: '$40.00' },
    });
    expect(checkout.appliedDiscounts).toEqual([
      expect.objectContaining({
        discountType: 'GLOBAL',
        coupon: expect.objectContaining({
          name: '$10 off',
          amount: expect.objectContaining({ amount: '10' }),
        }),
      }),
    ]);
    expect(await pointsOf('Johna Linskey')).toEqual({
      ...before,
      balance: before.balance - 200,
      redeemed: before.redeemed + 200,
    });
    const written = (await transactionsOf(DEMO_ACCOUNT_IDS.johna)).slice(transactionsBefore.length);
    expect(written).toMatchObject([{ type: 'REDEEM', amount: -200, rewardId: REWARD_IDS.tenOff }]);

    const deliveries = await sandbox.control.settledWebhookDeliveries();
    expect(deliveries.filter((d) => d.accountId === DEMO_ACCOUNT_IDS.johna).map((d) => d.eventType)).toEqual(
      expect.arrayContaining([ACCOUNT_EVENT_TYPES.pointsUpdated, ACCOUNT_EVENT_TYPES.updated]),
    );
  });

  it('makes a refundable coupon, hidden from the member’s UI by Wix’s own flag', async () => {
    const { johna, checkoutId } = await johnaAtCheckout();
    await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, {
      reward: { _id: REWARD_IDS.tenPercent },
    });
    const coupons = (await johna.coupons.getCurrentMemberCoupons()).loyaltyCoupons ?? [];
    expect(coupons.find((coupon) => coupon.refundable)).toMatchObject({
      rewardName: '10% off',
      status: 'APPLIED',
    });
    expect((await totalOf(checkoutId))?.total?.amount).toBe('45');
  });

  it('lets an API key apply to any checkout, with its buyer’s points', async () => {
    const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.elena, [
      { name: 'Candle', price: 8, quantity: 2 },
    ]);
    await admin.checkoutExchange.applyDiscountToCheckout(checkout.id, { reward: { _id: REWARD_IDS.tenOff } });
    expect((await totalOf(checkout.id))?.total?.amount).toBe('6');
    expect((await pointsOf('Elena Rodriguez')).balance).toBe(280 - 200);
  });
});

describe('what the exchange refuses, writing nothing', () => {
  it('a second loyalty discount on the same checkout', async () => {
    const { johna, checkoutId } = await johnaAtCheckout();
    await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, { reward: { _id: REWARD_IDS.tenOff } });
    const before = await sandbox.control.state();
    const again = await sdkError(
      johna.checkoutExchange.applyDiscountToCheckout(checkoutId, { reward: { _id: REWARD_IDS.tenOff } }),
    );
    expect(again.status).toBe(428);
    expect(again.details?.applicationError?.code).toBe('LOYALTY_DISCOUNT_ALREADY_APPLIED');
    const flexible = await sdkError(
      johna.checkoutExchange.applyDiscountToCheckout(checkoutId, {
        reward: { _id: REWARD_IDS.payWithStars, pointsToSpend: 50 },
      }),
    );
    expect(flexible.details?.applicationError?.code).toBe('LOYALTY_DISCOUNT_ALREADY_APPLIED');
    expect(await sandbox.control.state()).toEqual(before);
  });

  it('another member’s checkout (403), and an unknown one (404)', async () => {
    const elenas = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.elena);
    const johna = await signedInClient('Johna Linskey');
    const before = await sandbox.control.state();
    const theirs = await sdkError(
      johna.checkoutExchange.applyDiscountToCheckout(elenas.id, { reward: { _id: REWARD_IDS.tenOff } }),
    );
    expect(theirs.status).toBe(403);
    const unknown = await sdkError(
      johna.checkoutExchange.applyDiscountToCheckout('00000000-0000-4000-8000-000000000000', {
        reward: { _id: REWARD_IDS.tenOff },
      }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.details?.applicationError?.code).toBe('CHECKOUT_NOT_FOUND');
    expect(await sandbox.control.state()).toEqual(before);
  });

  it.each([
    ['points the balance does not cover', 'Aigneis Johnsson', REWARD_IDS.freeShipping, 'NOT_ENOUGH_POINTS'],
    ['an inactive reward', 'Johna Linskey', REWARD_IDS.fifteenOff, 'REWARD_NOT_ACTIVE'],
    [
      'a reward of another tier',
      'Elena Rodriguez',
      REWARD_IDS.goldTwentyOff,
      'REWARD_NOT_AVAILABLE_FOR_TIER',
    ],
  ] as const)('%s', async (_label, name, rewardId, code) => {
    const memberId = (await sandbox.control.member(name)).id;
    const checkout = await sandbox.control.createCheckout(memberId);
    const client = await signedInClient(name);
    const before = await sandbox.control.state();
    const error = await sdkError(
      client.checkoutExchange.applyDiscountToCheckout(checkout.id, { reward: { _id: rewardId } }),
    );
    expect(error.status).toBe(428);
    expect(error.details?.applicationError?.code).toBe(code);
    expect(await sandbox.control.state()).toEqual(before);
  });

  it('a checkout that already became an order', async () => {
    const { johna, checkoutId } = await johnaAtCheckout();
    await sandbox.control.placeOrder(checkoutId);
    const error = await sdkError(
      johna.checkoutExchange.applyDiscountToCheckout(checkoutId, { reward: { _id: REWARD_IDS.tenOff } }),
    );
    expect(error.details?.applicationError?.code).toBe('CHECKOUT_ALREADY_COMPLETED');
  });
});

describe('flexible points (Pay with stars: 10 stars = $1)', () => {
  it('gives pointsToSpend × the tier’s amount per point, and spends exactly those points', async () => {
    const { johna, checkoutId } = await johnaAtCheckout();
    const before = await pointsOf('Johna Linskey');
    const { discount } = await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, {
      reward: { _id: REWARD_IDS.payWithStars, pointsToSpend: 35 },
    });
    expect(discount).toMatchObject({ discountType: 'DISCOUNT_AMOUNT', rewardId: REWARD_IDS.payWithStars });
    expect(await totalOf(checkoutId)).toMatchObject({
      discount: { amount: '3.5', formattedAmount: '$3.50' },
      total: { amount: '46.5' },
    });
    expect((await pointsOf('Johna Linskey')).balance).toBe(before.balance - 35);
    expect((await transactionsOf(DEMO_ACCOUNT_IDS.johna)).at(-1)).toMatchObject({
      type: 'REDEEM',
      amount: -35,
      rewardId: REWARD_IDS.payWithStars,
    });
  });

  it('pays the whole total, and refuses more points than the total needs', async () => {
    const { johna, checkoutId } = await johnaAtCheckout();
    const before = await sandbox.control.state();
    const tooMany = await sdkError(
      johna.checkoutExchange.applyDiscountToCheckout(checkoutId, {
        reward: { _id: REWARD_IDS.payWithStars, pointsToSpend: 501 },
      }),
    );
    expect(tooMany.status).toBe(428);
    expect(tooMany.details?.applicationError?.code).toBe('POINTS_EXCEED_CHECKOUT_TOTAL');
    const none = await sdkError(
      johna.checkoutExchange.applyDiscountToCheckout(checkoutId, {
        reward: { _id: REWARD_IDS.payWithStars },
      }),
    );
    expect(none.status).toBe(400);
    expect(await sandbox.control.state()).toEqual(before);

    await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, {
      reward: { _id: REWARD_IDS.payWithStars, pointsToSpend: 500 },
    });
    expect((await totalOf(checkoutId))?.total?.amount).toBe('0');
  });

  it('refuses more points than the balance, as a redemption does', async () => {
    const elena = await signedInClient('Elena Rodriguez');
    const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.elena, [
      { name: 'Lamp', price: 90 },
    ]);
    const error = await sdkError(
      elena.checkoutExchange.applyDiscountToCheckout(checkout.id, {
        reward: { _id: REWARD_IDS.payWithStars, pointsToSpend: 281 },
      }),
    );
    expect(error.status).toBe(428);
    expect(error.details?.applicationError?.code).toBe('NOT_ENOUGH_POINTS');
  });

  it('is never redeemed for a coupon, and does not count as an available reward', async () => {
    const john = await sandbox.control.state();
    const elena = await signedInClient('Elena Rodriguez');
    const error = await sdkError(elena.coupons.redeemCurrentMemberPointsForCoupon(REWARD_IDS.payWithStars));
    expect(error.status).toBe(428);
    expect(error.details?.applicationError?.code).toBe('REWARD_NOT_REDEEMABLE_AS_COUPON');
    expect(await sandbox.control.state()).toEqual(john);
    // Aigneis holds 120 stars: enough for flexible points, not for any coupon reward.
    expect((await sandbox.control.member('Aigneis Johnsson')).account?.rewardAvailable).toBe(false);
  });
});

describe('a coupon the member already holds', () => {
  it('applies without spending points, and is usable again once removed', async () => {
    const { johna, checkoutId } = await johnaAtCheckout();
    const held = ((await johna.coupons.getCurrentMemberCoupons()).loyaltyCoupons ?? []).find(
      (coupon) => coupon.status === 'ACTIVE',
    );
    const before = await pointsOf('Johna Linskey');
    const { discount } = await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, {
      loyaltyCoupon: { _id: held!._id! },
    });
    expect(discount).toMatchObject({ discountType: 'LOYALTY_COUPON', loyaltyCouponId: held!._id });
    expect((await totalOf(checkoutId))?.total?.amount).toBe('40');
    expect(await pointsOf('Johna Linskey')).toEqual(before);
    const statusOf = async () =>
      ((await johna.coupons.getCurrentMemberCoupons()).loyaltyCoupons ?? []).find((c) => c._id === held!._id)
        ?.status;
    expect(await statusOf()).toBe('APPLIED');

    await johna.checkout.removeCoupon(checkoutId);
    expect(await statusOf()).toBe('ACTIVE');
    expect(await pointsOf('Johna Linskey')).toEqual(before);
  });

  it('refuses a coupon already used', async () => {
    const aigneis = await signedInClient('Aigneis Johnsson');
    const used = ((await aigneis.coupons.getCurrentMemberCoupons()).loyaltyCoupons ?? [])[0];
    const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.aigneis);
    const error = await sdkError(
      aigneis.checkoutExchange.applyDiscountToCheckout(checkout.id, { loyaltyCoupon: { _id: used!._id! } }),
    );
    expect(error.details?.applicationError?.code).toBe('COUPON_NOT_ACTIVE');
  });
});

describe('what becomes of an applied discount', () => {
  it('removing it from the checkout refunds the points: REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL', async () => {
    const { johna, checkoutId } = await johnaAtCheckout();
    const before = await pointsOf('Johna Linskey');
    const { discount } = await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, {
      reward: { _id: REWARD_IDS.tenOff },
    });
    const { checkout } = await johna.checkout.removeCoupon(checkoutId);
    expect(discount?._id).toBeTruthy();

    expect(checkout?.appliedDiscounts).toEqual([]);
    expect(checkout?.priceSummary?.total?.amount).toBe('50');
    expect(await pointsOf('Johna Linskey')).toEqual(before);
    const [redeem, refund] = (await transactionsOf(DEMO_ACCOUNT_IDS.johna)).slice(-2);
    expect(refund).toMatchObject({ type: 'REFUND', amount: 200, refundedTransactionId: redeem?.id });
    const { items } = await johna.checkoutExchange
      .queryLoyaltyCheckoutDiscounts()
      .eq('checkoutId', checkoutId)
      .find();
    expect(items).toEqual([
      expect.objectContaining({ _id: discount?._id, status: 'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL' }),
    ]);
    // The points are back, so the same checkout may take a discount again.
    await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, { reward: { _id: REWARD_IDS.tenOff } });
  });

  it('placing the order completes it, and nothing is refunded afterwards', async () => {
    const { johna, checkoutId } = await johnaAtCheckout();
    await sandbox.control.setCheckoutTimeout(300);
    await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, { reward: { _id: REWARD_IDS.tenOff } });
    const { checkout: placed } = await sandbox.control.placeOrder(checkoutId);
    expect(placed).toMatchObject({ completed: true, priceSummary: { total: { amount: '40' } } });
    const afterOrder = await pointsOf('Johna Linskey');

    await sleep(450);
    const { items } = await admin.checkoutExchange
      .queryLoyaltyCheckoutDiscounts()
      .eq('checkoutId', checkoutId)
      .find();
    expect(items.map((item) => item.status)).toEqual(['COMPLETED']);
    expect(await pointsOf('Johna Linskey')).toEqual(afterOrder);
    expect((await sdkError(johna.checkout.removeCoupon(checkoutId))).status).toBe(428);
  });

  it('a checkout left past the timeout is refunded by itself, with the account webhooks', async () => {
    // The target survives resets: no webhooks for the exchange itself, only for what follows.
    await sandbox.control.setWebhookTarget(null);
    const { johna, checkoutId } = await johnaAtCheckout();
    const before = await pointsOf('Johna Linskey');
    await sandbox.control.setCheckoutTimeout(500);
    await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, {
      reward: { _id: REWARD_IDS.payWithStars, pointsToSpend: 120 },
    });
    await sandbox.control.setWebhookTarget(catcher.url);

    // No request reaches the sandbox while we wait: only its own timer can refund and announce it.
    const deadline = Date.now() + 5_000;
    while (catcher.caught.length === 0 && Date.now() < deadline) await sleep(25);
    expect(catcher.caught.length).toBeGreaterThan(0);

    expect(await pointsOf('Johna Linskey')).toEqual(before);
    const { items } = await johna.checkoutExchange
      .queryLoyaltyCheckoutDiscounts()
      .eq('status', 'REFUNDED_DUE_TO_TIMEOUT')
      .find();
    expect(items.map((item) => item.checkoutId)).toEqual([checkoutId]);
    expect((await totalOf(checkoutId))?.total?.amount).toBe('50');
    expect((await transactionsOf(DEMO_ACCOUNT_IDS.johna)).at(-1)).toMatchObject({
      type: 'REFUND',
      amount: 120,
    });
  });

  it('waits 30 minutes unless told otherwise, and a reset restores that', async () => {
    expect(await sandbox.control.call('GET', '/_sandbox/checkout-exchange')).toEqual({
      timeoutMs: 1_800_000,
    });
    await sandbox.control.setCheckoutTimeout(1000);
    await sandbox.control.reset();
    expect(await sandbox.control.call('GET', '/_sandbox/checkout-exchange')).toEqual({
      timeoutMs: 1_800_000,
    });
  });
});

describe('querying loyalty checkout discounts', () => {
  it('filters by checkout and by status; a member sees only their own', async () => {
    const { johna, checkoutId: first } = await johnaAtCheckout();
    const second = (await sandbox.control.createCheckout(DEMO_MEMBER_IDS.johna)).id;
    const elenas = (await sandbox.control.createCheckout(DEMO_MEMBER_IDS.elena)).id;
    await johna.checkoutExchange.applyDiscountToCheckout(first, { reward: { _id: REWARD_IDS.tenOff } });
    await johna.checkoutExchange.applyDiscountToCheckout(second, {
      reward: { _id: REWARD_IDS.freeShipping },
    });
    await johna.checkout.removeCoupon(second);
    await admin.checkoutExchange.applyDiscountToCheckout(elenas, { reward: { _id: REWARD_IDS.tenOff } });

    const bySecond = await johna.checkoutExchange
      .queryLoyaltyCheckoutDiscounts()
      .eq('checkoutId', second)
      .find();
    expect(bySecond.items.map((item) => [item.checkoutId, item.rewardId])).toEqual([
      [second, REWARD_IDS.freeShipping],
    ]);
    const applied = await johna.checkoutExchange
      .queryLoyaltyCheckoutDiscounts()
      .eq('status', 'APPLIED')
      .find();
    expect(applied.items.map((item) => item.checkoutId)).toEqual([first]);
    const everyone = await admin.checkoutExchange
      .queryLoyaltyCheckoutDiscounts()
      .eq('status', 'APPLIED')
      .find();
    expect(everyone.items.map((item) => item.checkoutId).sort()).toEqual([first, elenas].sort());
  });
});

describe('the checkout control endpoints', () => {
  it('make a basket for a member, list it, and refuse what makes no sense', async () => {
    const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.aigneis, [
      { name: 'Mug', price: '12.5', quantity: 2 },
    ]);
    expect(checkout).toMatchObject({
      buyerInfo: { memberId: DEMO_MEMBER_IDS.aigneis },
      priceSummary: { total: { amount: '25', formattedAmount: '$25.00' } },
    });
    expect((await sandbox.control.checkouts()).checkouts.map((c) => c.id)).toEqual([checkout.id]);

    const unknownMember = await sandbox.control.request('POST', '/_sandbox/checkouts', {
      memberId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownMember.status).toBe(404);
    expect((await sandbox.control.request('POST', '/_sandbox/checkouts', {})).status).toBe(400);
    const unknownOrder = await sandbox.control.request(
      'POST',
      '/_sandbox/checkouts/00000000-0000-4000-8000-000000000000/place-order',
    );
    expect(unknownOrder.status).toBe(404);
    await sandbox.control.placeOrder(checkout.id);
    const badTimeout = await sandbox.control.request('PUT', '/_sandbox/checkout-exchange', { timeoutMs: -1 });
    expect(badTimeout.status).toBe(400);
  });

  it('are emptied by a reset', async () => {
    const { johna, checkoutId } = await johnaAtCheckout();
    await johna.checkoutExchange.applyDiscountToCheckout(checkoutId, { reward: { _id: REWARD_IDS.tenOff } });
    await sandbox.control.reset();
    expect(await sandbox.control.checkouts()).toEqual({ checkouts: [], discounts: [] });
  });
});
