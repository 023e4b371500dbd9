import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { launcherPage } from '@/demo/launcher-page';
import { widgetPage } from '@/demo/storefront-page';
import { EmbedHostPage } from './pages/embed-host-page';
import { LauncherHostPage, type LauncherFocus } from './pages/launcher-host-page';
import { BASE_URL } from './support/env';
import { expect, test, type HostSite } from './support/embed-fixtures';
import { layoutShiftSoFar, recordLayoutShift } from '@/testing/layout-shift';
import { sandbox } from './support/sandbox';

/**
 * The widget as a floating launcher on a storefront of another site (127.0.0.1, while the app is on
 * localhost), in a Chromium that blocks third-party cookies: a button that opens a modal panel holding the
 * widget, which keeps the focus while open and gives it back on close, and costs the host page no layout.
 * Also the loader's checkout hooks: the checkout id it forwards and the discount event it relays.
 */

// Most tests load the widget in a cross-site frame and then press keys one by one: on a busy machine that takes
// close to the default 30 s.
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async () => {
  await sandbox.reset();
});

let pageCount = 0;
function launcherAt(host: HostSite, attributes = ''): string {
  return host.serve(`/launcher/${++pageCount}`, launcherPage({ appOrigin: BASE_URL, attributes }));
}

/** The demo's launcher page on the host site, its panel opened. */
async function openedLauncher(page: Page, site: HostSite): Promise<LauncherHostPage> {
  const host = new LauncherHostPage(page);
  await host.open(launcherAt(site));
  await host.openPanel();
  return host;
}

function frameOf(page: Page, view: string): Frame {
  const frame = page.frames().find((candidate) => new URL(candidate.url()).searchParams.get('view') === view);
  if (!frame) throw new Error(`no ${view} frame`);
  return frame;
}

async function tabs(host: LauncherHostPage, key: 'Tab' | 'Shift+Tab', count: number) {
  const seen: LauncherFocus[] = [];
  for (let i = 0; i < count; i++) {
    await host.page.keyboard.press(key);
    seen.push(await host.focus());
  }
  return seen;
}

test('the button opens the card in a modal panel, made on the first open (no iframe and no /embed request before), and focus moves into it', async ({
  page,
  allowedHost,
}) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(BASE_URL)) asked.push(new URL(request.url()).pathname);
  });
  const host = new LauncherHostPage(page);
  await host.open(launcherAt(allowedHost));
  await expect(host.button).toHaveAccessibleName('Join and earn');
  await expect(host.panel).toBeHidden();
  // Before the shopper asks: the loader, the launcher and its badge, and no widget document.
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(asked).toEqual(['/embed.js', '/embed-launcher.js', '/embed/api/launcher']);

  await host.openPanel();
  expect(asked).toContain('/embed');
  await expect(host.panel).toHaveAttribute('aria-modal', 'true');
  expect(await host.focus()).toBe('close');
  const src = new URL((await host.iframe().getAttribute('src'))!);
  expect(src.origin + src.pathname).toBe(`${BASE_URL}/embed`);
  expect(Object.fromEntries(src.searchParams)).toMatchObject({
    view: 'card',
    nav: '1',
    origin: allowedHost.origin,
  });
  await expect(host.iframe()).toHaveAttribute('title', 'Loyalty card');
});

test('Tab and Shift+Tab cycle between the close button and the widget, never leaving the panel', async ({
  page,
  allowedHost,
}) => {
  const host = await openedLauncher(page, allowedHost);

  await page.keyboard.press('Tab');
  expect(await host.focus()).toBe('frame');
  // Inside the frame, its own controls hold the focus.
  const focusedInFrame = await frameOf(page, 'card').evaluate(
    () => document.hasFocus() && document.activeElement !== document.body,
  );
  expect(focusedInFrame).toBe(true);
  // Past the widget's last control, focus wraps to the close button, and round again.
  const forward = await tabs(host, 'Tab', 8);
  expect(forward).toContain('close');
  expect(forward.slice(forward.indexOf('close'))).toContain('frame');
  expect(forward.filter((where) => where !== 'frame' && where !== 'close')).toEqual([]);

  await host.close.focus();
  const backward = await tabs(host, 'Shift+Tab', 6);
  expect(backward[0]).toBe('frame');
  expect(backward.filter((where) => where !== 'frame' && where !== 'close')).toEqual([]);
});

