import type { Page } from '@playwright/test';
import { mintMemberToken } from '@/demo/member-token';
import { widgetPage } from '@/demo/storefront-page';
import { JOHNA_REFERRAL_CODE } from '@/lib/sandbox/seed';
import { SANDBOX_ADMIN_HEADERS } from '@/testing/award-points';
import { EmbedHostPage } from './pages/embed-host-page';
import { checkoutPage, widget } from './support/checkout-fixtures';
import { LoyaltyCardPage } from './pages/loyalty-card-page';
import { severeViolationsIn } from './support/axe-frame';
import { expect, test, type HostSite } from './support/embed-fixtures';
import { BASE_URL, E2E_SSO_SECRET, SANDBOX_ORIGIN } from './support/env';
import { sandbox } from './support/sandbox';

/**
 * The friend's side of refer-a-friend, on a storefront of another site with third-party cookies blocked: a
 * visitor who follows Johna's link is welcomed with her gift, signs in (or joins) in the widget's popup and is
 * recorded as her referred friend with their own identity; their first order pays Johna once. Every refusal
 * is said in the widget with its code, and the sandbox's referral records are the same after it as before.
 */

type Referrals = {
  referringCustomers: { id: string; contactId: string; referralCode: string }[];
  referredFriends: { id: string; contactId: string; referringCustomerId: string; status: string }[];
  rewards: { id: string; rewardedReferredFriendId?: string; coupon?: { code: string } }[];
  events: unknown[];
};

const referrals = async (): Promise<Referrals> =>
  (await fetch(`${SANDBOX_ORIGIN}/_sandbox/referrals`)).json() as Promise<Referrals>;

/** The card's frame on the host page (the storefront has an earn widget too). */
const cardFrame = (page: Page) =>
  page.frames().find((f) => f.url().startsWith(`${BASE_URL}/embed?`) && f.url().includes('view=card'))!;

const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

test.beforeEach(async () => {
  await sandbox.reset();
});

/** A code of Aigneis's, made as Wix makes one for a contact (Generate Referring Customer, with the key). */
async function aigneisCode(): Promise<string> {
  const { contactId } = await sandbox.member('Aigneis Johnsson');
  const response = await fetch(`${SANDBOX_ORIGIN}/referral-customers/v1/referring-customers`, {
    method: 'POST',
    headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ contactId }),
  });
  return ((await response.json()) as { referringCustomer: { referralCode: string } }).referringCustomer
    .referralCode;
}

/** Opens the storefront with `?ref=` and signs in from the card's own button: the welcome's, or the card's. */
async function arriveAndSignIn(page: Page, host: HostSite, ref: string, memberName: string) {
  const embed = new EmbedHostPage(page);
  await page.goto(`${host.origin}/?ref=${encodeURIComponent(ref)}`);
  const welcome = embed.card.getByTestId('welcome-sign-up');
  const signIn = embed.card.getByRole('button', { name: /^Sign in/ }).first();
  await expect(welcome.or(signIn).first()).toBeVisible();
  const popupOpened = page.waitForEvent('popup');
  await ((await welcome.isVisible()) ? welcome : signIn).click();
  const popup = await popupOpened;
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: new RegExp(memberName) }).click();
  await closed;
  return embed;
}

/** Signs in with `ref` and expects the refusal `code` in the widget, with nothing recorded. */
async function expectRefused(page: Page, host: HostSite, ref: string, memberName: string, code: string) {
  const before = await referrals();
  const embed = await arriveAndSignIn(page, host, ref, memberName);
  await expect(embed.card.getByTestId('embed-notice')).toHaveAttribute('data-code', code);
  await expect(embed.card.getByTestId('balance').or(embed.card.getByTestId('no-account'))).toBeVisible();
  expect(await referrals()).toEqual(before);
  return embed;
}

/**
 * The card says Noah's reward is his, and the sandbox holds him as Johna's one new referred friend, with the
 * coupon the card shows.
 */
