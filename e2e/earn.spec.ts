import { expect, test } from '@playwright/test';
import { EarnPage } from './pages/earn-page';
import { sandbox } from './support/sandbox';

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
});

const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

for (const followAwards of [true, false]) {
  test(`a member claims Instagram and the card changes at once, without a reload (Wix ${followAwards ? 'pays' : 'does not pay'} for follows)`, async ({
    page,
  }) => {
    await sandbox.setBehaviour({ followAwards });
    const earn = new EarnPage(page);
    await earn.open();
    await earn.card.signInAs('Elena Rodriguez');
    await expect(earn.page).toHaveURL(/\/earn$/);
    const before = (await sandbox.member('Elena Rodriguez')).account!;

    await expect(earn.offer('follow-instagram')).toContainText('+50 stars');
    await expect(
      earn.offer('follow-instagram').getByRole('link', { name: /Instagram profile/ }),
    ).toHaveAttribute('target', '_blank');
    let reloaded = false;
    let refetched = false;
    // A reload is a request for a document. Not `framenavigated`: that also fires for the history entry
    // Next's router replaces when it hydrates, which on a busy machine can come after this point.
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) reloaded = true;
      if (request.url().includes('/api/loyalty/account')) refetched = true;
    });
    await earn.claimButton('follow-instagram').click();

    await expect(earn.status).toContainText('you earned 50 stars');
    await expect(earn.card.text('balance')).toHaveText(number(before.points.balance + 50));
    await expect(earn.card.text('tier-points')).toContainText(number((before.tier?.points ?? 0) + 50));
    await expect(earn.offer('follow-instagram').getByTestId('offer-done')).toBeVisible();
    // The card changed from the action's own answer: no reload, and no second fetch of the account.
    expect(reloaded).toBe(false);
    expect(refetched).toBe(false);

    const after = (await sandbox.member('Elena Rodriguez')).account!;
    expect(after.points.balance).toBe(before.points.balance + 50);
    const earns = (await sandbox.transactions()).filter(
      (t) => t.accountId === before.id && t.type === 'EARN',
    );
    expect(earns.filter((t) => t.channel === 'INSTAGRAM')).toHaveLength(1);
  });
}

test('a second claim from another tab says it was already claimed and changes nothing', async ({
  page,
  context,
}) => {
  const earn = new EarnPage(page);
  await earn.open();
  await earn.card.signInAs('Elena Rodriguez');
  const other = new EarnPage(await context.newPage());
  await other.open();

  await earn.claimButton('follow-facebook').click();
  await expect(earn.status).toContainText('you earned 30 stars');
  const afterFirst = await sandbox.state();

  await other.claimButton('follow-facebook').click();
  await expect(other.status).toContainText('already earned points for this');
  expect(await sandbox.state()).toEqual(afterFirst);

  await page.reload();
  await expect(earn.offer('follow-facebook').getByTestId('offer-done')).toBeVisible();
});

test('a newsletter award someone else already gave shows as done and cannot be claimed again', async ({
  page,
}) => {
  const earn = new EarnPage(page);
  await earn.open();
  await earn.card.signInAs('Aigneis Johnsson');
  await expect(earn.offer('newsletter-signup').getByTestId('offer-done')).toBeVisible();
  await expect(earn.claimButton('newsletter-signup')).toHaveCount(0);
});

test('a disabled channel is not offered', async ({ page }) => {
  const earn = new EarnPage(page);
  await earn.open();
  await expect(earn.offer('follow-instagram')).toBeVisible();
  await expect(earn.offer('follow-x')).toHaveCount(0);
});

test('a visitor who wants to earn is sent through sign-in and comes back', async ({ page }) => {
  const earn = new EarnPage(page);
  await earn.open();
  await earn
    .offer('follow-tiktok')
    .getByRole('link', { name: /Sign in to earn 40 stars/ })
    .click();
  await page.getByRole('button', { name: /Aigneis Johnsson/ }).click();
  await expect(page).toHaveURL(/\/earn$/);
  await expect(earn.claimButton('follow-tiktok')).toBeVisible();
});

test('a member without an account joins and then earns', async ({ page }) => {
  const earn = new EarnPage(page);
  await earn.open();
  await earn.card.signInAs('Noah Newcomer');
  await expect(earn.offer('follow-linkedin').getByRole('button')).toBeDisabled();

  await earn.card.card.getByRole('button', { name: 'Join Star Rewards' }).click();
  await expect(earn.card.text('balance')).toHaveText('0');
  expect((await sandbox.member('Noah Newcomer')).account).not.toBeNull();

  await earn.claimButton('follow-linkedin').click();
  await expect(earn.status).toContainText('you earned 20 stars');
  await expect(earn.card.text('balance')).toHaveText('20');
  expect((await sandbox.member('Noah Newcomer')).account?.points.balance).toBe(20);
});

test('an account id or amount forged into the form is ignored', async ({ page }) => {
  const earn = new EarnPage(page);
  await earn.open();
  await earn.card.signInAs('Elena Rodriguez');
  const johnaBefore = (await sandbox.member('Johna Linskey')).account!;
  const elenaBefore = (await sandbox.member('Elena Rodriguez')).account!;

  await earn.waitForHydration('newsletter-signup');
  await earn
    .offer('newsletter-signup')
    .locator('form')
    .evaluate((form, johnaId) => {
      for (const [name, value] of [
        ['accountId', johnaId],
        ['amount', '100000'],
        ['contactId', 'someone-else'],
      ]) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name!;
        input.value = value!;
        form.appendChild(input);
      }
    }, johnaBefore.id);
  await earn.claimButton('newsletter-signup').click();
  await expect(earn.status).toContainText('you earned 25 stars');

  expect((await sandbox.member('Johna Linskey')).account).toEqual(johnaBefore);
  expect((await sandbox.member('Elena Rodriguez')).account!.points.balance).toBe(
    elenaBefore.points.balance + 25,
  );
});

test('an offer id that does not exist is refused and writes nothing', async ({ page }) => {
  const earn = new EarnPage(page);
  await earn.open();
  await earn.card.signInAs('Elena Rodriguez');
  const before = await sandbox.state();
  await earn.waitForHydration('follow-instagram');
  await earn
    .offer('follow-instagram')
    .locator('input[name="offerId"]')
    .evaluate((input: HTMLInputElement) => {
      // React keeps its own hidden input's value, and restores it on any re-render; a forged field of the
      // page's own stays as the attacker set it.
      input.name = 'ignored';
      const forged = document.createElement('input');
      forged.type = 'hidden';
      forged.name = 'offerId';
      forged.value = 'follow-myspace';
      input.form!.appendChild(forged);
    });
  await earn.claimButton('follow-instagram').click();
  await expect(earn.status).toContainText('does not earn points here');
  expect(await sandbox.state()).toEqual(before);
});
