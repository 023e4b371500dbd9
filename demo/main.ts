/**
 * `npm run demo:host`: a sample storefront on http://127.0.0.1:5173 that embeds the widget from the app on
 * http://localhost:3000 (different sites, so the browser treats the widget as a cross-site iframe); /launcher
 * shows it as a floating button instead. With EMBED_SSO_SECRET set, /sso?member=<Wix member id> shows it
 * signed in by a storefront token.
 */
import { mintMemberToken } from './member-token';
import { startHostServer } from './host-server';
import { launcherPage } from './launcher-page';
import { storefrontPage } from './storefront-page';

const port = Number(process.env.DEMO_HOST_PORT ?? 5173);
const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:3000';
const secret = process.env.EMBED_SSO_SECRET;

const host = await startHostServer({
  port,
  pages: async (url) => {
    if (url.pathname === '/') return storefrontPage({ appOrigin });
    if (url.pathname === '/launcher') return launcherPage({ appOrigin });
    if (url.pathname === '/sso' && secret) {
      const memberId = url.searchParams.get('member') ?? '';
      const audience = process.env.EMBED_SSO_AUDIENCE ?? appOrigin;
      return storefrontPage({
        appOrigin,
        memberToken: await mintMemberToken({ secret, memberId, audience }),
      });
    }
    return null;
  },
});
console.log(`Demo storefront on ${host.origin}, embedding the widget from ${appOrigin}`);
if (!secret) console.log('Set EMBED_SSO_SECRET (the same as the app) to try /sso?member=<Wix member id>.');