async function expectNoahRecorded(embed: EmbedHostPage, before: Referrals) {
  const reward = embed.card.getByTestId('welcome-reward');
  await expect(reward).toContainText('10% off on your first order is yours');
  const johnasCustomer = before.referringCustomers.find((c) => c.referralCode === JOHNA_REFERRAL_CODE)!;
  const noah = await sandbox.member('Noah Newcomer');
  const after = await referrals();
  expect(after.referredFriends).toHaveLength(before.referredFriends.length + 1);
  const friend = after.referredFriends.find((f) => f.contactId === noah.contactId);
  expect(friend).toMatchObject({ referringCustomerId: johnasCustomer.id, status: 'SIGN_UP_COMPLETED' });
  const coupon = after.rewards.find((r) => r.rewardedReferredFriendId === friend!.id)?.coupon;
  await expect(reward.getByTestId('welcome-coupon-code')).toHaveText(coupon!.code);
  return { noah, after, friend, coupon };
}

test("a visitor with Johna's link joins as Noah and gets 10% off; his first order pays Johna 100 stars once, on her open card", async ({
  page,
  context,
  allowedHost,
}) => {
  const before = await referrals();
  const embed = new EmbedHostPage(page);
  await page.goto(`${allowedHost.origin}/?ref=${JOHNA_REFERRAL_CODE}`);
  await expect(embed.card.getByTestId('welcome-gift')).toHaveText(
    'Johna gives you 10% off on your first order',
  );
  // The code travels in the frame's address only: no cookie of the app's holds it.
  const frame = cardFrame(page);
  expect(new URL(frame.url()).searchParams.get('ref')).toBe(JOHNA_REFERRAL_CODE);

  const popupOpened = page.waitForEvent('popup');
  await embed.card.getByTestId('welcome-sign-up').click();
  const popup = await popupOpened;
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: /Noah Newcomer/ }).click();
  await closed;

  const { noah, after, friend, coupon } = await expectNoahRecorded(embed, before);
  // Recorded, the code left the frame: a reload of the widget shows Noah's card, and records nothing again.
  expect(await frame.evaluate(() => new URLSearchParams(location.search).get('ref'))).toBeNull();
  for (const cookie of await context.cookies(BASE_URL))
    expect(cookie.value).not.toContain(JOHNA_REFERRAL_CODE);

  const johnasCard = new LoyaltyCardPage(await context.newPage());
  await johnasCard.open();
  await johnasCard.signInLive('Johna Linskey');
  const johna = await sandbox.member('Johna Linskey');
  const balance = johna.account!.points.balance;
  await expect(johnasCard.text('balance')).toHaveText(number(balance));

  // Before the order: Noah joins the loyalty program from his checkout's view and applies his 10% there.
  const first = await sandbox.createCheckout(noah.id, [{ name: 'Tent', price: 80 }]);
  const totalOf = async () =>
    Number((await sandbox.checkouts()).checkouts.find((c) => c.id === first.id)!.priceSummary.total.amount);
  expect(await totalOf()).toBe(80);
  const checkoutTab = await context.newPage();
  await checkoutTab.goto(await checkoutPage(allowedHost, 'noah', noah.id, first.id));
  const view = widget(checkoutTab);
  await view.getByRole('button', { name: 'Join the program' }).click();
  const offer = view.getByTestId(
    `checkout-referral-${after.rewards.find((r) => r.coupon?.code === coupon!.code)!.id}`,
  );
  await expect(offer).toContainText(coupon!.code);
  await expect(offer).toContainText('10% off: your welcome reward for joining through a friend');
  expect(await severeViolationsIn(checkoutTab, 'iframe[title="Loyalty points at checkout"]')).toEqual([]);
  await offer.getByRole('button', { name: 'Apply' }).click();
  await expect(view.getByTestId('checkout-discount')).toHaveAttribute('data-status', 'APPLIED');
  expect(await totalOf()).toBe(72);
  await checkoutTab.close();
  await sandbox.placeOrder(first.id);
  await sandbox.placeOrder(first.id);
  await sandbox.placeOrder((await sandbox.createCheckout(noah.id)).id);

  await expect(johnasCard.text('balance')).toHaveText(number(balance + 100));
  const paid = (await sandbox.transactions()).filter(
    (t) => t.accountId === johna.account!.id && t.idempotencyKey === `referral-${friend!.id}`,
  );
  expect(paid).toMatchObject([{ type: 'EARN', amount: 100 }]);
  expect((await referrals()).referredFriends.find((f) => f.id === friend!.id)?.status).toBe(
    'ACTIONS_COMPLETED',
  );
  expect((await sandbox.member('Johna Linskey')).account!.points.balance).toBe(balance + 100);
});