test('Escape closes the panel from the close button and from inside the widget; focus returns to the button', async ({
  page,
  allowedHost,
}) => {
  const host = await openedLauncher(page, allowedHost);
  expect(await host.focus()).toBe('close');
  await page.keyboard.press('Escape');
  await expect(host.panel).toBeHidden();
  expect(await host.focus()).toBe('launcher');

  // The iframe is kept between openings: the same document, not a new load.
  const frame = frameOf(page, 'card');
  await frame.evaluate(() => Object.assign(window, { __kept: true }));
  await host.openPanel();
  await expect(page.locator('iframe')).toHaveCount(1);
  expect(await frame.evaluate(() => '__kept' in window)).toBe(true);

  await page.keyboard.press('Tab');
  expect(await frame.evaluate(() => document.hasFocus() && document.activeElement !== document.body)).toBe(
    true,
  );
  await page.keyboard.press('Escape');
  await expect(host.panel).toBeHidden();
  expect(await host.focus()).toBe('launcher');
});

test('the close button closes the panel and gives the focus back to the button', async ({
  page,
  allowedHost,
}) => {
  const host = await openedLauncher(page, allowedHost);
  await host.close.click();
  await expect(host.panel).toBeHidden();
  expect(await host.focus()).toBe('launcher');
});

test('only the launcher’s own widget may close its panel', async ({ page, allowedHost }) => {
  const host = new LauncherHostPage(page);
  await host.open(
    allowedHost.serve(
      '/launcher-and-card',
      widgetPage(
        BASE_URL,
        '<div data-loyalty-widget></div><div data-loyalty-widget data-view="launcher"></div>',
      ),
    ),
  );
  await expect(new EmbedHostPage(page).cardSection()).toBeVisible();
  await host.openPanel();
  const widgetFrames = page.frames().filter((frame) => frame.url().startsWith(`${BASE_URL}/embed`));
  const card = widgetFrames.find((frame) => !new URL(frame.url()).searchParams.has('nav'))!;
  const launcher = widgetFrames.find((frame) => new URL(frame.url()).searchParams.has('nav'))!;
  const post = (frame: Frame, message: object) =>
    frame.evaluate(([data, origin]) => parent.postMessage({ loyaltyWidget: 1, ...data }, origin), [
      message,
      allowedHost.origin,
    ] as const);

  // The card's messages are handled in order: once its resize has landed, its close was heard and ignored.
  await post(card, { type: 'close' });
  await post(card, { type: 'resize', height: 321 });
  await expect(page.locator('iframe[title="Loyalty card"]').first()).toHaveCSS('height', '321px');
  await expect(host.panel).toBeVisible();

  await post(launcher, { type: 'close' });
  await expect(host.panel).toBeHidden();
});

