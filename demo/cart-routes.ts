import { createCartCheckout, readCartCheckout, type StoreClient } from './cart-checkout';
import { cartPage, chooseShopperPage, formatTotal } from './cart-page';
import { mintMemberToken } from './member-token';

export type CartRoutesOptions = {
  appOrigin: string;
  /** `EMBED_SSO_SECRET`: the cart signs its shopper into the widget, as the /sso page does. */
  secret: string;
  audience: string;
  store: StoreClient;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/cart?member=<Wix member id>`: a new checkout for that member, shown with the checkout widget; and
 * `/cart/total?checkout=<id>`: that checkout's total as Wix has it now, for the page to show after a discount.
 */
export function cartRoutes({ appOrigin, secret, audience, store }: CartRoutesOptions) {
  return async (url: URL): Promise<string | null> => {
    if (url.pathname === '/cart') {
      const memberId = url.searchParams.get('member') ?? '';
      if (!GUID.test(memberId)) return chooseShopperPage();
      const [cart, memberToken] = await Promise.all([
        createCartCheckout(store, memberId),
        mintMemberToken({ secret, memberId, audience }),
      ]);
      return cartPage({ appOrigin, cart, memberToken });
    }
    if (url.pathname === '/cart/total') {
      const checkoutId = url.searchParams.get('checkout') ?? '';
      if (!GUID.test(checkoutId)) return null;
      const cart = await readCartCheckout(store, checkoutId);
      return formatTotal(cart.total, cart.currency);
    }
    return null;
  };
}
