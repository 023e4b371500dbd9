import AxeBuilder from '@axe-core/playwright';
import { test as appTest, type FrameLocator, type Page } from '@playwright/test';
import { launcherPage } from '@/demo/launcher-page';
import { widgetPage } from '@/demo/storefront-page';
import { EmbedHostPage } from './pages/embed-host-page';
import { LauncherHostPage } from './pages/launcher-host-page';
import { LoyaltyCardPage } from './pages/loyalty-card-page';
import { expectAccessibleWidget } from './support/axe-frame';
import { memberTokenFor, memberWidget } from './support/member-widget';
import { expect, test, type HostSite } from './support/embed-fixtures';
import { startAppInstance } from '@/testing/app-instance';
import {
  ALLOWED_HOST_ORIGIN,
  BASE_URL,
  E2E_SANDBOX_PORT,
  E2E_SSO_SECRET,
  EXTRA_APP_PORTS,
} from './support/env';
import { sandbox } from './support/sandbox';

/**
 * Refer a friend: the widget's refer view on a storefront of another site (127.0.0.1 framing the app on
 * localhost) in a Chromium that blocks third-party cookies, the launcher's Refer tab, and the app's `/refer`
 * page. Every figure is read from the sandbox (`GET /_sandbox/referrals`), not copied here.
 */

test.beforeEach(async () => {
  test.slow();
  await sandbox.reset();
  await sandbox.clearFaults();
});

type Referrals = {
  program: { referringCustomerReward: { loyaltyPointsOptions?: { amount: number } } };
  referringCustomers: { id: string; contactId: string; referralCode: string }[];
  referredFriends: { id: string; contactId: string; referringCustomerId: string; status: string }[];
  rewards: { rewardedReferringCustomerId?: string; loyaltyPoints?: { amount: number } }[];
};

const referrals = async () => (await sandbox.request('GET', '/_sandbox/referrals')).json as Referrals;

/** What Johna's view must show, from the sandbox: her code, her friends' statuses, the points she earned. */
async function johnasReferrals() {
  const { contactId } = await sandbox.member('Johna Linskey');
  const state = await referrals();
  const customer = state.referringCustomers.find((candidate) => candidate.contactId === contactId)!;
  const friends = state.referredFriends.filter((friend) => friend.referringCustomerId === customer.id);
  const points = state.rewards
    .filter((reward) => reward.rewardedReferringCustomerId === customer.id)
    .reduce((sum, reward) => sum + (reward.loyaltyPoints?.amount ?? 0), 0);
  return { customer, friends, points };
}

const statusWord = (status: string) => (status === 'ACTIONS_COMPLETED' ? 'Ordered' : 'Signed up');
const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

let pageCount = 0;
const storefront = (host: HostSite, widgets: string) =>
  host.serve(`/refer/${++pageCount}`, widgetPage(BASE_URL, widgets));

const referFrame = (page: Page) => page.frameLocator('iframe[title="Refer a friend"]');

/** Her link, her friends (each named no more than a first name and an initial) and her points. */
async function expectJohnasView(root: FrameLocator | Page, friendName: string) {
  const { customer, friends, points } = await johnasReferrals();
  await expect(root.getByTestId('refer-offer')).toHaveText('Give 10% off, get 100 stars');
  await expect(root.getByTestId('refer-link')).toHaveValue(`${BASE_URL}/?ref=${customer.referralCode}`);
  const shown = root.getByTestId('refer-friend');
  await expect(shown).toHaveCount(friends.length);
  for (const friend of friends) {
    await expect(shown.filter({ hasText: statusWord(friend.status) })).toHaveCount(
      friends.filter((other) => other.status === friend.status).length,
    );
  }
  await expect(shown.locator('bdi')).toContainText([friendName]);
  for (const name of await shown.locator('bdi').allTextContents()) {
    expect(name).toMatch(/^(A friend|\p{L}+ \p{Lu}\.)$/u);
  }
  await expect(root.getByTestId('refer-points-earned')).toHaveText(
    `${number(points)} stars earned from referrals`,
  );
}

/** Liam, who ordered, gets a loyalty account for that order: his name comes from its contact. */
async function giveTheOrderingFriendAnAccount() {
  const { friends } = await johnasReferrals();
  const ordered = friends.find((friend) => friend.status === 'ACTIONS_COMPLETED')!;
  await sandbox.createAccount(ordered.contactId);
  return 'Liam O.';
}

