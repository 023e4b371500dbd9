import AxeBuilder from '@axe-core/playwright';
import { test as appTest, type Page } from '@playwright/test';
import { launcherPage } from '@/demo/launcher-page';
import { widgetPage } from '@/demo/storefront-page';
import { SANDBOX_ADMIN_HEADERS } from '@/testing/award-points';
import { EmbedHostPage } from './pages/embed-host-page';
import { LauncherHostPage } from './pages/launcher-host-page';
import { LoyaltyCardPage } from './pages/loyalty-card-page';
import { TiersView } from './pages/tiers-view';
import { expectAccessibleWidget } from './support/axe-frame';
import { memberWidget } from './support/member-widget';
import { expect, test, type HostSite } from './support/embed-fixtures';
import { BASE_URL, SANDBOX_ORIGIN } from './support/env';
import { sandbox } from './support/sandbox';

/**
 * The tiers: the widget's tiers view on a storefront of another site (127.0.0.1 framing the app on localhost)
 * in a Chromium that blocks third-party cookies, opened on its own, from the card's tier line and from the
 * launcher's Tiers tab; and the app's `/tiers` page. Every figure is read from the sandbox, not copied here.
 */

test.beforeEach(async () => {
  // Sign-ins through a popup across two sites, and axe over a cross-site frame: slow on a busy machine.
  test.slow();
  await sandbox.reset();
  await sandbox.clearFaults();
});

const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

let pageCount = 0;
const storefront = (host: HostSite, widgets: string) =>
  host.serve(`/tiers/${++pageCount}`, widgetPage(BASE_URL, widgets));

const tiersFrame = (page: Page) => page.frameLocator('iframe[title="Loyalty tiers"]');

/** The tier points an account has, and what each tier above the base needs, as the sandbox holds them. */
async function tierPointsOf(name: string): Promise<number> {
  return (await sandbox.member(name)).account!.tier!.points!;
}
async function requiredPoints(tierName: string): Promise<number> {
  const response = await fetch(`${SANDBOX_ORIGIN}/loyalty-tiers/v1/tiers`, {
    headers: SANDBOX_ADMIN_HEADERS,
  });
  const { tiers } = (await response.json()) as {
    tiers: { requiredPoints: number; tierDefinition: { name: string } }[];
  };
  return tiers.find((tier) => tier.tierDefinition.name === tierName)!.requiredPoints;
}

/** The ladder every viewer sees: the tiers in order, what each needs, its order rate and its perks. */
async function expectSeededLadder(tiers: TiersView) {
  await expect(tiers.names).toHaveText(['Bronze', 'Silver', 'Gold']);
  await expect(tiers.root.getByTestId('tier-threshold')).toHaveText([
    'Open to every member',
    `From ${number(await requiredPoints('Silver'))} tier stars`,
    `From ${number(await requiredPoints('Gold'))} tier stars`,
  ]);
  await expect(tiers.perksOf('Bronze')).toHaveText(['Earn 1 stars per $1 spent']);
  await expect(tiers.perksOf('Silver')).toHaveText(['Earn 1 stars per $1 spent']);
  await expect(tiers.perksOf('Gold')).toHaveText([
    'Earn 2 stars per $1 spent',
    'Gold members: $20 off for 250 stars',
  ]);
}

test('a visitor sees every tier with what it gives; signed in, Gold Johna finds hers marked', async ({
  page,
  allowedHost,
}) => {
  await page.goto(storefront(allowedHost, '<div data-loyalty-widget data-view="tiers"></div>'));
  const frame = tiersFrame(page);
  const tiers = new TiersView(frame);
  await expectSeededLadder(tiers);
  await expect(tiers.current).toHaveCount(0);
  await expect(tiers.standing).toHaveCount(0);
  await expect(
    frame.getByText('Sign in to see your tier and how far you are from the next one.'),
  ).toBeVisible();

  await new EmbedHostPage(page).signInThroughPopup('Johna Linskey', frame);
  await expect(tiers.current).toHaveCount(1);
  await expect(tiers.current.getByRole('heading')).toHaveText('Gold');
  await expect(tiers.current).toContainText('Your tier');
  await expect(tiers.standing).toHaveText(
    `You are in Gold, with ${number(await tierPointsOf('Johna Linskey'))} tier stars.`,
  );
  await expect(tiers.next).toHaveText('You have reached the top tier.');
  await expectSeededLadder(tiers);
});

