import AxeBuilder from '@axe-core/playwright';
import type { Page, Response } from '@playwright/test';
import { launcherPage } from '@/demo/launcher-page';
import { mintMemberToken } from '@/demo/member-token';
import { widgetPage } from '@/demo/storefront-page';
import { EmbedHostPage } from './pages/embed-host-page';
import { LauncherHostPage } from './pages/launcher-host-page';
import { BASE_URL, E2E_SSO_SECRET } from './support/env';
import { expect, test, type HostSite } from './support/embed-fixtures';
import { layoutShiftSoFar, recordLayoutShift } from '@/testing/layout-shift';
import { sandbox } from './support/sandbox';

/**
 * The launcher's badge on a storefront of another site (127.0.0.1, while the app is on localhost), in a
 * Chromium that blocks third-party cookies: the member's balance and a dot when a reward waits, or "Join and
 * earn", asked for by the host page itself with the partitioned session and no widget loaded; then kept in
 * step with what the widgets on the page report. And only a page with a launcher loads the launcher's script.
 */

test.describe.configure({ timeout: 60_000 });

test.beforeEach(async () => {
  await sandbox.reset();
});

const number = (value: number) => new Intl.NumberFormat('en-US').format(value);
const BADGE_PATH = '/embed/api/launcher';

let pageCount = 0;
function launcherAt(host: HostSite, attributes = ''): string {
  return host.serve(`/badge/${++pageCount}`, launcherPage({ appOrigin: BASE_URL, attributes }));
}

/** Signs the member in on the host site's storefront, through the card's popup: the session is the site's. */
async function signInOnSite(page: Page, site: HostSite, memberName: string) {
  await new EmbedHostPage(page).openSignedIn(site.origin, memberName);
}

async function accountOf(memberName: string) {
  const { account } = await sandbox.member(memberName);
  return account!;
}

/** The next widget's live-updates stream, open: an award made after it cannot slip past. */
function liveStreamOpened(page: Page): Promise<Response> {
  return page.waitForResponse(
    (response) => response.url().startsWith(`${BASE_URL}/embed/api/events`) && response.status() === 200,
  );
}

function badgeAnswer(page: Page): Promise<Response> {
  return page.waitForResponse((response) => response.url().startsWith(`${BASE_URL}${BADGE_PATH}`));
}