for (const { locale, label, closeLabel } of [
  { locale: 'en', label: 'Loyalty rewards', closeLabel: 'Close' },
  { locale: 'he', label: 'הטבות מועדון', closeLabel: 'סגירה' },
]) {
  test(`the launcher is axe-clean in ${locale}, closed and with the panel open`, async ({
    page,
    allowedHost,
  }) => {
    // Two axe runs over the host page and the widget's frame.
    test.slow();
    const attributes =
      locale === 'en'
        ? ''
        : ` data-locale="${locale}" data-label="${label}" data-close-label="${closeLabel}"`;
    const host = new LauncherHostPage(page, { label, closeLabel });
    const violations = async () =>
      (await new AxeBuilder({ page }).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    await host.open(launcherAt(allowedHost, attributes));
    expect(await violations()).toEqual([]);
    await host.openPanel();
    await expect(host.frame.locator('html')).toHaveAttribute('lang', locale);
    expect(await violations()).toEqual([]);
  });
}

test('the closed launcher moves nothing on a page whose content fills the screen', async ({
  page,
  allowedHost,
}) => {
  await recordLayoutShift(page, { includeInput: true });
  const host = new LauncherHostPage(page);
  await host.open(launcherAt(allowedHost));
  const shift = await layoutShiftSoFar(page);
  const { contentHeight, viewport, ownHeight } = await page.evaluate(() => ({
    contentHeight: document.documentElement.scrollHeight,
    viewport: innerHeight,
    ownHeight: document.querySelector('[data-view="launcher"]')!.getBoundingClientRect().height,
  }));
  expect(contentHeight).toBeGreaterThan(viewport);
  expect(shift).toBe(0);
  expect(ownHeight).toBe(0);
});

test('switching tabs moves nothing on the host page: the panel keeps one height and the widget scrolls inside', async ({
  page,
  allowedHost,
}) => {
  // A member's views differ most in height: Johna's rewards and history are long, the card is not.
  await new EmbedHostPage(page).openSignedIn(allowedHost.origin, 'Johna Linskey');
  await recordLayoutShift(page, { includeInput: true });
  const host = await openedLauncher(page, allowedHost);
  await expect(host.frame.getByTestId('balance')).toBeVisible();
  const panel = await host.panel.boundingBox();
  const tabs = host.frame.getByRole('tab');
  const names = await tabs.allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(4);

  const heights: number[] = [];
  for (const name of [...names.slice(1), names[0]!].map((text) => text.trim())) {
    const tab = host.frame.getByRole('tab', { name });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(host.frame.getByRole('tabpanel', { name })).toBeVisible();
    heights.push(await host.frame.locator('#widget').evaluate((widget) => widget.scrollHeight));
    expect(await layoutShiftSoFar(page)).toBe(0);
    expect(await host.panel.boundingBox()).toEqual(panel);
  }
  // The views really differ, and the longest is taller than the panel: it scrolls inside the frame.
  expect(new Set(heights).size).toBeGreaterThan(1);
  expect(Math.max(...heights)).toBeGreaterThan(panel!.height);
});

test('data-position puts the button and the panel in the chosen corner; unknown values are ignored', async ({
  page,
  allowedHost,
}) => {
  const viewport = page.viewportSize()!;
  const host = new LauncherHostPage(page);
  for (const [position, corner] of [
    ['top-left', 'top-left'],
    ['middle', 'bottom-right'],
  ]) {
    await host.open(launcherAt(allowedHost, ` data-position="${position}"`));
    for (const part of [host.button, host.panel]) {
      if (part === host.panel) await host.openPanel();
      const box = (await part.boundingBox())!;
      const [vertical, horizontal] = corner!.split('-');
      const gap = {
        top: box.y,
        bottom: viewport.height - box.y - box.height,
        left: box.x,
        right: viewport.width - box.x - box.width,
      };
      expect(Math.round(gap[vertical as 'top' | 'bottom'])).toBe(16);
      expect(Math.round(gap[horizontal as 'left' | 'right'])).toBe(16);
    }
  }
});

test('at phone width the panel fits the screen at one height, and the widget scrolls inside it', async ({
  page,
  allowedHost,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const host = new LauncherHostPage(page);
  await host.open(launcherAt(allowedHost));
  const button = (await host.button.boundingBox())!;
  expect(button.x + button.width).toBeLessThanOrEqual(390);
  expect(button.y + button.height).toBeLessThanOrEqual(844);

  await host.openPanel();
  const panel = (await host.panel.boundingBox())!;
  expect(panel.x).toBeGreaterThanOrEqual(0);
  expect(panel.y).toBeGreaterThanOrEqual(0);
  expect(panel.x + panel.width).toBeLessThanOrEqual(390);
  expect(panel.y + panel.height).toBeLessThanOrEqual(844);
  expect(panel.width).toBeGreaterThanOrEqual(390 - 16);
  expect(panel.height).toBe(640);

  // Content that grows (as a longer view does) scrolls inside the frame; the panel and the iframe keep their
  // height, whatever the frame reports.
  const frameHeight = (await host.iframe().boundingBox())!.height;
  const content = await host.frame.locator('#widget').evaluate((element) => {
    const more = document.createElement('div');
    more.style.height = '400px';
    element.append(more);
    return Math.ceil(element.getBoundingClientRect().height);
  });
  expect(content).toBeGreaterThan(frameHeight);
  await expect
    .poll(() => host.frame.locator('html').evaluate((root) => root.scrollHeight > root.clientHeight))
    .toBe(true);
  await host.frame
    .locator('html')
    .evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect((await host.iframe().boundingBox())!.height).toBe(frameHeight);
  expect((await host.panel.boundingBox())!).toEqual(panel);

  // On a short screen the panel stays within it.
  await page.setViewportSize({ width: 390, height: 320 });
  await expect.poll(async () => (await host.panel.boundingBox())!.height).toBe(320 - 16);
  await expect(host.close).toBeInViewport();
  await expect(host.iframe()).toBeInViewport();
});

test('the checkout hooks: data-checkout-id reaches /embed, and discount-applied reaches the host as strings', async ({
  page,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  const tooLong = 'c'.repeat(65);
  await page.goto(
    allowedHost.serve(
      '/checkout',
      widgetPage(
        BASE_URL,
        `<div id="checkout" data-loyalty-widget data-view="checkout" data-checkout-id="chk_1234"></div>` +
          `<div id="rewards" data-loyalty-widget data-view="rewards" data-checkout-id="${tooLong}"></div>`,
      ),
    ),
  );
  const checkout = page.locator('#checkout iframe');
  await expect(checkout).toHaveAttribute('title', 'Loyalty points at checkout');
  const query = new URL((await checkout.getAttribute('src'))!).searchParams;
  expect([query.get('view'), query.get('checkout')]).toEqual(['checkout', 'chk_1234']);
  const rewards = page.locator('#rewards iframe');
  await expect(rewards).toHaveAttribute('title', 'Loyalty rewards');
  const rewardsQuery = new URL((await rewards.getAttribute('src'))!).searchParams;
  expect([rewardsQuery.get('view'), rewardsQuery.has('checkout')]).toEqual(['rewards', false]);

  await expect
    .poll(async () => (await host.eventsOfType('loyalty:ready')).map((event) => event.view))
    .toEqual(expect.arrayContaining(['checkout', 'rewards']));
  await page.evaluate(() => {
    const heard: unknown[] = [];
    Object.assign(window, { __discounts: heard });
    document.addEventListener('loyalty:discount-applied', (event) =>
      heard.push({ on: (event.target as Element).id, detail: (event as CustomEvent).detail }),
    );
  });
  await frameOf(page, 'checkout').evaluate((origin) => {
    const message = { loyaltyWidget: 1, type: 'discount-applied' };
    parent.postMessage({ ...message, checkoutId: 'x', discountId: 'y', status: 'APPLIED' }, origin);
    parent.postMessage({ ...message, checkoutId: 7, discountId: 'z', status: { x: 1 }, extra: 'no' }, origin);
  }, allowedHost.origin);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __discounts: unknown[] }).__discounts))
    .toEqual([
      { on: 'checkout', detail: { checkoutId: 'x', discountId: 'y', status: 'APPLIED' } },
      { on: 'checkout', detail: { discountId: 'z' } },
    ]);
});
