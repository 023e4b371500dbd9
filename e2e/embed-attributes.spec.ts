import { mintMemberToken } from '@/demo/member-token';
import { widgetPage } from '@/demo/storefront-page';
import { EmbedHostPage } from './pages/embed-host-page';
import { BASE_URL, E2E_SSO_SECRET } from './support/env';
import { expect, test, type HostSite } from './support/embed-fixtures';
import { sandbox } from './support/sandbox';

/** The host page's attributes are text from a page we do not control: good ones apply, bad ones are ignored. */

test.beforeEach(async () => {
  await sandbox.reset();
});

let pageCount = 0;
function hostPage(host: HostSite, markup: string): string {
  return host.serve(`/attributes/${++pageCount}`, widgetPage(BASE_URL, markup));
}

const backgroundOf = (host: EmbedHostPage, name: string) =>
  host.card.getByRole('button', { name }).evaluate((element) => getComputedStyle(element).backgroundColor);

test('a valid accent colour and theme apply', async ({ page, allowedHost }) => {
  const host = new EmbedHostPage(page);
  await host.open(
    hostPage(allowedHost, '<div data-loyalty-widget data-accent="#0a7d55" data-theme="dark"></div>'),
  );
  expect(await backgroundOf(host, 'Sign in')).toBe('rgb(10, 125, 85)');
  expect(await host.cardSection().evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
    'rgb(28, 25, 23)',
  );
});

test('an accent that tries to inject CSS is ignored, and nothing it names is loaded', async ({
  page,
  allowedHost,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const host = new EmbedHostPage(page);
  await host.open(
    hostPage(
      allowedHost,
      '<div data-loyalty-widget data-accent="red;background:url(x)" data-theme="light"></div>',
    ),
  );
  expect(await backgroundOf(host, 'Sign in')).toBe('rgb(28, 25, 23)');
  expect(await host.cardSection().evaluate((element) => getComputedStyle(element).backgroundImage)).toBe(
    'none',
  );
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${BASE_URL}/embed`))!;
  expect(await frame.content()).not.toContain('url(x)');
  expect(requested.filter((url) => /\/x$/.test(url))).toEqual([]);
});

test('an unknown view shows the card', async ({ page, allowedHost }) => {
  const host = new EmbedHostPage(page);
  await host.open(hostPage(allowedHost, '<div data-loyalty-widget data-view="admin"></div>'));
  await expect(host.card.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('iframe')).toHaveAttribute('title', 'Loyalty card');
});

test('huge attribute values are ignored and the widget still works', async ({ page, allowedHost }) => {
  const huge = 'a'.repeat(100_000);
  const host = new EmbedHostPage(page);
  await host.open(
    hostPage(
      allowedHost,
      `<div data-loyalty-widget data-view="${huge}" data-theme="${huge}" data-accent="${huge}" data-locale="${huge}" data-member-token="${huge}"></div>`,
    ),
  );
  await expect(host.card.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const src = await page.locator('iframe').getAttribute('src');
  expect(src!.length).toBeLessThan(300);
  expect(src).not.toContain('aaaa');
});

test('markup in an attribute is never echoed into the widget', async ({ page, allowedHost }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const host = new EmbedHostPage(page);
  await host.open(
    hostPage(
      allowedHost,
      `<div data-loyalty-widget data-locale='"><script>alert(1)</script>' data-theme='"><img src=x onerror=alert(2)>'></div>`,
    ),
  );
  await expect(host.card.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${BASE_URL}/embed`))!;
  expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await frame.content()).not.toContain('alert(');
  expect(dialogs).toEqual([]);
});

test('a locale the host asks for formats the numbers', async ({ page, allowedHost }) => {
  const { id } = await sandbox.member('Johna Linskey');
  const token = await mintMemberToken({ secret: E2E_SSO_SECRET, memberId: id, audience: BASE_URL });
  const host = new EmbedHostPage(page);
  await page.goto(
    hostPage(allowedHost, `<div data-loyalty-widget data-locale="de-DE" data-member-token="${token}"></div>`),
  );
  await expect(host.card.getByTestId('balance')).toHaveText('1.250');
});