test('a Bronze member finds the base tier marked and the tier points Silver still needs', async ({
  page,
  allowedHost,
}) => {
  await page.goto(storefront(allowedHost, '<div data-loyalty-widget data-view="tiers"></div>'));
  const frame = tiersFrame(page);
  await new EmbedHostPage(page).signInThroughPopup('Elena Rodriguez', frame);
  const tiers = new TiersView(frame);
  await expect(tiers.current.getByRole('heading')).toHaveText('Bronze');
  const points = await tierPointsOf('Elena Rodriguez');
  await expect(tiers.standing).toHaveText(`You are in Bronze, with ${number(points)} tier stars.`);
  const toGo = (await requiredPoints('Silver')) - points;
  await expect(tiers.next).toHaveText(`${number(toGo)} more tier stars to reach Silver.`);
});

test('the card’s tier line opens the tiers view in place, and Back returns to the card', async ({
  page,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  await host.openSignedIn(storefront(allowedHost, '<div data-loyalty-widget></div>'), 'Johna Linskey');
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${BASE_URL}/embed`))!;
  // Marks the frame's document: a navigation would drop it.
  await frame.evaluate(() => Object.assign(window, { sameDocument: true }));

  await host.card.getByRole('button', { name: /^Gold tier\b.*see all tiers/ }).click();
  await expect(host.card.getByRole('heading', { name: 'Membership tiers' })).toBeFocused();
  const tiers = new TiersView(host.card);
  await expect(tiers.current.getByRole('heading')).toHaveText('Gold');
  await expect(tiers.next).toHaveText('You have reached the top tier.');

  await host.card.getByRole('button', { name: 'Back to the card' }).click();
  await expect(host.card.getByTestId('tier-name')).toHaveText('Gold');
  await expect(host.card.getByRole('heading', { name: 'Star Rewards' })).toBeFocused();
  expect(await frame.evaluate(() => 'sameDocument' in window)).toBe(true);
});

test('the launcher’s Tiers tab: six tabs fit a 320 px panel, and the arrow keys reach every one', async ({
  page,
  allowedHost,
}) => {
  // At phone widths the panel leaves 8 px each side: 336 px of screen make a 320 px panel.
  await page.setViewportSize({ width: 336, height: 760 });
  const host = new LauncherHostPage(page);
  await host.open(allowedHost.serve(`/tiers/${++pageCount}`, launcherPage({ appOrigin: BASE_URL })));
  await host.openPanel();
  expect(Math.round((await host.panel.boundingBox())!.width)).toBe(320);

  const tabs = host.frame.getByRole('tab');
  await expect(tabs).toHaveText(['Card', 'Earn', 'Rewards', 'Tiers', 'Activity', 'Refer']);
  // Every tab is whole and inside the bar, none clipped or pushed out of sight.
  expect(await host.tabBarLayout()).toEqual({ overflows: false, outside: 0 });

  const tab = (name: string) => host.frame.getByRole('tab', { name });
  await tab('Card').focus();
  for (const name of ['Earn', 'Rewards', 'Tiers']) {
    await page.keyboard.press('ArrowRight');
    await expect(tab(name)).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(tab('Tiers')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('Tiers')).toBeFocused();
  const tiers = new TiersView(host.frame.getByRole('tabpanel', { name: 'Tiers' }));
  await expect(tiers.names).toHaveText(['Bronze', 'Silver', 'Gold']);
  await page.keyboard.press('ArrowRight');
  await expect(tab('Activity')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('Tiers')).toBeFocused();
});

for (const { locale, title } of [
  { locale: 'en', title: 'Membership tiers' },
  { locale: 'he', title: 'דרגות המועדון' },
]) {
  test(`the tiers view of a signed-in member has no serious accessibility violations in ${locale}`, async ({
    page,
    allowedHost,
  }) => {
    await page.goto(
      storefront(
        allowedHost,
        await memberWidget('Johna Linskey', `data-view="tiers" data-locale="${locale}"`),
      ),
    );
    await expect(new TiersView(tiersFrame(page)).current).toHaveCount(1);
    await expectAccessibleWidget(page, 'iframe[title="Loyalty tiers"]', title, locale);
  });
}

appTest(
  'the /tiers page: the tiers for a visitor, the member’s own marked, reached from the card',
  async ({ page }) => {
    const card = new LoyaltyCardPage(page);
    await card.open('/tiers');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Membership tiers');
    const tiers = new TiersView(page);
    await expectSeededLadder(tiers);
    await expect(tiers.current).toHaveCount(0);
    await expect(page.getByTestId('sign-in-panel')).toContainText('Sign in to see your tier');

    await card.signInAs('Johna Linskey');
    await expect(page).toHaveURL(/\/tiers$/);
    await expect(tiers.current.getByRole('heading')).toHaveText('Gold');
    await expect(tiers.next).toHaveText('You have reached the top tier.');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.goto('/');
    await card.card.getByRole('link', { name: /^Gold tier\b.*see all tiers/ }).click();
    await expect(page).toHaveURL(/\/tiers$/);
    await expect(tiers.current.getByRole('heading')).toHaveText('Gold');
  },
);
