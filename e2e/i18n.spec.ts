import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { mintMemberToken } from '@/demo/member-token';
import { widgetPage } from '@/demo/storefront-page';
import { EmbedHostPage } from './pages/embed-host-page';
import { ENGLISH_SENTENCES, LocalizedPages } from './pages/localized-pages';
import { test as embedTest } from './support/embed-fixtures';
import { BASE_URL, E2E_SSO_SECRET } from './support/env';
import { sandbox } from './support/sandbox';

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
});

const MEMBER_PAGES = ['/', '/earn', '/rewards'] as const;

test.describe('with Accept-Language: de', () => {
  test.use({ locale: 'de-DE' });

  test('the card, earn and rewards pages say nothing in English, for a visitor and a member', async ({
    page,
  }) => {
    const pages = new LocalizedPages(page);
    expect(ENGLISH_SENTENCES.length).toBeGreaterThan(50);
    for (const signedIn of [false, true]) {
      if (signedIn) await pages.signInAs('Elena Rodriguez');
      for (const path of MEMBER_PAGES) {
        await pages.open(path);
        await expect(pages.html).toHaveAttribute('lang', 'de');
        await expect(pages.html).toHaveAttribute('dir', 'ltr');
        const said = await pages.everythingSaid();
        expect(
          ENGLISH_SENTENCES.filter((sentence) => said.includes(sentence)),
          `${path}`,
        ).toEqual([]);
      }
    }
    // Numbers, dates and the relative time are German too, and the sentence around them.
    await pages.open('/');
    await expect(pages.card.getByTestId('expiring')).toContainText(
      /verfallen am \d+\. \p{L}+ \d{4} \(in \d+ Tagen\)/u,
    );
  });
});

test.describe('with Accept-Language: he', () => {
  test.use({ locale: 'he-IL' });

  test('the page is right to left and the tier progress fills from the right', async ({ page }) => {
    const pages = new LocalizedPages(page);
    await pages.signInAs('Elena Rodriguez');
    await expect(pages.html).toHaveAttribute('lang', 'he');
    await expect(pages.html).toHaveAttribute('dir', 'rtl');
    const { track, fill } = await pages.tierProgressBoxes();
    expect(fill.width).toBeGreaterThan(0);
    expect(fill.width).toBeLessThan(track.width);
    expect(Math.abs(fill.x + fill.width - (track.x + track.width))).toBeLessThan(1);
    expect(fill.x - track.x).toBeGreaterThan(1);
  });
});

test('in English the tier progress fills from the left', async ({ page }) => {
  const pages = new LocalizedPages(page);
  await pages.signInAs('Elena Rodriguez');
  await expect(pages.html).toHaveAttribute('dir', 'ltr');
  const { track, fill } = await pages.tierProgressBoxes();
  expect(Math.abs(fill.x - track.x)).toBeLessThan(1);
  expect(fill.width).toBeLessThan(track.width);
});

test.describe('the language switcher', () => {
  test.use({ locale: 'es-ES' });

  test('changes the language over Accept-Language and is remembered', async ({ page, context }) => {
    const pages = new LocalizedPages(page);
    await pages.open('/');
    await expect(pages.html).toHaveAttribute('lang', 'es');
    await expect(pages.switcher.getByRole('button', { name: 'Español' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await pages.chooseLanguage('Deutsch');
    await expect(pages.html).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deine Prämien');
    await expect(pages.switcher.getByRole('button', { name: 'Deutsch' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await pages.open('/rewards');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prämien');
    const again = new LocalizedPages(await context.newPage());
    await again.open('/earn');
    await expect(again.html).toHaveAttribute('lang', 'de');

    await pages.chooseLanguage('עברית');
    await expect(pages.html).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('הטבות');
  });
});

for (const locale of ['en', 'de', 'fr', 'es', 'he'] as const) {
  test(`axe finds no serious or critical violation in ${locale}`, async ({ page, context, baseURL }) => {
    // Eight page loads and eight axe runs: more than the default timeout allows on a busy machine.
    test.slow();
    await context.addCookies([{ name: 'locale', value: locale, url: baseURL! }]);
    const pages = new LocalizedPages(page);
    for (const signedIn of [false, true]) {
      if (signedIn) await pages.signInAs('Elena Rodriguez');
      for (const path of MEMBER_PAGES) {
        await pages.open(path);
        await expect(pages.html).toHaveAttribute('lang', locale);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          `${locale} ${path} signed ${signedIn ? 'in' : 'out'}`,
        ).toEqual([]);
      }
    }
  });
}

embedTest(
  'data-locale="fr" gives French inside an English host page, before and after signing in',
  async ({ page, allowedHost }) => {
    const { id } = await sandbox.member('Johna Linskey');
    const token = await mintMemberToken({ secret: E2E_SSO_SECRET, memberId: id, audience: BASE_URL });
    const host = new EmbedHostPage(page);
    const frameSays = () => host.card.locator('html').evaluate((root) => (root as HTMLElement).innerText);

    await page.goto(
      allowedHost.serve(
        '/i18n/visitor',
        widgetPage(BASE_URL, '<div data-loyalty-widget data-locale="fr"></div>'),
      ),
    );
    await expect(host.card.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(host.cardSection()).toContainText('Gagnez des stars à chaque commande.');
    const visitorText = await frameSays();
    expect(ENGLISH_SENTENCES.filter((sentence) => visitorText.includes(sentence))).toEqual([]);

    await page.goto(
      allowedHost.serve(
        '/i18n/member',
        widgetPage(BASE_URL, `<div data-loyalty-widget data-locale="fr" data-member-token="${token}"></div>`),
      ),
    );
    await expect(host.card.getByTestId('balance')).toHaveText('1\u202f250');
    await expect(host.card.getByTestId('reward-badge')).toHaveText(/Récompense disponible/);
    const memberText = await frameSays();
    expect(ENGLISH_SENTENCES.filter((sentence) => memberText.includes(sentence))).toEqual([]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  },
);
