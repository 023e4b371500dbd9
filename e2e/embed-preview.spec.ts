import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mintMemberToken } from '@/demo/member-token';
import { previewSnippet, productPage } from '@/demo/product-page';
import { escape, widgetPage } from '@/demo/storefront-page';
import { SANDBOX_ADMIN_HEADERS } from '@/testing/award-points';
import { EmbedHostPage } from './pages/embed-host-page';
import { EmbeddedPreview } from './pages/embedded-preview';
import { BASE_URL, E2E_SSO_SECRET, SANDBOX_ORIGIN } from './support/env';
import { expect, test, type HostSite } from './support/embed-fixtures';
import { layoutShiftSoFar, recordLayoutShift } from '@/testing/layout-shift';
import { pageAfterPaint } from '@/testing/late-loader-page';
import { sandbox } from './support/sandbox';

/**
 * The earn preview on a product page of another site, with third-party cookies blocked: "Earn 128 stars with
 * this order". Every figure expected here is worked out from what the sandbox holds (the order rule's rate
 * for the shopper's tier, their tier points), never copied from what the widget says.
 */

/** The preview's one line, in CSS pixels: what `embed.js` starts the iframe at and the snippet reserves. */
const LINE_PX = 40;

test.beforeEach(async () => {
  await sandbox.reset();
});

type Rate = { tierId?: string; moneyAmount: number; points: number };

/** The sandbox's order rule: points per money amount for a tier, else the base tier's. */
async function orderRate(tierId: string | null | undefined): Promise<Rate> {
  const response = await fetch(
    `${SANDBOX_ORIGIN}/_api/loyalty-earning-rules/v1/earning-rules/rules?triggerActivityType=stores/OrderPaid`,
    { headers: SANDBOX_ADMIN_HEADERS },
  );
  const { earningRules } = (await response.json()) as {
    earningRules: { conversionRate: { configs: Rate[] } }[];
  };
  const configs = earningRules[0]!.conversionRate.configs;
  return (configs.find((config) => tierId && config.tierId === tierId) ?? configs.find((c) => !c.tierId))!;
}

/** The points an order of whole `dollars` earns at a rate (whole dollars, so there is nothing to round). */
const pointsFor = (dollars: number, rate: Rate) => (dollars / rate.moneyAmount) * rate.points;

async function shopper(name: string) {
  const member = await sandbox.member(name);
  const account = member.account!;
  return {
    id: member.id,
    accountId: account.id,
    tier: await sandbox.tierName(account),
    tierPoints: account.tier?.points ?? 0,
    rate: await orderRate(account.tier?.id),
  };
}

async function tokenFor(memberId: string) {
  return mintMemberToken({ secret: E2E_SSO_SECRET, memberId, audience: BASE_URL });
}

/** A bare page with the README's snippet for an amount, and whatever else the element is given. */
function snippetPage(host: HostSite, name: string, attributes: string): string {
  return host.serve(`/preview/${name}`, widgetPage(BASE_URL, previewSnippet(attributes)));
}

async function waitForReady(page: Page, count = 1) {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { __loyaltyEvents: { type: string }[] }).__loyaltyEvents.filter(
            (event) => event.type === 'loyalty:ready',
          ).length,
      ),
    )
    .toBeGreaterThanOrEqual(count);
}

test('a visitor sees what the base tier earns, signs in from the line and then sees a Gold member’s figure', async ({
  page,
  allowedHost,
}) => {
  const base = await orderRate(null);
  const johna = await shopper('Johna Linskey');
  expect(johna.tier).toBe('Gold');
  const preview = new EmbeddedPreview(page);
  await page.goto(snippetPage(allowedHost, 'visitor', 'data-amount="64.00" data-currency="USD"'));

  await expect(preview.line).toHaveText(
    new RegExp(`New members earn ${pointsFor(64, base)} stars with this order\\s+Sign in`),
  );
  await expect(preview.line.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await preview.height()).toBe(LINE_PX);

  await new EmbedHostPage(page).signInThroughPopup('Johna Linskey', preview.frame);
  await expect(preview.line).toHaveText(`★ Earn ${pointsFor(64, johna.rate)} stars with this order`);
  expect(pointsFor(64, johna.rate)).toBe(128);
  await expect(preview.line.getByRole('button')).toHaveCount(0);
  expect(await preview.height()).toBe(LINE_PX);
});

