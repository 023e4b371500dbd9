import type { FrameLocator, Page } from '@playwright/test';
import { widgetPage } from '@/demo/storefront-page';
import { REWARD_IDS } from '@/lib/sandbox/seed-rewards';
import {
  applyReward,
  balanceOf,
  checkoutFrame,
  checkoutIn,
  checkoutPage,
  discountsHeard,
  expect,
  listenForDiscounts,
  member,
  LANTERN,
  openCheckout,
  openJohnasCart,
  openWithTenOff,
  postFromFrame,
  test,
  transactionsOf,
  widget,
} from './support/checkout-fixtures';
import { BASE_URL } from './support/env';
import { sandbox } from './support/sandbox';

/**
 * Points at checkout, embedded on a storefront on another site (third-party cookies blocked): the member
 * applies a reward, a coupon or flexible points to their own checkout, the checkout's total in Wix drops by
 * exactly that, and the host page hears `loyalty:discount-applied`. A repeat, someone else's checkout and a
 * refund are checked against what the sandbox holds, never against what the widget says.
 */

test.beforeEach(async ({ page }) => {
  await sandbox.reset();
  await listenForDiscounts(page);
});

/** The host page asks every widget to load again, as `window.LoyaltyWidget.refresh()` does for a site. */
async function refreshWidgets(page: Page) {
  await page.evaluate(() =>
    (window as unknown as { LoyaltyWidget: { refresh(): void } }).LoyaltyWidget.refresh(),
  );
}

/** After a refund the widget shows the refund's status and the balance as it was before the apply. */
async function expectRefunded(view: FrameLocator, status: string, balance: number) {
  await expect(view.getByTestId('checkout-discount')).toHaveAttribute('data-status', status);
  await expect(view.getByTestId('checkout-balance')).toHaveAttribute('data-balance', String(balance));
}

const postApply = (frame: Parameters<typeof postFromFrame>[0], body: Record<string, unknown>) =>
  postFromFrame(frame, 'checkout-apply', body);

test('the demo cart: a reward takes exactly its value off the checkout in Wix, and the host hears it', async ({
  page,
  allowedHost,
  store,
}) => {
  const { johna, view, checkoutId, before } = await openJohnasCart(page, allowedHost, store);
  const transactionsBefore = await transactionsOf(johna.accountId);

  await view
    .getByTestId(`checkout-reward-${REWARD_IDS.tenOff}`)
    .getByRole('button', { name: 'Apply' })
    .click();

  await expect(view.getByTestId('checkout-discount')).toHaveAttribute('data-status', 'APPLIED');
  const after = await checkoutIn(store, checkoutId);
  expect(after.total).toBe(before.total - 10);
  expect(await balanceOf('Johna Linskey')).toBe(johna.balance - 200);
  expect((await transactionsOf(johna.accountId)).length).toBe(transactionsBefore.length + 1);
  await expect(view.getByTestId('checkout-balance')).toHaveAttribute(
    'data-balance',
    String(johna.balance - 200),
  );

  const { discounts } = await sandbox.checkouts();
  const applied = discounts.filter((discount) => discount.checkoutId === checkoutId);
  expect(applied).toHaveLength(1);
  await expect
    .poll(() => discountsHeard(page))
    .toEqual([{ checkoutId, discountId: applied[0]!.id, status: 'APPLIED' }]);
  // The storefront read its total again from Wix.
  await expect(page.getByTestId('cart-total')).toHaveText(`$${(before.total - 10).toFixed(2)}`);
});

