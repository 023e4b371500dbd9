import type { FrameLocator } from '@playwright/test';
import { REWARD_IDS } from '@/lib/sandbox/seed-rewards';
import {
  applyReward,
  balanceOf,
  checkoutFrame,
  checkoutIn,
  checkoutPage,
  expect,
  listenForDiscounts,
  member,
  LANTERN,
  openJohnasCart,
  openWithTenOff,
  postFromFrame,
  removalsHeard,
  test,
  transactionsOf,
  widget,
} from './support/checkout-fixtures';
import { severeViolationsIn } from './support/axe-frame';
import { BASE_URL } from './support/env';
import { sandbox } from './support/sandbox';

/**
 * A checkout you can read and undo, embedded on a storefront on another site (third-party cookies blocked):
 * after an apply the view says what came off, in the checkout's money, and what it cost; Remove takes the
 * discount off, Wix gives the points back, and the host hears `loyalty:discount-removed`. Every figure is
 * checked against what the sandbox holds.
 */

const REMOVED = 'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL';

test.beforeEach(async ({ page }) => {
  await sandbox.reset();
  await listenForDiscounts(page);
});

const refundsOf = async (accountId: string) =>
  (await transactionsOf(accountId)).filter((transaction) => transaction.type === 'REFUND');
const discountOn = async (checkoutId: string) =>
  (await sandbox.checkouts()).discounts.find((discount) => discount.checkoutId === checkoutId);

/** The view once the discount is off: the refund's status, and the balance as it was before the apply. */
async function expectRemoved(view: FrameLocator, balance: number) {
  await expect(view.getByTestId('checkout-discount')).toHaveAttribute('data-status', REMOVED);
  await expect(view.getByTestId('checkout-balance')).toHaveAttribute('data-balance', String(balance));
  await expect(view.getByRole('button', { name: 'Remove' })).toHaveCount(0);
}

test('the demo cart: the view says what came off and what it cost; Remove gives both back, and the host hears it', async ({
  page,
  allowedHost,
  store,
}) => {
  const { johna, view, checkoutId, before } = await openJohnasCart(page, allowedHost, store);

  await applyReward(view, REWARD_IDS.tenOff);
  const applied = await checkoutIn(store, checkoutId);
  // What came off is the checkout's own figure in Wix, in its money; what it cost, the points Wix took.
  const off = Number(applied.checkout.appliedDiscounts?.[0]?.coupon?.amount?.amount);
  expect(off).toBe(before.total - applied.total);
  const discount = view.getByTestId('checkout-discount');
  await expect(discount.getByTestId('discount-amount-off')).toHaveAttribute('data-amount-off', String(off));
  await expect(discount.getByTestId('discount-amount-off')).toHaveText(`$${off.toFixed(2)} off this order`);
  const spent = johna.balance - (await balanceOf('Johna Linskey'));
  await expect(discount.getByTestId('discount-cost')).toHaveText(`Paid with ${spent} stars`);
  await expect(view.getByTestId('checkout-total')).toHaveText(`Order total: $${applied.total.toFixed(2)}`);
  await expect(page.getByTestId('cart-total')).toHaveText(`$${applied.total.toFixed(2)}`);

  await discount.getByRole('button', { name: 'Remove' }).click();

  await expectRemoved(view, johna.balance);
  await expect(view.getByTestId('checkout-status')).toHaveText(
    'Removed: your stars are back on your balance.',
  );
  await expect(view.getByTestId('checkout-total')).toHaveText(`Order total: $${before.total.toFixed(2)}`);
  expect(await balanceOf('Johna Linskey')).toBe(johna.balance);
  expect((await checkoutIn(store, checkoutId)).total).toBe(before.total);
  const removed = await discountOn(checkoutId);
  expect(removed?.status).toBe(REMOVED);
  expect((await refundsOf(johna.accountId)).map((refund) => refund.amount)).toEqual([spent]);
  await expect
    .poll(() => removalsHeard(page))
    .toEqual([{ checkoutId, discountId: removed!.id, status: REMOVED }]);
  // The storefront read its total again from Wix, and the checkout takes points again.
  await expect(page.getByTestId('cart-total')).toHaveText(`$${before.total.toFixed(2)}`);
  await expect(view.getByTestId(`checkout-reward-${REWARD_IDS.tenOff}`)).toBeVisible();
});

