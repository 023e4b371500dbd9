import { EmbedHostPage } from './pages/embed-host-page';
import { expect, test } from './support/embed-fixtures';
import { sandbox } from './support/sandbox';

/**
 * Wix pays for orders by itself: an order placed in the sandbox pays the buyer the order rule's points for
 * its paid total, at their tier, once, and announces it with the account webhooks, so a card open on a
 * storefront of another site (third-party cookies blocked) follows without a reload.
 */

test.beforeEach(async () => {
  await sandbox.reset();
});

const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

test('an order placed in the sandbox pays exactly the rule’s points once, and the open card follows live', async ({
  page,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  // Both frames' event streams (card and earn) are open before the order, so its update cannot slip past.
  const bothStreamsOpen = host.eventStreamsOpen(2);
  await host.openSignedIn(allowedHost.origin, 'Johna Linskey');
  await bothStreamsOpen;
  const johna = await sandbox.member('Johna Linskey');
  const before = johna.account!.points.balance;
  await expect(host.card.getByTestId('balance')).toHaveText(number(before));
  const history = (await sandbox.transactions()).length;

  // Johna is Gold: 2 stars for every $1 of a $64 order.
  const checkout = await sandbox.createCheckout(johna.id, [
    { name: 'Trail flask', price: '32.00', quantity: 2 },
  ]);
  const placed = await Promise.all([sandbox.placeOrder(checkout.id), sandbox.placeOrder(checkout.id)]);
  await sandbox.placeOrder(checkout.id);

  await expect(host.card.getByTestId('balance')).toHaveText(number(before + 128), { timeout: 5_000 });
  await expect
    .poll(async () => (await host.eventsOfType('loyalty:points-changed')).map((event) => event.detail))
    .toContainEqual({ balance: before + 128 });
  const written = (await sandbox.transactions()).slice(history);
  expect(written).toEqual([
    expect.objectContaining({
      accountId: johna.account!.id,
      type: 'EARN',
      amount: 128,
      orderId: placed[0].order.id,
      description: `Order #${placed[0].order.number}`,
    }),
  ]);
  expect(placed[1].order).toEqual(placed[0].order);
  expect((await sandbox.member('Johna Linskey')).account!.points.balance).toBe(before + 128);
});
