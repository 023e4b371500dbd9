import type { Frame, FrameLocator, Page } from '@playwright/test';
import { storeClient, type StoreClient } from '@/demo/cart-checkout';
import { cartRoutes } from '@/demo/cart-routes';
import { startHostServer } from '@/demo/host-server';
import { mintMemberToken } from '@/demo/member-token';
import { escape, widgetPage } from '@/demo/storefront-page';
import { SANDBOX_DEFAULT_API_KEY, SANDBOX_SITE_ID } from '@/lib/sandbox/identity';
import { routeWixTrafficToSandbox } from '@/lib/sandbox/route-wix-traffic';
import { REWARD_IDS } from '@/lib/sandbox/seed-rewards';
import { expect, test as base, type HostSite } from './embed-fixtures';
import { BASE_URL, E2E_HOST_PORT, E2E_SSO_SECRET, SANDBOX_ORIGIN } from './env';
import { sandbox } from './sandbox';

/**
 * Points at checkout on a storefront of another site: the allowed host also serves the demo's cart routes,
 * with the storefront's own eCommerce client (its API key, reaching the sandbox through the same routing as
 * the app), and the helpers the checkout specs share.
 */
export const test = base.extend<object, { store: StoreClient; allowedHost: HostSite }>({
  store: [
    async ({}, provide) => {
      routeWixTrafficToSandbox(SANDBOX_ORIGIN);
      await provide(storeClient({ apiKey: SANDBOX_DEFAULT_API_KEY, siteId: SANDBOX_SITE_ID }));
    },
    { scope: 'worker' },
  ],
  allowedHost: [
    async ({ store }, provide) => {
      const pages = new Map<string, string>();
      const cart = cartRoutes({ appOrigin: BASE_URL, secret: E2E_SSO_SECRET, audience: BASE_URL, store });
      const running = await startHostServer({
        port: E2E_HOST_PORT,
        pages: (url) => (url.pathname.startsWith('/cart') ? cart(url) : (pages.get(url.pathname) ?? null)),
      });
      await provide({
        origin: running.origin,
        serve(pathname, html) {
          pages.set(pathname, html);
          return `${running.origin}${pathname}`;
        },
      });
      await running.close();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** What the host page heard of a discount: `loyalty:discount-applied` or `loyalty:discount-removed`. */
export type DiscountHeard = { checkoutId?: string; discountId?: string; status?: string };

/** Before each test's pages load: the host page records the discount events it hears, by type. */
export async function listenForDiscounts(page: Page) {
  await page.context().addInitScript(() => {
    if (window !== window.top) return;
    const heard: Record<string, unknown[]> = { applied: [], removed: [] };
    Object.assign(window, { __discounts: heard.applied, __removed: heard.removed });
    for (const type of ['applied', 'removed']) {
      document.addEventListener(`loyalty:discount-${type}`, (event) =>
        heard[type]!.push((event as CustomEvent).detail),
      );
    }
  });
}

export const discountsHeard = (page: Page) =>
  page.evaluate(() => (window as unknown as { __discounts: DiscountHeard[] }).__discounts);
export const removalsHeard = (page: Page) =>
  page.evaluate(() => (window as unknown as { __removed: DiscountHeard[] }).__removed);

export const widget = (page: Page): FrameLocator =>
  page.frameLocator('iframe[title="Loyalty points at checkout"]');

export async function member(name: string) {
  const found = await sandbox.member(name);
  return { id: found.id, accountId: found.account!.id, balance: found.account!.points.balance };
}

export const balanceOf = async (name: string) => (await sandbox.member(name)).account!.points.balance;
export const transactionsOf = async (accountId: string) =>
  (await sandbox.transactions()).filter((transaction) => transaction.accountId === accountId);

export async function checkoutIn(store: StoreClient, checkoutId: string) {
  const checkout = await store.checkout.getCheckout(checkoutId);
  return { total: Number(checkout.priceSummary?.total?.amount), checkout };
}

/**
 * The demo cart of Johna (who can pay for anything here) on the storefront, with its checkout view signed in:
 * her account before anything, the checkout's id and its figures in Wix.
 */
export async function openJohnasCart(page: Page, host: HostSite, store: StoreClient) {
  const johna = await member('Johna Linskey');
  await page.goto(`${host.origin}/cart?member=${johna.id}`);
  const view = widget(page);
  await expect(view.getByTestId('checkout-points')).toHaveAttribute('data-signed-in', 'true');
  const checkoutId = (await page.locator('[data-checkout-id]').getAttribute('data-checkout-id'))!;
  const before = await checkoutIn(store, checkoutId);
  await expect(page.getByTestId('cart-total')).toHaveText(`$${before.total.toFixed(2)}`);
  return { johna, view, checkoutId, before };
}

/** A page with just the checkout view for `memberId`, signed in by a storefront token. */
export async function checkoutPage(
  host: HostSite,
  name: string,
  memberId: string,
  checkoutId: string,
  locale = 'en',
) {
  const token = await mintMemberToken({ secret: E2E_SSO_SECRET, memberId, audience: BASE_URL });
  return host.serve(
    `/checkout/${name}`,
    widgetPage(
      BASE_URL,
      `<div data-loyalty-widget data-view="checkout" data-locale="${escape(locale)}" data-checkout-id="${escape(checkoutId)}" data-member-token="${token}"></div>`,
    ),
  );
}

/** A new checkout of one line for this member, and the page showing its checkout view. */
export async function openCheckout(
  page: Page,
  host: HostSite,
  name: string,
  memberId: string,
  line: { name: string; price: number },
  locale = 'en',
) {
  const checkout = await sandbox.createCheckout(memberId, [line]);
  await page.goto(await checkoutPage(host, name, memberId, checkout.id, locale));
  return { checkout, view: widget(page) };
}

/** The demo baskets: one $120 line, and one $60 line. */
export const TENT = { name: 'Tent', price: 120 };
export const LANTERN = { name: 'Lantern', price: 60 };

/** A new checkout of `line` for this member, its checkout view open, and $10 off applied to it from there. */
export async function openWithTenOff(
  page: Page,
  host: HostSite,
  name: string,
  memberId: string,
  line = TENT,
  locale: { locale: string; apply: string } = { locale: 'en', apply: 'Apply' },
) {
  const opened = await openCheckout(page, host, name, memberId, line, locale.locale);
  await applyReward(opened.view, REWARD_IDS.tenOff, 'click', locale.apply);
  return opened;
}

/**
 * Clicks Apply on a reward and waits until the widget shows the discount on the checkout, with what came off:
 * the view the frame asks for after the apply has landed, so nothing the test does next races it.
 */
export async function applyReward(
  view: FrameLocator,
  rewardId: string,
  click: 'click' | 'dblclick' = 'click',
  label = 'Apply',
) {
  await view.getByTestId(`checkout-reward-${rewardId}`).getByRole('button', { name: label })[click]();
  await expect(view.getByTestId('checkout-discount')).toHaveAttribute('data-status', 'APPLIED');
  await expect(view.getByTestId('discount-amount-off')).toBeVisible();
}

export function checkoutFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().includes('view=checkout'));
  if (!frame) throw new Error('no checkout frame');
  return frame;
}

/** Posts to one of the checkout view's routes from inside its frame, as its script does: same origin, JSON. */
export function postFromFrame(frame: Frame, route: string, body: unknown) {
  return frame.evaluate(
    async ({ route, payload }) => {
      const response = await fetch(`/embed/api/${route}${location.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const reply = (await response.json()) as { ok: boolean; code?: string };
      return { status: response.status, ok: reply.ok, code: reply.code };
    },
    { route, payload: body },
  );
}
