import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/catalogues';
import type { Locale } from '@/lib/i18n/locales';
import type { CheckoutContent } from '@/lib/embed/widget-data';
import type { CheckoutPointsView } from '@/lib/loyalty/checkout-view';
import { checkoutHtml } from './checkout-html';

const CHECKOUT_ID = '11111111-2222-4333-8444-555555555555';
const REWARD_ID = 'aaaaaaaa-2222-4333-8444-555555555555';
const COUPON_ID = 'bbbbbbbb-2222-4333-8444-555555555555';
const FLEX_ID = 'cccccccc-2222-4333-8444-555555555555';
const REFERRAL_ID = 'dddddddd-2222-4333-8444-555555555555';

const inLocale = (locale: Locale) => ({
  locale,
  t: createTranslator({ locale, messages: messagesFor(locale) }),
  timeZone: 'UTC',
  now: Date.parse('2026-03-01T12:00:00Z'),
  notice: null,
});

const view: CheckoutPointsView = {
  checkoutId: CHECKOUT_ID,
  balance: 1250,
  total: { amount: 92, currency: 'USD' },
  rewards: [
    {
      id: REWARD_ID,
      name: '$10 off',
      kind: 'amount-off',
      cost: 200,
      value: 10,
      tierExclusive: false,
      pointsToGo: 0,
      progress: 1,
    },
  ],
  referralRewards: [],
  coupons: [
    {
      id: COUPON_ID,
      code: 'ABCDEF123456',
      rewardName: '$10 off',
      kind: 'amount-off',
      value: 10,
      status: 'active',
      createdDate: null,
    },
  ],
  flexible: { id: FLEX_ID, name: 'Pay with stars', step: 10, unitAmount: 1, minPoints: 10, maxPoints: 920 },
  discount: null,
};

const applied = {
  id: FLEX_ID,
  checkoutId: CHECKOUT_ID,
  status: 'APPLIED' as const,
  kind: 'reward' as const,
  name: '$10 off',
  amountOff: 10,
  pointsSpent: 200,
};

const render = (content: Partial<CheckoutContent>, locale: Locale = 'en') =>
  checkoutHtml({ state: view, pointsName: 'Stars', outcome: null, ...content }, inLocale(locale)).markup;