test('a Bronze member earns the base rate, and a member one order from the next tier is told so', async ({
  page,
  allowedHost,
}) => {
  const elena = await shopper('Elena Rodriguez');
  expect(elena.tier).toBe('Bronze');
  expect(elena.rate).toEqual(await orderRate(null));
  const preview = new EmbeddedPreview(page);
  const token = await tokenFor(elena.id);
  await page.goto(
    snippetPage(
      allowedHost,
      'bronze',
      `data-amount="10.00" data-currency="USD" data-member-token="${escape(token)}"`,
    ),
  );
  await expect(preview.line).toHaveText(`★ Earn ${pointsFor(10, elena.rate)} stars with this order`);

  const aigneis = await shopper('Aigneis Johnsson');
  expect(aigneis.tier).toBe('Silver');
  // The dollars that take Aigneis's tier points exactly to Gold's 1,000, and a dollar less.
  const toGold = ((1000 - aigneis.tierPoints) / aigneis.rate.points) * aigneis.rate.moneyAmount;
  await page.goto(
    snippetPage(
      allowedHost,
      'silver',
      `data-amount="${toGold}.00" data-currency="USD" data-member-token="${escape(await tokenFor(aigneis.id))}"`,
    ),
  );
  await expect(preview.line).toHaveText(
    `★ Earn ${pointsFor(toGold, aigneis.rate)} stars with this order and reach Gold`,
  );
  await preview.setAmount(`${toGold - 1}.00`);
  await expect(preview.line).toHaveText(
    `★ Earn ${pointsFor(toGold - 1, aigneis.rate)} stars with this order`,
  );
});