test('a double click on Remove refunds once, and a repeat is told there is nothing left to remove', async ({
  page,
  allowedHost,
}) => {
  const elena = await member('Elena Rodriguez');
  const { checkout, view } = await openWithTenOff(page, allowedHost, 'remove-twice', elena.id, LANTERN);
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/embed/api/checkout-remove')) posts.push(request.method());
  });

  await view.getByRole('button', { name: 'Remove' }).dblclick();

  await expectRemoved(view, elena.balance);
  expect(posts).toEqual(['POST']);
  expect(await refundsOf(elena.accountId)).toHaveLength(1);
  expect(await balanceOf('Elena Rodriguez')).toBe(elena.balance);
  await expect.poll(() => removalsHeard(page)).toHaveLength(1);
  expect(await postFromFrame(checkoutFrame(page), 'checkout-remove', { checkoutId: checkout.id })).toEqual({
    status: 409,
    ok: false,
    code: 'NO_DISCOUNT_TO_REMOVE',
  });
  expect(await refundsOf(elena.accountId)).toHaveLength(1);
});

test('a removal on another member’s checkout changes nothing, and nothing posted gives a 500', async ({
  page,
  allowedHost,
  store,
}) => {
  const elena = await member('Elena Rodriguez');
  const johna = await member('Johna Linskey');
  const { checkout: elenas } = await openWithTenOff(page, allowedHost, 'elena', elena.id, LANTERN);
  const totalBefore = (await checkoutIn(store, elenas.id)).total;
  const transactionsBefore = await sandbox.transactions();
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(BASE_URL)) statuses.push(response.status());
  });

  // Johna's own checkout page, posting Elena's checkout id.
  const own = await sandbox.createCheckout(johna.id, [{ name: 'Tent', price: 120 }]);
  await page.goto(await checkoutPage(allowedHost, 'forged-remove', johna.id, own.id));
  await expect(widget(page).getByTestId('checkout-balance')).toBeVisible();
  const frame = checkoutFrame(page);
  expect(await postFromFrame(frame, 'checkout-remove', { checkoutId: elenas.id })).toEqual({
    status: 404,
    ok: false,
    code: 'CHECKOUT_NOT_FOUND',
  });
  for (const body of [{ checkoutId: 'not-a-checkout' }, {}, 'remove', { checkoutId: 7 }]) {
    expect(await postFromFrame(frame, 'checkout-remove', body)).toMatchObject({
      status: 400,
      code: 'MALFORMED_REQUEST',
    });
  }

  expect((await discountOn(elenas.id))?.status).toBe('APPLIED');
  expect((await checkoutIn(store, elenas.id)).total).toBe(totalBefore);
  expect(await balanceOf('Elena Rodriguez')).toBe(elena.balance - 200);
  expect(await balanceOf('Johna Linskey')).toBe(johna.balance);
  expect(await sandbox.transactions()).toEqual(transactionsBefore);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
});

test('a checkout already placed as an order keeps its discount, and the view says why', async ({
  page,
  allowedHost,
}) => {
  const elena = await member('Elena Rodriguez');
  // No live update may redraw the view: it must still offer Remove, drawn before the order was placed.
  await sandbox.withoutWebhooks(async () => {
    const { checkout, view } = await openWithTenOff(page, allowedHost, 'placed', elena.id, LANTERN);
    await sandbox.placeOrder(checkout.id);
    const transactionsBefore = await transactionsOf(elena.accountId);

    await view.getByRole('button', { name: 'Remove' }).click();

    await expect(view.getByTestId('checkout-status')).toHaveText(
      'This order has been placed, so its discount stays.',
    );
    await expect(view.getByTestId('checkout-discount')).toHaveAttribute('data-status', 'COMPLETED');
    await expect(view.getByRole('button', { name: 'Remove' })).toHaveCount(0);
    expect((await discountOn(checkout.id))?.status).toBe('COMPLETED');
    expect(await transactionsOf(elena.accountId)).toEqual(transactionsBefore);
    expect(await removalsHeard(page)).toEqual([]);
  });
});

for (const [locale, apply, remove, name] of [
  ['en', 'Apply', 'Remove', 'Johna Linskey'],
  ['he', 'מימוש', 'הסרה', 'Elena Rodriguez'],
] as const) {
  test(`the applied view, with what came off, its cost and Remove, is axe-clean in ${locale}`, async ({
    page,
    allowedHost,
  }) => {
    test.setTimeout(120_000);
    const shopper = await member(name);
    const { view } = await openWithTenOff(page, allowedHost, `a11y-${locale}`, shopper.id, LANTERN, {
      locale,
      apply,
    });
    await expect(view.getByTestId('discount-amount-off')).toBeVisible();
    await expect(view.getByTestId('discount-cost')).toBeVisible();
    await expect(view.getByRole('button', { name: remove })).toBeVisible();
    expect(await severeViolationsIn(page, 'iframe[title="Loyalty points at checkout"]')).toEqual([]);
  });
}
