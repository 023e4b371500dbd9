import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { completeCheckout, toRestDiscount } from './checkout-discounts';
import { toRestCheckout } from './checkout-records';
import { parseControlBody } from './control';
import { createCheckout, requireCheckout } from './ecom-checkouts';
import { awardOrder } from './order-award';
import { payReferral } from './referral-award';
import type { RequestContext, Router } from './router';

/** Control endpoints for checkouts: a quick basket for a member, placing its order, and the exchange timeout. */

const basketSchema = z.object({
  memberId: z.guid(),
  lineItems: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        price: z.union([z.number().min(0), z.string()]),
        quantity: z.int().min(1).max(100_000).default(1),
      }),
    )
    .min(1)
    .default([{ name: 'Demo order', price: 50, quantity: 1 }]),
});

const timeoutSchema = z.object({
  timeoutMs: z
    .int()
    .min(0)
    .max(7 * 24 * 60 * 60 * 1000),
});

/** A checkout for a demo member, made as an app would make it with Create Checkout. */
function createBasket(ctx: RequestContext) {
  const { memberId, lineItems } = parseControlBody(ctx, basketSchema);
  const checkout = createCheckout(
    ctx.sandbox.state,
    { kind: 'app' },
    {
      channelType: 'WEB',
      checkoutInfo: { buyerInfo: { memberId } },
      customLineItems: lineItems.map((item) => ({
        productName: { original: item.name },
        price: String(item.price),
        quantity: item.quantity,
        itemType: { preset: 'PHYSICAL' },
      })),
    },
  );
  return { json: { checkout: toRestCheckout(checkout) } };
}

/** Order numbers as a shopper sees them, after the seeded history's. */
const FIRST_ORDER_NUMBER = 10_001;

/**
 * What happens when the shopper pays: the checkout becomes an order, its loyalty discount is spent, and Wix
 * pays the order rule's points for it (`order-award.ts`) and, for a referred friend's first order, the referrer
 * (`referral-award.ts`). Placing an order that was already placed answers
 * with that order and changes nothing, so a retried call never pays twice.
 */
function placeOrder(ctx: RequestContext) {
  const { state } = ctx.sandbox;
  const checkout = requireCheckout(state, ctx.params.id ?? '');
  if (!checkout.order) {
    const placed = state.checkouts.filter((candidate) => candidate.order).length;
    checkout.order = { id: randomUUID(), number: String(FIRST_ORDER_NUMBER + placed) };
    completeCheckout(state, checkout);
    awardOrder(state, checkout);
    payReferral(state, checkout);
  }
  return { json: { checkout: toRestCheckout(checkout), order: checkout.order } };
}

export function registerCheckoutControlRoutes(router: Router): void {
  router
    .add('GET', '/_sandbox/checkouts', (ctx) => ({
      json: {
        checkouts: ctx.sandbox.state.checkouts.map(toRestCheckout),
        discounts: ctx.sandbox.state.checkoutDiscounts.map(toRestDiscount),
      },
    }))
    .add('POST', '/_sandbox/checkouts', createBasket)
    .add('POST', '/_sandbox/checkouts/:id/place-order', placeOrder)
    .add('GET', '/_sandbox/checkout-exchange', (ctx) => ({
      json: { timeoutMs: ctx.sandbox.checkoutExchange.timeoutMs },
    }))
    .add('PUT', '/_sandbox/checkout-exchange', (ctx) => {
      ctx.sandbox.checkoutExchange.timeoutMs = parseControlBody(ctx, timeoutSchema).timeoutMs;
      return { json: { timeoutMs: ctx.sandbox.checkoutExchange.timeoutMs } };
    });
}