test('a changed quantity on the demo product page re-renders the figure in place, and refresh() reads it again', async ({
  page,
  allowedHost,
}) => {
  const elena = await shopper('Elena Rodriguez');
  const url = allowedHost.serve(
    '/product',
    productPage({ appOrigin: BASE_URL, memberToken: await tokenFor(elena.id) }),
  );
  const documents: string[] = [];
  const viewRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${BASE_URL}/embed?`)) documents.push(request.url());
    if (request.url().startsWith(`${BASE_URL}/embed/api/view?`)) viewRequests.push(request.url());
  });
  const preview = new EmbeddedPreview(page);
  await page.goto(url);
  // The product costs $32.00; Elena's tier points are short of Silver's threshold by more than one order.
  await expect(preview.line).toHaveText(
    `★ Earn ${pointsFor(32, elena.rate)} stars with this order and reach Silver`,
  );
  expect(elena.tierPoints + pointsFor(32, elena.rate)).toBeGreaterThanOrEqual(300);

  await page.getByLabel('Quantity').fill('3');
  await expect(preview.figure).toHaveText(`${pointsFor(96, elena.rate)} stars`);
  expect(viewRequests.at(-1)).toContain('amount=96.00');

  // No quantity, no amount: the line folds away and no figure is left behind.
  await page.getByLabel('Quantity').fill('');
  await expect.poll(() => preview.height()).toBe(0);
  await expect(preview.empty).toBeAttached();
  await expect(preview.figure).toHaveCount(0);

  await page.getByLabel('Quantity').fill('2');
  await expect(preview.line).toHaveText(
    `★ Earn ${pointsFor(64, elena.rate)} stars with this order and reach Silver`,
  );
  await expect.poll(() => preview.height()).toBe(LINE_PX);

  // Points Wix gave behind the app's back with no webhook take Elena to Silver: only a refresh can show it,
  // and it keeps today's amount, not the one the page was loaded with.
  await sandbox.withoutWebhooks(() => sandbox.awardPoints(elena.accountId, 300 - elena.tierPoints));
  const silver = await shopper('Elena Rodriguez');
  expect(silver.tier).toBe('Silver');
  await page.evaluate(() =>
    (window as unknown as { LoyaltyWidget: { refresh(): void } }).LoyaltyWidget.refresh(),
  );
  await expect(preview.line).toHaveText(`★ Earn ${pointsFor(64, silver.rate)} stars with this order`);
  expect(viewRequests.at(-1)).toContain('amount=64.00');
  expect(documents).toHaveLength(1);
});

test('malformed amounts, another currency and no amount give an empty, zero-height widget and no figure', async ({
  page,
  allowedHost,
}) => {
  test.slow();
  // The iframe's every height from the moment it is on the page: a bad amount never shows a line, even briefly.
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const heights: number[] = [];
    Object.assign(window, { __previewHeights: heights });
    const watch = new ResizeObserver((entries) =>
      entries.forEach((entry) => heights.push(entry.contentRect.height)),
    );
    new MutationObserver(() =>
      document.querySelectorAll('iframe').forEach((frame) => watch.observe(frame)),
    ).observe(document, { childList: true, subtree: true });
  });
  const preview = new EmbeddedPreview(page);
  const cases = [
    ['-1', 'data-amount="-1" data-currency="USD"'],
    ['1.234', 'data-amount="1.234" data-currency="USD"'],
    ['abc', 'data-amount="abc" data-currency="USD"'],
    ['1e3', 'data-amount="1e3" data-currency="USD"'],
    ['1000000.01', 'data-amount="1000000.01" data-currency="USD"'],
    ['empty', 'data-amount="" data-currency="USD"'],
    ['missing', 'data-currency="USD"'],
  ] as const;
  for (const [name, attributes] of cases) {
    await page.goto(snippetPage(allowedHost, `bad-${name}`, attributes));
    await waitForReady(page);
    await expect(preview.empty, name).toBeAttached();
    await expect(preview.figure, name).toHaveCount(0);
    expect(await preview.height(), name).toBe(0);
    const heights = await page.evaluate(
      () => (window as unknown as { __previewHeights: number[] }).__previewHeights,
    );
    expect(Math.max(0, ...heights), name).toBe(0);
  }

  // The store's currency is the server's to know: the line's place stays until its empty answer folds it.
  await page.goto(snippetPage(allowedHost, 'euros', 'data-amount="64.00" data-currency="EUR"'));
  await waitForReady(page);
  await expect(preview.empty).toBeAttached();
  await expect.poll(() => preview.height()).toBe(0);
  await expect(preview.figure).toHaveCount(0);

  // The server applies the same rule when a page skips the loader and frames /embed itself.
  for (const amount of ['-1', '1.234', 'abc', '1e3', '1000000.01', '']) {
    const response = await page.request.get(
      `${BASE_URL}/embed?view=preview&currency=USD&amount=${encodeURIComponent(amount)}`,
    );
    const document = await response.text();
    expect(response.status(), amount).toBe(200);
    expect(document, amount).toContain('data-empty');
    expect(document, amount).not.toContain('preview-points');
  }
  const valid = await (
    await page.request.get(`${BASE_URL}/embed?view=preview&currency=USD&amount=64.00`)
  ).text();
  expect(valid).toContain('preview-points');
});

test('the README’s snippet moves nothing on a page whose content fills the screen', async ({
  page,
  allowedHost,
}) => {
  await recordLayoutShift(page);
  const johna = await sandbox.member('Johna Linskey');
  const shiftOf = async (name: string, element: string) => {
    await page.goto(allowedHost.serve(`/cls/${name}`, pageAfterPaint(BASE_URL, element)));
    await waitForReady(page);
    await expect(new EmbeddedPreview(page).figure).toBeVisible();
    // A member's line arrives after the token is traded: give any resize time to land.
    await page.waitForTimeout(500);
    return layoutShiftSoFar(page);
  };
  const attributes = 'data-amount="64.00" data-currency="USD"';
  expect(await shiftOf('visitor', previewSnippet(attributes))).toBe(0);
  const member = `${attributes} data-member-token="${escape(await tokenFor(johna.id))}"`;
  expect(await shiftOf('member', previewSnippet(member))).toBe(0);
  // The measurement can see a shift: the same element without the reserved height moves the page.
  const bare = `<div data-loyalty-widget data-view="preview" ${attributes}></div>`;
  expect(await shiftOf('unreserved', bare)).toBeGreaterThan(0);
});

for (const locale of ['en', 'he'] as const) {
  test(`the preview has no serious accessibility violations in ${locale}`, async ({ page, allowedHost }) => {
    test.slow();
    const preview = new EmbeddedPreview(page);
    const aigneis = await sandbox.member('Aigneis Johnsson');
    const pages = {
      visitor: `data-amount="64.00" data-currency="USD" data-locale="${locale}"`,
      member: `data-amount="580.00" data-currency="USD" data-locale="${locale}" data-member-token="${escape(await tokenFor(aigneis.id))}"`,
    };
    for (const [who, attributes] of Object.entries(pages)) {
      await page.goto(snippetPage(allowedHost, `a11y-${locale}-${who}`, attributes));
      await expect(preview.figure).toBeVisible();
      await expect(preview.frame.locator('html')).toHaveAttribute('lang', locale);
      await expect(preview.frame.locator('html')).toHaveAttribute('dir', locale === 'he' ? 'rtl' : 'ltr');
      if (who === 'member') await expect(preview.line).toContainText(locale === 'he' ? 'Gold' : 'reach Gold');
      // axe reports a frame it could not reach as incomplete, not as a failure: scan until the frame's own
      // nodes are in the results, so a pass always means the line was checked.
      const scan = () =>
        new AxeBuilder({ page }).include(`iframe[title="${EmbeddedPreview.TITLE}"]`).analyze();
      let results = await scan();
      const insideFrame = () =>
        results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1));
      await expect
        .poll(async () => insideFrame() || ((results = await scan()), insideFrame()), { timeout: 60_000 })
        .toBe(true);
      const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        who,
      ).toEqual([]);
    }
  });
}
