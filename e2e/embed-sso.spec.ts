import type { Page } from '@playwright/test';
import { mintMemberToken } from '@/demo/member-token';
import { storefrontPage, widgetPage } from '@/demo/storefront-page';
import { EmbedHostPage } from './pages/embed-host-page';
import { BASE_URL, E2E_SSO_SECRET } from './support/env';
import { expect, test, type HostSite } from './support/embed-fixtures';
import { sandbox } from './support/sandbox';

/**
 * A storefront that already signed its shopper in passes a short-lived token it signed with the shared
 * secret: the widget signs that member in without a popup, and refuses every token it cannot trust.
 */

test.beforeEach(async () => {
  await sandbox.reset();
});

/** Every response from the app, to show that no refusal is a server error. */
function appStatuses(page: Page): number[] {
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(BASE_URL)) statuses.push(response.status());
  });
  return statuses;
}

async function elenaToken(overrides: Partial<Parameters<typeof mintMemberToken>[0]> = {}) {
  const { id } = await sandbox.member('Elena Rodriguez');
  return mintMemberToken({ secret: E2E_SSO_SECRET, memberId: id, audience: BASE_URL, ...overrides });
}

function pageWithToken(host: HostSite, name: string, token: string): string {
  return host.serve(
    `/sso/${name}`,
    widgetPage(BASE_URL, `<div data-loyalty-widget data-member-token="${token}"></div>`),
  );
}

test('a valid member token signs the member in, with no popup', async ({ page, allowedHost }) => {
  const popups: unknown[] = [];
  page.on('popup', (popup) => popups.push(popup));
  const host = new EmbedHostPage(page);
  await page.goto(pageWithToken(allowedHost, 'valid', await elenaToken()));

  const { account } = await sandbox.member('Elena Rodriguez');
  await expect(host.card.getByTestId('balance')).toHaveText(String(account!.points.balance));
  expect(popups).toHaveLength(0);
  expect((await host.eventsOfType('loyalty:signed-in')).length).toBe(1);
  // The token stays out of the frame's address once it is spent.
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${BASE_URL}/embed`))!;
  expect(frame.url()).not.toContain('member-token');
});

test('the storefront page of the demo host signs both widgets in with one token', async ({
  page,
  allowedHost,
}) => {
  const url = allowedHost.serve(
    '/sso/storefront',
    storefrontPage({ appOrigin: BASE_URL, memberToken: await elenaToken() }),
  );
  const host = new EmbedHostPage(page);
  await page.goto(url);
  await expect(host.card.getByTestId('balance')).toBeVisible();
  await expect(host.earn.getByRole('button', { name: 'Claim 40 stars' })).toBeVisible();
});

const REFUSALS = [
  ['expired', 'MEMBER_TOKEN_EXPIRED', () => elenaToken({ expiresInSeconds: -120 })],
  [
    'signed with another secret',
    'MEMBER_TOKEN_INVALID',
    () => elenaToken({ secret: 'not-the-storefront-secret-0123456789abcdef' }),
  ],
  [
    'meant for another app',
    'MEMBER_TOKEN_WRONG_AUDIENCE',
    () => elenaToken({ audience: 'https://other-loyalty.example' }),
  ],
  ['valid for an hour', 'MEMBER_TOKEN_INVALID', () => elenaToken({ expiresInSeconds: 3_600 })],
  [
    'tampered with after signing',
    'MEMBER_TOKEN_INVALID',
    async () => {
      const [header, payload, signature] = (await elenaToken()).split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const johna = (await sandbox.member('Johna Linskey')).id;
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: johna })).toString('base64url');
      return `${header}.${forged}.${signature}`;
    },
  ],
] as const;

for (const [label, code, token] of REFUSALS) {
  test(`a token ${label} shows the visitor view with ${code}, and no 5xx`, async ({ page, allowedHost }) => {
    const statuses = appStatuses(page);
    const host = new EmbedHostPage(page);
    await page.goto(pageWithToken(allowedHost, code, await token()));
    await expect(host.card.getByTestId('embed-notice')).toHaveAttribute('data-code', code);
    await expect(host.card.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(host.card.getByTestId('balance')).toHaveCount(0);
    expect(statuses.some((status) => status >= 500)).toBe(false);
    expect(statuses).toContain(401);
  });
}

test('a replayed token is refused, and the session it had made ends', async ({ page, allowedHost }) => {
  const statuses = appStatuses(page);
  const host = new EmbedHostPage(page);
  const url = pageWithToken(allowedHost, 'replayed', await elenaToken());
  await page.goto(url);
  await expect(host.card.getByTestId('balance')).toBeVisible();

  await page.reload();
  await expect(host.card.getByTestId('embed-notice')).toHaveAttribute('data-code', 'MEMBER_TOKEN_REPLAYED');
  await expect(host.card.getByTestId('balance')).toHaveCount(0);
  await page.goto(allowedHost.serve('/sso/plain', widgetPage(BASE_URL, '<div data-loyalty-widget></div>')));
  await expect(host.card.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(statuses.some((status) => status >= 500)).toBe(false);
});

test("a claim from the widget reads only the offer id: a forged account and amount change nothing but the member's award", async ({
  page,
  allowedHost,
}) => {
  const host = new EmbedHostPage(page);
  const url = allowedHost.serve(
    '/sso/earn',
    widgetPage(
      BASE_URL,
      `<div data-loyalty-widget data-view="earn" data-member-token="${await elenaToken()}"></div>`,
    ),
  );
  await page.goto(url);
  await expect(host.earn.getByRole('button', { name: 'Claim 40 stars' })).toBeVisible();
  const johna = (await sandbox.member('Johna Linskey')).account!;
  const elenaBefore = (await sandbox.member('Elena Rodriguez')).account!.points.balance;

  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${BASE_URL}/embed`))!;
  const reply = await frame.evaluate(async (accountId) => {
    const response = await fetch('/embed/api/claim?view=earn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offerId: 'follow-tiktok', accountId, amount: 100_000, points: 100_000 }),
    });
    return response.json();
  }, johna.id);

  expect(reply).toMatchObject({ ok: true, points: 40, balance: elenaBefore + 40 });
  expect((await sandbox.member('Elena Rodriguez')).account!.points.balance).toBe(elenaBefore + 40);
  expect((await sandbox.member('Johna Linskey')).account!.points.balance).toBe(johna.points.balance);
});