test('Johna following her own link is refused as a self-referral, and nothing is recorded', async ({
  page,
  allowedHost,
}) => {
  const embed = await expectRefused(page, allowedHost, JOHNA_REFERRAL_CODE, 'Johna Linskey', 'SELF_REFERRAL');
  await expect(embed.card.getByTestId('embed-notice')).toHaveText(
    'This is your own referral link. Share it with your friends instead.',
  );
});

test('an unknown code shows no welcome, and signing in with it is refused with nothing recorded', async ({
  page,
  allowedHost,
}) => {
  await page.goto(`${allowedHost.origin}/?ref=Unknown12345`);
  const embed = new EmbedHostPage(page);
  await expect(embed.cardSection()).toBeVisible();
  await expect(embed.card.getByTestId('embed-welcome')).toHaveCount(0);
  await expectRefused(page, allowedHost, 'Unknown12345', 'Noah Newcomer', 'REFERRAL_CODE_UNKNOWN');
});

test("a second attribution is refused: Noah, already Johna's friend, signs in with Aigneis's link", async ({
  page,
  allowedHost,
}) => {
  const other = await aigneisCode();
  const embed = await arriveAndSignIn(page, allowedHost, JOHNA_REFERRAL_CODE, 'Noah Newcomer');
  await expect(embed.card.getByTestId('welcome-reward')).toBeVisible();
  await page.goto(allowedHost.origin);
  await embed.card.getByRole('button', { name: 'Sign out' }).click();
  await expect(embed.card.getByRole('button', { name: /^Sign in/ }).first()).toBeVisible();

  await expectRefused(page, allowedHost, other, 'Noah Newcomer', 'ALREADY_REFERRED');
});

test('a customer who already ordered is refused; a malformed code never leaves the page, and is refused if posted', async ({
  page,
  allowedHost,
}) => {
  await expectRefused(page, allowedHost, JOHNA_REFERRAL_CODE, 'Aigneis Johnsson', 'ALREADY_CUSTOMER');

  const before = await referrals();
  const malformed = 'Johna-L1nske';
  await page.goto(`${allowedHost.origin}/?ref=${malformed}`);
  const frame = cardFrame(page);
  expect(new URL(frame.url()).searchParams.has('ref')).toBe(false);
  const post = (referralCode: unknown) =>
    frame.evaluate(
      async (body) => {
        const response = await fetch(`/embed/api/referral${location.search}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, reply: (await response.json()) as { code?: string } };
      },
      { referralCode },
    );
  expect(await post(malformed)).toMatchObject({ status: 400, reply: { code: 'REFERRAL_CODE_INVALID' } });
  expect(await post({ $ne: null })).toMatchObject({ status: 400, reply: { code: 'REFERRAL_CODE_INVALID' } });
  expect(await referrals()).toEqual(before);
});

test('the welcome from data-referral-code passes axe in English and Hebrew', async ({
  page,
  allowedHost,
}) => {
  for (const locale of ['en', 'he']) {
    const url = allowedHost.serve(
      `/welcome-${locale}`,
      `<!doctype html><html lang="${locale}"><head><title>Shop</title></head><body><main><h1>Shop</h1>
      <div data-loyalty-widget data-locale="${locale}" data-referral-code="${JOHNA_REFERRAL_CODE}"></div>
      <script async src="${BASE_URL}/embed.js"></script></main></body></html>`,
    );
    await page.goto(url);
    const embed = new EmbedHostPage(page);
    await expect(embed.card.getByTestId('embed-welcome')).toBeVisible();
    await expect(embed.card.locator('html')).toHaveAttribute('dir', locale === 'he' ? 'rtl' : 'ltr');
    expect(await severeViolationsIn(page, 'iframe[title="Loyalty card"]')).toEqual([]);
  }
});

/** Every referral the widgets on `page` post, to show that none is sent before the member's click. */
function referralPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${BASE_URL}/embed/api/referral`)) posts.push(request.url());
  });
  return posts;
}

/**
 * A member signs in on the storefront with no code, as on any visit, then opens Johna's link: the card offers
 * the invite instead of a sign-in.
 */
