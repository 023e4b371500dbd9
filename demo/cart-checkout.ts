import { ApiKeyStrategy, createClient } from '@wix/sdk';
import { checkout } from '@wix/ecom';

/** What the cart page shows of a checkout: its lines and its total, as the storefront's server reads them. */
export type CartLine = { name: string; quantity: number; price: string };
export type CartSummary = { checkoutId: string; lines: CartLine[]; total: string; currency: string };

/** The demo cart: a few of the storefront's goods, priced as the storefront prices them. */
export const DEMO_CART = [
  { name: 'Trail flask', quantity: 1, price: '24.00' },
  { name: 'Wool beanie', quantity: 1, price: '32.00' },
  { name: 'Camp mug', quantity: 2, price: '18.00' },
] as const;

export type StoreClient = ReturnType<typeof storeClient>;

/** The storefront's own eCommerce client: its API key, on its server, never in a page. */
export function storeClient({ apiKey, siteId }: { apiKey: string; siteId: string }) {
  return createClient({ modules: { checkout }, auth: ApiKeyStrategy({ apiKey, siteId }) });
}

function toSummary(wix: checkout.Checkout): CartSummary {
  return {
    checkoutId: wix._id ?? '',
    lines: (wix.lineItems ?? []).map((line) => ({
      name: line.productName?.original ?? '',
      quantity: line.quantity ?? 1,
      price: line.price?.amount ?? '0',
    })),
    total: wix.priceSummary?.total?.amount ?? '0',
    currency: wix.currency ?? 'USD',
  };
}

/** A new checkout of the demo cart for a signed-in shopper: the widget then spends that member's points on it. */
export async function createCartCheckout(client: StoreClient, memberId: string): Promise<CartSummary> {
  const created = await client.checkout.createCheckout({
    channelType: 'WEB',
    checkoutInfo: { buyerInfo: { memberId } },
    customLineItems: DEMO_CART.map((line) => ({
      quantity: line.quantity,
      price: line.price,
      productName: { original: line.name },
      itemType: { preset: 'PHYSICAL' as const },
      descriptionLines: [],
    })),
  });
  return toSummary(created);
}

export async function readCartCheckout(client: StoreClient, checkoutId: string): Promise<CartSummary> {
  return toSummary(await client.checkout.getCheckout(checkoutId));
}
