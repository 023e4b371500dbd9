/**
 * `npm run demo:host`: a sample storefront on http://127.0.0.1:5173 that embeds the widget from the app on
 * http://localhost:3000 (different sites, so the browser treats the widget as a cross-site iframe); /launcher
 * shows it as a floating button instead. With EMBED_SSO_SECRET set, /sso?member=<Wix member id> (and
 * /launcher?member=…) shows it signed in by a storefront token, and /cart?member=<Wix member id> opens a checkout for that member with
 * the widget's checkout view beside it. /product is a product page with the earn preview under the price
 * (signed in with /product?member=…). The cart talks to Wix with WIX_API_KEY and WIX_SITE_ID, or to the
 * local sandbox when they are not set.
 */
import { routeWixTrafficToSandbox } from '@/lib/sandbox/route-wix-traffic';
import { SANDBOX_DEFAULT_API_KEY, SANDBOX_SITE_ID } from '@/lib/sandbox/identity';
import { storeClient } from './cart-checkout';
import { cartRoutes } from './cart-routes';
import { mintMemberToken } from './member-token';
import { startHostServer } from './host-server';
import { launcherPage } from './launcher-page';
import { productPage } from './product-page';
import { escape, storefrontPage } from './storefront-page';

const port = Number(process.env.DEMO_HOST_PORT ?? 5173);
const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:3000';
const secret = process.env.EMBED_SSO_SECRET;
const audience = process.env.EMBED_SSO_AUDIENCE ?? appOrigin;

function storeForCart() {
  const { WIX_API_KEY: apiKey, WIX_SITE_ID: siteId } = process.env;
  if (apiKey && siteId) return storeClient({ apiKey, siteId });
  routeWixTrafficToSandbox(`http://127.0.0.1:${process.env.WIX_SANDBOX_PORT ?? 4010}`);
  return storeClient({
    apiKey: process.env.WIX_SANDBOX_API_KEY ?? SANDBOX_DEFAULT_API_KEY,
    siteId: SANDBOX_SITE_ID,
  });
}
const cart = secret ? cartRoutes({ appOrigin, secret, audience, store: storeForCart() }) : null;

const host = await startHostServer({
  port,
  pages: async (url) => {
    if (url.pathname === '/') return storefrontPage({ appOrigin });
    if (url.pathname === '/launcher') {
      const memberId = url.searchParams.get('member');
      if (!memberId || !secret) return launcherPage({ appOrigin });
      const memberToken = await mintMemberToken({ secret, memberId, audience });
      return launcherPage({ appOrigin, attributes: ` data-member-token="${escape(memberToken)}"` });
    }
    if (url.pathname === '/product') {
      const memberId = url.searchParams.get('member');
      if (!memberId || !secret) return productPage({ appOrigin });
      return productPage({ appOrigin, memberToken: await mintMemberToken({ secret, memberId, audience }) });
    }
    if (url.pathname.startsWith('/cart') && cart) return cart(url);
    if (url.pathname === '/sso' && secret) {
      const memberId = url.searchParams.get('member') ?? '';
      return storefrontPage({
        appOrigin,
        memberToken: await mintMemberToken({ secret, memberId, audience }),
      });
    }
    return null;
  },
});
console.log(`Demo storefront on ${host.origin}, embedding the widget from ${appOrigin}`);
if (!secret) {
  console.log(
    'Set EMBED_SSO_SECRET (the same as the app) to try /sso, /cart, /launcher and /product with ?member=<Wix member id>.',
  );
}