test('Johna’s refer view: her link on the landing page, Copy, her friends with their statuses, her reward', async ({
  page,
  context,
  allowedHost,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: allowedHost.origin });
  await context.grantPermissions(['clipboard-write'], { origin: BASE_URL });
  const liam = await giveTheOrderingFriendAnAccount();
  const host = new EmbedHostPage(page);
  await page.goto(storefront(allowedHost, '<div data-loyalty-widget data-view="refer"></div>'));
  const frame = referFrame(page);
  await expect(frame.getByText('Sign in to get your referral link')).toBeVisible();
  await expect(frame.getByTestId('refer-link')).toHaveCount(0);

  await host.signInThroughPopup('Johna Linskey', frame);
  await expectJohnasView(frame, liam);
  await expect(frame.getByText('A friend', { exact: true })).toHaveCount(1);

  const link = await frame.getByTestId('refer-link').inputValue();
  await frame.getByRole('button', { name: 'Copy link' }).click();
  await expect(frame.getByTestId('refer-status')).toHaveText('Link copied.');
  // The clipboard is read from the host page, which needs the focus back.
  await page.locator('#below').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test('a visitor gets the offer and a sign-in, with no link', async ({ page, allowedHost }) => {
  await page.goto(storefront(allowedHost, '<div data-loyalty-widget data-view="refer"></div>'));
  const frame = referFrame(page);
  await expect(frame.getByTestId('refer-offer')).toHaveText('Give 10% off, get 100 stars');
  await expect(frame.getByText('Sign in to get your referral link')).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(frame.getByTestId('refer-link')).toHaveCount(0);
});

test('a paused program tells a signed-in member so, with no link', async ({ page, allowedHost }) => {
  test.setTimeout(120_000);
  await sandbox.setReferralProgramStatus('PAUSED');
  // The instance points the sandbox's webhooks at itself when it boots: the shared server gets them back.
  const { target } = await sandbox.webhooks();
  // An instance of its own: the shared server keeps the program it read for minutes, as the catalogue.
  const app = await startAppInstance(EXTRA_APP_PORTS[2], {
    WIX_SANDBOX_PORT: String(E2E_SANDBOX_PORT),
    EMBED_ALLOWED_ORIGINS: ALLOWED_HOST_ORIGIN,
    EMBED_SSO_SECRET: E2E_SSO_SECRET,
  });
  try {
    const markup = await memberWidget('Johna Linskey', 'data-view="refer"', app.origin);
    await page.goto(allowedHost.serve(`/refer/${++pageCount}`, widgetPage(app.origin, markup)));
    const frame = referFrame(page);
    await expect(frame.getByTestId('refer-inactive')).toHaveText(
      'Referrals are paused right now. Please check back soon.',
    );
    await expect(frame.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(frame.getByTestId('refer-link')).toHaveCount(0);
    await expect(frame.getByTestId('refer-offer')).toHaveCount(0);
  } finally {
    await app.stop();
    await sandbox.setWebhookTarget(target);
  }
});

test('the launcher’s Refer tab: six tabs fit a 320 px panel, and Refer opens Johna’s view', async ({
  page,
  allowedHost,
}) => {
  await page.setViewportSize({ width: 336, height: 760 });
  const token = await memberTokenFor('Johna Linskey');
  const host = new LauncherHostPage(page);
  await host.open(
    allowedHost.serve(
      `/refer/${++pageCount}`,
      launcherPage({ appOrigin: BASE_URL, attributes: ` data-member-token="${token}"` }),
    ),
  );
  await host.openPanel();
  expect(Math.round((await host.panel.boundingBox())!.width)).toBe(320);
  const tabs = host.frame.getByRole('tab');
  await expect(tabs).toHaveText(['Card', 'Earn', 'Rewards', 'Tiers', 'Activity', 'Refer']);
  expect(await host.tabBarLayout()).toEqual({ overflows: false, outside: 0 });

  await host.frame.getByRole('tab', { name: 'Refer' }).click();
  await expect(host.frame.getByRole('tab', { name: 'Refer' })).toHaveAttribute('aria-selected', 'true');
  const panel = host.frame.getByRole('tabpanel', { name: 'Refer' });
  const { customer } = await johnasReferrals();
  await expect(panel.getByTestId('refer-link')).toHaveValue(`${BASE_URL}/?ref=${customer.referralCode}`);
});

for (const { locale, title } of [
  { locale: 'en', title: 'Refer a friend' },
  { locale: 'he', title: 'הזמנת חברים' },
]) {
  test(`the refer view of a signed-in member has no serious accessibility violations in ${locale}`, async ({
    page,
    allowedHost,
  }) => {
    await page.goto(
      storefront(
        allowedHost,
        await memberWidget('Johna Linskey', `data-view="refer" data-locale="${locale}"`),
      ),
    );
    await expect(referFrame(page).getByTestId('refer-link')).toBeVisible();
    await expectAccessibleWidget(page, 'iframe[title="Refer a friend"]', title, locale);
  });
}

appTest(
  'the /refer page: a sign-in for a visitor, Johna’s link, friends and reward, reached from the card',
  async ({ page }) => {
    const liam = await giveTheOrderingFriendAnAccount();
    const card = new LoyaltyCardPage(page);
    await card.open('/refer');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Refer a friend');
    await expect(page.getByTestId('sign-in-panel')).toContainText('Sign in to get your referral link');

    await card.signInAs('Johna Linskey');
    await expect(page).toHaveURL(/\/refer$/);
    await expectJohnasView(page, liam);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.goto('/');
    await card.card.getByRole('link', { name: 'Refer a friend' }).click();
    await expect(page).toHaveURL(/\/refer$/);
    await expect(page.getByTestId('refer-link')).toBeVisible();
  },
);