for (const { memberName, locale, rewardWords } of [
  { memberName: 'Johna Linskey', locale: 'en', rewardWords: 'Reward available' },
  { memberName: 'Johna Linskey', locale: 'he', rewardWords: 'הטבה זמינה' },
  { memberName: 'Aigneis Johnsson', locale: 'en', rewardWords: null },
]) {
  test(`before any widget loads, the button shows ${memberName}’s balance ${rewardWords ? 'and a dot' : 'and no dot'} (${locale}), from the partitioned session, axe-clean`, async ({
    page,
    allowedHost,
  }) => {
    test.slow();
    await signInOnSite(page, allowedHost, memberName);
    const account = await accountOf(memberName);
    expect(account.rewardAvailable).toBe(rewardWords !== null);

    const answered = badgeAnswer(page);
    const host = new LauncherHostPage(page);
    await host.open(launcherAt(allowedHost, ` data-locale="${locale}"`));
    const answer = await answered;

    // The session rode on the host page's own request, although this browser blocks third-party cookies.
    const sent = await answer.request().allHeaders();
    expect(sent['origin']).toBe(allowedHost.origin);
    expect(sent['cookie']).toContain('wix_embed_session=');
    expect(answer.headers()).toMatchObject({
      'access-control-allow-origin': allowedHost.origin,
      'access-control-allow-credentials': 'true',
      'cache-control': 'private, no-store',
    });
    expect(answer.headers()['vary']).toMatch(/\bOrigin\b/);
    // Nothing but words and the balance: no token, no account id.
    expect(Object.keys(await answer.json()).sort()).toEqual(['balance', 'label', 'lang', 'ok', 'reward']);

    const label = `${number(account.points.balance)} stars`;
    await expect(host.button).toHaveText(label);
    await expect(host.button).toHaveAttribute('lang', locale);
    if (rewardWords) {
      await expect(host.dot).toBeVisible();
      await expect(host.button).toHaveAccessibleName(`${label} ${rewardWords}`);
    } else {
      await expect(host.dot).toHaveCount(0);
      await expect(host.button).toHaveAccessibleName(label);
    }
    await expect(page.locator('iframe')).toHaveCount(0);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
}

test('a visitor is asked to join, in the page’s language, with no dot', async ({ page, allowedHost }) => {
  const host = new LauncherHostPage(page);
  await host.open(launcherAt(allowedHost));
  await expect(host.button).toHaveAccessibleName('Join and earn');
  await expect(host.dot).toHaveCount(0);

  await host.open(launcherAt(allowedHost, ' data-locale="de"'));
  await expect(host.button).toHaveAccessibleName('Mitmachen und sammeln');
});

test('a storefront’s member token: the button keeps its plain label rather than call the member a visitor, and shows their balance once the panel has spent it', async ({
  page,
  allowedHost,
}) => {
  const { id } = await sandbox.member('Johna Linskey');
  const token = await mintMemberToken({ secret: E2E_SSO_SECRET, memberId: id, audience: BASE_URL });
  const answered = badgeAnswer(page);
  const host = new LauncherHostPage(page);
  await host.open(launcherAt(allowedHost, ` data-member-token="${token}"`));
  expect((await (await answered).json()).label).toBe('Join and earn');
  await expect(host.button).toHaveAccessibleName('Loyalty rewards');

  await host.openPanel();
  await expect(host.frame.getByTestId('balance')).toBeVisible();
  const { account } = await sandbox.member('Johna Linskey');
  await expect(host.button).toHaveAccessibleName(`${number(account!.points.balance)} stars Reward available`);
});

test('an answer Wix could not give leaves the plain label, quietly, and the panel still opens', async ({
  page,
  allowedHost,
}) => {
  await signInOnSite(page, allowedHost, 'Johna Linskey');
  await sandbox.injectFault({ pathPrefix: '/loyalty-accounts', method: 'GET', status: 503, times: 100 });
  const answered = badgeAnswer(page);
  const host = new LauncherHostPage(page, { label: 'Rewards club' });
  await host.open(launcherAt(allowedHost, ' data-label="Rewards club"'));
  expect((await answered).status()).toBe(503);
  await expect(host.button).toHaveAccessibleName('Rewards club');
  await sandbox.clearFaults();
  await host.openPanel();
});

test('after the first open, the badge follows the member’s points live, and its new words move nothing', async ({
  page,
  allowedHost,
}) => {
  test.slow();
  await signInOnSite(page, allowedHost, 'Aigneis Johnsson');
  const account = await accountOf('Aigneis Johnsson');
  await recordLayoutShift(page, { includeInput: true });
  const host = new LauncherHostPage(page);
  await host.open(launcherAt(allowedHost));
  await expect(host.button).toHaveAccessibleName(`${number(account.points.balance)} stars`);

  // Open once, so the widget (and its live stream) exists; then close: the button is what the shopper sees.
  const streaming = liveStreamOpened(page);
  await host.openPanel();
  await streaming;
  await page.keyboard.press('Escape');
  await expect(host.panel).toBeHidden();
  const before = (await host.button.boundingBox())!;

  // Enough for a reward, and for a longer number.
  await sandbox.awardPoints(account.id, 1_000);
  const balance = account.points.balance + 1_000;
  await expect(host.button).toHaveAccessibleName(`${number(balance)} stars Reward available`, {
    timeout: 5_000,
  });
  const after = (await host.button.boundingBox())!;
  expect(after.width).toBeGreaterThan(before.width);
  expect(after.x + after.width).toBeCloseTo(before.x + before.width, 0);
  expect(await layoutShiftSoFar(page)).toBe(0);
});

test('the badge follows another widget on the page, with the launcher never opened', async ({
  page,
  allowedHost,
}) => {
  test.slow();
  await signInOnSite(page, allowedHost, 'Elena Rodriguez');
  const account = await accountOf('Elena Rodriguez');
  const host = new LauncherHostPage(page);
  const embedded = new EmbedHostPage(page);
  const streaming = liveStreamOpened(page);
  await host.open(
    allowedHost.serve(
      '/badge-and-card',
      widgetPage(
        BASE_URL,
        '<div data-loyalty-widget></div><div data-loyalty-widget data-view="launcher"></div>',
      ),
    ),
  );
  await expect(embedded.card.getByTestId('balance')).toHaveText(number(account.points.balance));
  await streaming;
  await expect(host.button).toHaveAccessibleName(`${number(account.points.balance)} stars Reward available`);

  await sandbox.awardPoints(account.id, 75);
  const balance = account.points.balance + 75;
  await expect(host.button).toHaveAccessibleName(`${number(balance)} stars Reward available`, {
    timeout: 5_000,
  });
  await expect(page.locator('[data-view="launcher"] iframe')).toHaveCount(0);

  // Signing out in the card: the button asks the visitor to join.
  await embedded.card.getByRole('button', { name: 'Sign out' }).click();
  await expect(host.button).toHaveAccessibleName('Join and earn');
});

test('a page without a launcher loads only embed.js; a launcher added later loads its script once', async ({
  page,
  allowedHost,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const embedded = new EmbedHostPage(page);
  await embedded.open(
    allowedHost.serve('/card-only', widgetPage(BASE_URL, '<div data-loyalty-widget></div>')),
  );
  await expect.poll(async () => (await embedded.eventsOfType('loyalty:ready')).length).toBe(1);
  expect(scripts.filter((path) => !path.startsWith('/_'))).toEqual(['/embed.js', '/embed-frame.js']);
  // The loader lends its internals to the launcher's script only where there is a launcher.
  const lent = () =>
    page.evaluate(() => '_' in (window as unknown as { LoyaltyWidget: object }).LoyaltyWidget);
  expect(await lent()).toBe(false);

  await page.evaluate(() => {
    for (let i = 0; i < 2; i++) {
      const launcher = document.createElement('div');
      launcher.setAttribute('data-loyalty-widget', '');
      launcher.setAttribute('data-view', 'launcher');
      document.body.append(launcher);
    }
  });
  await expect(page.locator('[data-view="launcher"] button[aria-haspopup="dialog"]')).toHaveCount(2);
  await expect(
    page.locator('[data-view="launcher"] button[aria-haspopup="dialog"]').first(),
  ).toHaveAccessibleName('Join and earn');
  expect(scripts.filter((path) => path === '/embed-launcher.js')).toHaveLength(1);
  expect(await lent()).toBe(true);
});

test('the badge answers only the allowed embed origins, never a wildcard, and never from a cache', async ({
  request,
  allowedHost,
  otherHost,
}) => {
  const ask = (headers: Record<string, string>) => request.get(`${BASE_URL}${BADGE_PATH}`, { headers });

  const allowed = await ask({ origin: allowedHost.origin });
  expect(allowed.status()).toBe(200);
  expect(allowed.headers()).toMatchObject({
    'access-control-allow-origin': allowedHost.origin,
    'access-control-allow-credentials': 'true',
    'cache-control': 'private, no-store',
  });
  expect(await allowed.json()).toEqual({
    ok: true,
    lang: 'en',
    label: 'Join and earn',
    reward: null,
    balance: null,
  });

  for (const refused of [await ask({ origin: otherHost.origin }), await ask({})]) {
    expect(refused.status()).toBe(403);
    expect((await refused.json()).code).toBe('FORBIDDEN_ORIGIN');
    expect(refused.headers()['access-control-allow-origin']).toBeUndefined();
    expect(refused.headers()['vary']).toMatch(/\bOrigin\b/);
  }
});