async function signedInThenFollow(page: Page, host: HostSite, memberName = 'Noah Newcomer') {
  const embed = new EmbedHostPage(page);
  await embed.open(host.origin);
  await embed.signInThroughPopup(memberName);
  await expect(embed.card.getByTestId('balance').or(embed.card.getByTestId('no-account'))).toBeVisible();
  const before = await referrals();
  const posts = referralPosts(page);
  await page.goto(`${host.origin}/?ref=${JOHNA_REFERRAL_CODE}`);
  await expect(embed.card.getByTestId('welcome-use-invite')).toBeVisible();
  await expect(embed.card.locator('[data-action="sign-in"]')).toHaveCount(0);
  return { embed, before, posts };
}

test("Noah, already signed in, opens Johna's link: nothing is recorded until he uses her invite, then he gets 10% off", async ({
  page,
  allowedHost,
}) => {
  const { embed, before, posts } = await signedInThenFollow(page, allowedHost);
  await expect(embed.card.getByTestId('welcome-gift')).toHaveText(
    'Johna gives you 10% off on your first order',
  );
  const use = embed.card.getByTestId('welcome-use-invite');
  await expect(use).toHaveText("Use Johna's invite");
  expect(await severeViolationsIn(page, 'iframe[title="Loyalty card"]')).toEqual([]);
  // The page has loaded and been checked: no code was posted, and Wix holds nothing new.
  expect(posts).toEqual([]);
  expect(await referrals()).toEqual(before);

  await use.click();
  await expectNoahRecorded(embed, before);
  expect(posts).toHaveLength(1);
  expect(await cardFrame(page).evaluate(() => new URLSearchParams(location.search).get('ref'))).toBeNull();
});

test('Johna, signed in, using the invite of her own link is refused as a self-referral, and nothing is recorded', async ({
  page,
  allowedHost,
}) => {
  const { embed, before } = await signedInThenFollow(page, allowedHost, 'Johna Linskey');
  await embed.card.getByTestId('welcome-use-invite').click();
  const notice = embed.card.getByTestId('embed-notice');
  await expect(notice).toHaveAttribute('data-code', 'SELF_REFERRAL');
  await expect(notice).toHaveText('This is your own referral link. Share it with your friends instead.');
  await expect(embed.card.getByTestId('balance')).toBeVisible();
  await expect(embed.card.getByTestId('embed-welcome')).toHaveCount(0);
  expect(await referrals()).toEqual(before);
});

test("Noah, signed in, says Not now to Johna's invite: his card comes back, and stays, with nothing recorded", async ({
  page,
  allowedHost,
}) => {
  const { embed, before, posts } = await signedInThenFollow(page, allowedHost);
  await embed.card.getByTestId('welcome-not-now').click();
  await expect(embed.card.getByTestId('no-account')).toBeVisible();
  await expect(embed.card.getByTestId('embed-welcome')).toHaveCount(0);
  expect(await cardFrame(page).evaluate(() => new URLSearchParams(location.search).get('ref'))).toBeNull();
  // The host asks every widget again: the code is gone from the card's frame, so the welcome is too.
  await embed.refreshWidgets();
  await embed.messagesHandled(page.locator('iframe[title="Loyalty card"]'));
  await expect(embed.card.getByTestId('no-account')).toBeVisible();
  await expect(embed.card.getByTestId('embed-welcome')).toHaveCount(0);
  expect(posts).toEqual([]);
  expect(await referrals()).toEqual(before);
});

test("a storefront's member token signs Noah in on Johna's link: the invite waits for his click", async ({
  page,
  allowedHost,
}) => {
  const { id } = await sandbox.member('Noah Newcomer');
  const token = await mintMemberToken({ secret: E2E_SSO_SECRET, memberId: id, audience: BASE_URL });
  const url = allowedHost.serve(
    '/referral/sso',
    widgetPage(BASE_URL, `<div data-loyalty-widget data-member-token="${token}"></div>`),
  );
  const before = await referrals();
  const posts = referralPosts(page);
  const embed = new EmbedHostPage(page);
  await page.goto(`${url}?ref=${JOHNA_REFERRAL_CODE}`);
  await expect.poll(async () => (await embed.eventsOfType('loyalty:signed-in')).length).toBe(1);
  const use = embed.card.getByTestId('welcome-use-invite');
  await expect(use).toBeVisible();
  await embed.messagesHandled(page.locator('iframe[title="Loyalty card"]'));
  expect(posts).toEqual([]);
  expect(await referrals()).toEqual(before);

  await use.click();
  await expectNoahRecorded(embed, before);
  expect(posts).toHaveLength(1);
});