test('a double click and two simultaneous applies spend once', async ({ page, allowedHost }) => {
  const johna = await member('Johna Linskey');
  const { checkout: first, view } = await openCheckout(page, allowedHost, 'double', johna.id, {
    name: 'Tent',
    price: 120,
  });
  const before = await transactionsOf(johna.accountId);

  await applyReward(view, REWARD_IDS.tenOff, 'dblclick');
  // Once it holds the checkout, nothing more is offered, and a post anyway is refused.
  await expect(view.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  const again = await postApply(checkoutFrame(page), { checkoutId: first.id, rewardId: REWARD_IDS.tenOff });
  expect(again).toEqual({ status: 409, ok: false, code: 'DISCOUNT_ALREADY_APPLIED' });

  // Two widgets (or tabs) posting at the same moment for a fresh checkout: one goes through.
  const second = await sandbox.createCheckout(johna.id, [{ name: 'Stove', price: 80 }]);
  const frame = checkoutFrame(page);
  const both = await Promise.all([
    postApply(frame, { checkoutId: second.id, rewardId: REWARD_IDS.tenOff }),
    postApply(frame, { checkoutId: second.id, rewardId: REWARD_IDS.tenOff }),
  ]);
  expect(both.filter((reply) => reply.ok)).toHaveLength(1);
  expect(both.find((reply) => !reply.ok)?.code).toMatch(
    /^(REDEMPTION_IN_PROGRESS|DISCOUNT_ALREADY_APPLIED)$/,
  );

  expect(await balanceOf('Johna Linskey')).toBe(johna.balance - 2 * 200);
  expect((await transactionsOf(johna.accountId)).length).toBe(before.length + 2);
  const { discounts } = await sandbox.checkouts();
  expect(discounts.filter((d) => d.checkoutId === second.id)).toHaveLength(1);
});

test('another member’s checkout id spends nothing and reveals nothing', async ({
  page,
  allowedHost,
  store,
}) => {
  const johna = await member('Johna Linskey');
  const elena = await member('Elena Rodriguez');
  const elenasCheckout = await sandbox.createCheckout(elena.id, [{ name: 'Lantern', price: 60 }]);
  const totalBefore = (await checkoutIn(store, elenasCheckout.id)).total;
  const transactionsBefore = await sandbox.transactions();
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(BASE_URL)) statuses.push(response.status());
  });

  await page.goto(await checkoutPage(allowedHost, 'forged', johna.id, elenasCheckout.id));
  const view = widget(page);
  await expect(view.getByTestId('no-checkout')).toBeVisible();
  await expect(view.getByText('Lantern')).toHaveCount(0);

  const frame = checkoutFrame(page);
  for (const body of [
    { checkoutId: elenasCheckout.id, rewardId: REWARD_IDS.tenOff },
    { checkoutId: elenasCheckout.id, pointsToSpend: 100 },
  ]) {
    expect(await postApply(frame, body)).toEqual({ status: 404, ok: false, code: 'CHECKOUT_NOT_FOUND' });
  }
  expect(await postApply(frame, { checkoutId: 'not-a-checkout', pointsToSpend: 100 })).toMatchObject({
    status: 400,
    code: 'MALFORMED_REQUEST',
  });

  expect(await balanceOf('Johna Linskey')).toBe(johna.balance);
  expect(await balanceOf('Elena Rodriguez')).toBe(elena.balance);
  expect(await sandbox.transactions()).toEqual(transactionsBefore);
  expect((await checkoutIn(store, elenasCheckout.id)).total).toBe(totalBefore);
  expect((await sandbox.checkouts()).discounts).toEqual([]);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
});

test('a checkout id that is not one shows the no-checkout state', async ({ page, allowedHost }) => {
  const johna = await member('Johna Linskey');
  await page.goto(await checkoutPage(allowedHost, 'malformed', johna.id, '"><b>x</b>'));
  await expect(widget(page).getByTestId('no-checkout')).toBeVisible();
  await expect(widget(page).getByRole('button', { name: 'Apply' })).toHaveCount(0);
});

test('removing the discount gives the points back, and the widget shows it after a refresh', async ({
  page,
  allowedHost,
  store,
}) => {
  const johna = await member('Johna Linskey');
  const { checkout, view } = await openWithTenOff(page, allowedHost, 'removed', johna.id);
  expect(await balanceOf('Johna Linskey')).toBe(johna.balance - 200);

  await store.checkout.removeCoupon(checkout.id);
  expect(await balanceOf('Johna Linskey')).toBe(johna.balance);
  expect((await checkoutIn(store, checkout.id)).total).toBe(120);

  await refreshWidgets(page);
  await expectRefunded(view, 'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL', johna.balance);
  // The checkout is free again: the member may apply something else.
  await expect(view.getByTestId(`checkout-reward-${REWARD_IDS.tenOff}`)).toBeVisible();
});

test('a checkout left unpaid is refunded after the timeout', async ({ page, allowedHost }) => {
  await sandbox.setCheckoutTimeout(1_500);
  const elena = await member('Elena Rodriguez');
  const { checkout, view } = await openWithTenOff(page, allowedHost, 'timeout', elena.id, LANTERN);
  expect(await balanceOf('Elena Rodriguez')).toBe(elena.balance - 200);

  await expect
    .poll(
      async () => (await sandbox.checkouts()).discounts.find((d) => d.checkoutId === checkout.id)?.status,
      {
        timeout: 10_000,
      },
    )
    .toBe('REFUNDED_DUE_TO_TIMEOUT');
  expect(await balanceOf('Elena Rodriguez')).toBe(elena.balance);
  await refreshWidgets(page);
  await expectRefunded(view, 'REFUNDED_DUE_TO_TIMEOUT', elena.balance);
});