describe('checkout view HTML', () => {
  it('offers each reward, coupon and the flexible points with what the frame script needs to apply them', () => {
    const markup = render({});
    expect(markup).toContain(`data-checkout-id="${CHECKOUT_ID}"`);
    expect(markup).toContain('data-balance="1250"');
    expect(markup).toContain(`data-reward-id="${REWARD_ID}"`);
    expect(markup).toContain(`data-coupon-id="${COUPON_ID}"`);
    expect(markup).toMatch(/type="range"[^>]*min="10"[^>]*max="920"[^>]*step="10"[^>]*value="920"/);
    expect(markup).toContain('data-unit-amount="1"');
    expect(markup).toContain('data-currency="USD"');
    // The sentence the script rewrites, and what the server says for the points it starts at.
    expect(markup).toContain('data-template="%POINTS% stars take %AMOUNT% off this order."');
    expect(markup).toContain('920 stars take $92.00 off this order.');
    expect(markup).toContain('Order total: $92.00');
  });

  it("offers a friend's referral coupon beside the coupons, with what it takes off and its code, in each language", () => {
    const benefit = { kind: 'percent-off' as const, percent: 10 };
    const referralRewards = [{ id: REFERRAL_ID, code: 'FRIEND-NOAH10', benefit }];
    const markup = render({ state: { ...view, referralRewards } });
    expect(markup).toContain(`data-referral-reward-id="${REFERRAL_ID}"`);
    expect(markup).toContain('From your friend');
    expect(markup).toContain('10% off: your welcome reward for joining through a friend');
    expect(markup).toContain('FRIEND-NOAH10');
    expect(render({ state: { ...view, referralRewards } }, 'he')).toContain('מההזמנה של החבר שלך');
    // One whose terms are unknown (a Remove just gave it back) is still offered, without a figure.
    const unknown = render({
      state: { ...view, referralRewards: [{ ...referralRewards[0]!, benefit: null }] },
    });
    expect(unknown).toContain('Your welcome reward for joining through a friend');
    expect(
      render({ state: { ...view, referralRewards: [], rewards: [], coupons: [], flexible: null } }),
    ).toContain('data-testid="checkout-nothing"');
    expect(
      render({ state: { ...view, referralRewards, rewards: [], coupons: [], flexible: null } }),
    ).not.toContain('data-testid="checkout-nothing"');
  });

  it('offers nothing more once a loyalty discount holds the checkout, and says its status', () => {
    const markup = render({ state: { ...view, discount: applied } });
    expect(markup).toContain('data-status="APPLIED"');
    expect(markup).toContain('On this checkout: $10 off');
    expect(markup).not.toContain('data-action="apply"');
  });

  it('says what the discount took off, in the checkout’s currency, what it cost, and offers Remove', () => {
    const markup = render({ state: { ...view, total: { amount: 82, currency: 'EUR' }, discount: applied } });
    expect(markup).toContain('data-amount-off="10"');
    expect(markup).toContain('€10.00 off this order');
    expect(markup).toContain('data-points="200"');
    expect(markup).toContain('Paid with 200 stars');
    expect(markup).toMatch(/data-action="remove"[^>]*data-busy-label="Removing…"[^>]*>\s*Remove\s*</);
    const hebrew = render({ state: { ...view, discount: applied } }, 'he');
    expect(hebrew).toContain('הסרה');
    expect(hebrew).toContain('שולם ב־200 stars');
  });

  it('says a held coupon cost no points, and leaves out what it does not know', () => {
    const coupon = { ...applied, kind: 'coupon' as const, pointsSpent: 0 };
    expect(render({ state: { ...view, discount: coupon } })).toContain('Paid with a coupon you already had');
    const unknown = render({
      state: { ...view, discount: { ...applied, amountOff: null, pointsSpent: null } },
    });
    expect(unknown).not.toContain('data-testid="discount-amount-off"');
    expect(unknown).not.toContain('data-testid="discount-cost"');
    expect(unknown).toContain('data-action="remove"');
  });

  it('offers no Remove once the discount was used on the order', () => {
    const markup = render({ state: { ...view, discount: { ...applied, status: 'COMPLETED' } } });
    expect(markup).toContain('Used on your order');
    expect(markup).not.toContain('data-action="remove"');
  });

  it('words a removal and its refusals from the catalogue', () => {
    const removed = { ...applied, status: 'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL' as const };
    const done = render({ state: { ...view, discount: removed }, outcome: { action: 'remove', ok: true } });
    expect(done).toContain('Removed: your stars are back on your balance.');
    expect(done).not.toContain('data-action="remove"');
    expect(done).not.toContain('data-testid="discount-amount-off"');
    const placed = render({ outcome: { action: 'remove', ok: false, code: 'ORDER_ALREADY_PLACED' } }, 'de');
    expect(placed).toContain('Diese Bestellung ist schon aufgegeben, der Rabatt bleibt.');
  });

  it('leaves out a total it knows has changed since it was read', () => {
    expect(render({ state: { ...view, total: { amount: null, currency: 'USD' } } })).not.toContain(
      'Order total',
    );
  });

  it('offers points again once the discount was refunded', () => {
    const discount = {
      id: FLEX_ID,
      checkoutId: CHECKOUT_ID,
      status: 'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL' as const,
      kind: 'reward' as const,
      name: null,
      amountOff: null,
      pointsSpent: null,
    };
    const markup = render({ state: { ...view, discount } }, 'de');
    expect(markup).toContain('Erstattet: Der Rabatt wurde entfernt');
    expect(markup).toContain('data-action="apply"');
  });

  it('says so when the flexible points cannot be used here', () => {
    const markup = render({ state: { ...view, flexible: { ...view.flexible!, maxPoints: 0 } } });
    expect(markup).not.toContain('type="range"');
    expect(markup).toContain('You need at least 10 stars for this.');
  });

  it.each([
    ['signed-out', 'data-action="sign-in"'],
    ['no-account', 'data-action="join"'],
    ['no-checkout', 'data-testid="no-checkout"'],
    ['unavailable', 'data-action="retry"'],
  ] as const)('renders the %s state', (state, expected) => {
    const markup = render({ state });
    expect(markup).toContain(expected);
    expect(markup).toContain(`data-signed-in="${state !== 'signed-out'}"`);
    expect(markup).not.toContain('data-action="apply"');
  });

  it('words an apply refusal from the catalogue, in the widget language', () => {
    expect(render({ outcome: { action: 'apply', ok: false, code: 'NOT_ENOUGH_POINTS' } }, 'fr')).toContain(
      'Vous n’avez pas assez de points pour cela.',
    );
  });

  it('escapes coupon names and codes that come from Wix', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const markup = render({
      state: { ...view, coupons: [{ ...view.coupons[0]!, rewardName: hostile, code: hostile }] },
    });
    expect(markup).not.toContain('<img');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
