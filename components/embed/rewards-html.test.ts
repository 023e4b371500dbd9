import { describe, expect, it } from 'vitest';
import type { CouponView, RewardView } from '@/lib/loyalty/rewards-view';
import { renderContextIn, TEST_PROGRAM as program } from '@/testing/embed-render-context';
import { describeRedemption, redeemedCouponHtml, rewardsHtml } from './rewards-html';

const affordable: RewardView = {
  id: 'c0000000-0000-4000-8000-000000000003',
  name: '10% off',
  kind: 'percent-off',
  value: 10,
  cost: 400,
  tierExclusive: false,
  pointsToGo: 0,
  progress: 1,
};
const tooDear: RewardView = {
  ...affordable,
  id: 'c0000000-0000-4000-8000-000000000005',
  name: 'Gold members: $20 off',
  kind: 'amount-off',
  value: 20,
  cost: 2000,
  tierExclusive: true,
  pointsToGo: 750,
  progress: 0.625,
};
const coupon = (status: CouponView['status'], code: string): CouponView => ({
  id: `coupon-${code}`,
  code,
  rewardName: '$10 off',
  kind: 'amount-off',
  value: 10,
  status,
  createdDate: '2026-02-24T12:00:00.000Z',
});
const en = renderContextIn('en');
const member = (coupons: CouponView[] = []) =>
  rewardsHtml(
    {
      rewards: {
        ok: true,
        view: {
          status: 'member',
          program,
          balance: 1250,
          tierName: 'Gold',
          rewards: [affordable, tooDear],
          coupons,
        },
      },
      signedIn: true,
    },
    en,
  ).markup;

describe('rewards view HTML', () => {
  it('offers Redeem where the balance covers the cost, with its confirmation hidden beside it', () => {
    const markup = member();
    expect(markup).toContain('data-balance="1250"');
    expect(markup).toContain('You have 1,250 stars');
    const item = markup.slice(
      markup.indexOf(`reward-${affordable.id}`),
      markup.indexOf(`reward-${tooDear.id}`),
    );
    expect(item).toContain('data-action="redeem"');
    expect(item).toMatch(/data-confirm\s+hidden/);
    expect(item).toContain('Spend 400 stars for 10% off?');
    expect(item).toContain(`data-action="confirm-redeem"`);
    expect(item).toContain(`data-reward-id="${affordable.id}"`);
    expect(item).toContain('data-action="cancel-redeem"');
  });

  it('says how many points are missing where the balance falls short, and whose perk it is', () => {
    const markup = member();
    const item = markup.slice(markup.indexOf(`reward-${tooDear.id}`));
    expect(item.slice(0, item.indexOf('</li>'))).not.toContain('data-action="redeem"');
    expect(item).toContain('750 more stars');
    expect(item).toContain('Gold members only');
  });

  it("lists the member's coupons, with Copy only for those that can still be used", () => {
    const markup = member([coupon('active', 'ACTIVE123456'), coupon('used', 'USED12345678')]);
    expect(markup).toContain('My coupons');
    expect(markup).toContain('data-code="ACTIVE123456"');
    expect(markup).toContain('data-copied="Copied ACTIVE123456."');
    expect(markup).not.toContain('data-code="USED12345678"');
    expect(markup).toContain('Redeemed February 24, 2026');
    expect(member()).toContain('You have no coupons yet.');
  });

  it('asks a visitor to sign in and a member without an account to join, with the base prices', () => {
    const rewards = [affordable];
    const visitor = rewardsHtml(
      { rewards: { ok: true, view: { status: 'visitor', program, rewards } }, signedIn: false },
      en,
    ).markup;
    expect(visitor).toContain('data-action="sign-in"');
    expect(visitor).toContain('Sign in to redeem.');
    expect(visitor).not.toContain('data-action="redeem"');
    const joining = rewardsHtml(
      { rewards: { ok: true, view: { status: 'no-account', program, rewards } }, signedIn: true },
      en,
    ).markup;
    expect(joining).toContain('data-action="join"');
    expect(joining).toContain('Join the program to redeem.');
    expect(joining).not.toContain('data-action="redeem"');
  });

  it('says the rewards could not be loaded and offers Retry', () => {
    const markup = rewardsHtml(
      { rewards: { ok: false, code: 'UPSTREAM_UNAVAILABLE' }, signedIn: true },
      en,
    ).markup;
    expect(markup).toContain('role="alert"');
    expect(markup).toContain('We could not load the rewards just now.');
    expect(markup).toContain('data-action="retry"');
  });

  it('writes in the widget’s language and escapes names from Wix', () => {
    const hostile = { ...affordable, name: '<img src=x onerror=alert(1)>' };
    const markup = rewardsHtml(
      {
        rewards: {
          ok: true,
          view: { status: 'member', program, balance: 1250, tierName: null, rewards: [hostile], coupons: [] },
        },
        signedIn: true,
      },
      renderContextIn('de'),
    ).markup;
    expect(markup).not.toContain('<img');
    expect(markup).toContain('Einlösen');
  });

  it('shows the new coupon with its code to copy, and words the redemption’s result', () => {
    const fresh = coupon('pending', 'NEWCODE12345');
    const markup = redeemedCouponHtml(fresh, en).markup;
    expect(markup).toContain('Your coupon for $10 off');
    expect(markup).toContain('data-testid="redeemed-code">NEWCODE12345<');
    expect(markup).toContain('aria-label="Copy code NEWCODE12345"');
    expect(
      describeRedemption({ ok: true, coupon: fresh, cost: 200, account: {} as never }, 'Stars', en.t),
    ).toBe('You spent 200 stars on $10 off. Your coupon code is NEWCODE12345.');
    expect(describeRedemption({ ok: false, code: 'REDEMPTION_IN_PROGRESS' }, 'Stars', en.t)).toBe(
      'Another redemption is still going through. Please wait a moment.',
    );
  });
});