test('flexible points: the chosen number of points takes its value off the checkout', async ({
  page,
  allowedHost,
  store,
}) => {
  const johna = await member('Johna Linskey');
  const { checkout, view } = await openCheckout(page, allowedHost, 'flexible', johna.id, {
    name: 'Tent',
    price: 120,
  });
  const flexible = view.getByTestId('checkout-flexible');
  // 10 stars a dollar: the most worth spending is what brings $120 to zero.
  await expect(flexible.locator('input[type="range"]')).toHaveAttribute('max', '1200');

  await flexible.getByTestId('flexible-number').fill('350');
  await expect(flexible.getByTestId('flexible-gives')).toHaveText('350 stars take $35.00 off this order.');
  await expect(flexible.locator('input[type="range"]')).toHaveValue('350');
  await flexible.getByRole('button', { name: 'Apply stars' }).click();

  await expect(view.getByTestId('checkout-discount')).toHaveAttribute('data-status', 'APPLIED');
  expect((await checkoutIn(store, checkout.id)).total).toBe(120 - 35);
  expect(await balanceOf('Johna Linskey')).toBe(johna.balance - 350);
  await expect
    .poll(() => discountsHeard(page))
    .toMatchObject([{ checkoutId: checkout.id, status: 'APPLIED' }]);
});

test('points out of range are refused and spend nothing', async ({ page, allowedHost }) => {
  const elena = await member('Elena Rodriguez');
  const checkout = await sandbox.createCheckout(elena.id, [{ name: 'Lantern', price: 60 }]);
  await page.goto(await checkoutPage(allowedHost, 'range', elena.id, checkout.id));
  await expect(widget(page).getByTestId('checkout-flexible')).toBeVisible();
  const frame = checkoutFrame(page);
  expect(
    await postApply(frame, { checkoutId: checkout.id, pointsToSpend: elena.balance + 10 }),
  ).toMatchObject({
    ok: false,
    code: 'NOT_ENOUGH_POINTS',
  });
  expect(await postApply(frame, { checkoutId: checkout.id, pointsToSpend: 15 })).toMatchObject({
    ok: false,
    code: 'POINTS_OUT_OF_RANGE',
  });
  expect(await balanceOf('Elena Rodriguez')).toBe(elena.balance);
  expect((await sandbox.checkouts()).discounts).toEqual([]);
});

test('a visitor is asked to sign in', async ({ page, allowedHost }) => {
  const url = allowedHost.serve(
    '/checkout/visitor',
    widgetPage(BASE_URL, '<div data-loyalty-widget data-view="checkout"></div>'),
  );
  await page.goto(url);
  await expect(widget(page).getByTestId('checkout-points')).toHaveAttribute('data-signed-in', 'false');
  await expect(widget(page).getByRole('button', { name: 'Sign in' })).toBeVisible();
});

// Last in this file: the app remembers the refusal for five minutes, so later applies of this server go to the
// API key at once (which the sandbox accepts, as Wix would).
test('a site that refuses the member’s token for the exchange: the API key applies, the same reply and event', async ({
  page,
  allowedHost,
  store,
}) => {
  await sandbox.denyPermissions([
    { method: 'checkoutExchange.applyDiscountToCheckout', identity: 'member' },
    { method: 'checkoutExchange.queryLoyaltyCheckoutDiscounts', identity: 'member' },
  ]);
  const johna = await member('Johna Linskey');
  const { checkout, view } = await openWithTenOff(page, allowedHost, 'refused', johna.id);

  expect((await checkoutIn(store, checkout.id)).total).toBe(120 - 10);
  expect(await balanceOf('Johna Linskey')).toBe(johna.balance - 200);
  await expect(view.getByTestId('checkout-balance')).toHaveAttribute(
    'data-balance',
    String(johna.balance - 200),
  );
  const { discounts } = await sandbox.checkouts();
  expect(discounts).toMatchObject([{ checkoutId: checkout.id, status: 'APPLIED' }]);
  await expect
    .poll(() => discountsHeard(page))
    .toEqual([{ checkoutId: checkout.id, discountId: discounts[0]!.id, status: 'APPLIED' }]);

  const again = await postApply(checkoutFrame(page), {
    checkoutId: checkout.id,
    rewardId: REWARD_IDS.tenOff,
  });
  expect(again).toEqual({ status: 409, ok: false, code: 'DISCOUNT_ALREADY_APPLIED' });
  expect((await sandbox.checkouts()).discounts).toHaveLength(1);
});
