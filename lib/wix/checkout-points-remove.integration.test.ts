import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import type { ControlDenial } from '@/lib/sandbox/control-client';
import { REWARD_IDS } from '@/lib/sandbox/seed';
import { createMemoryKeyLock } from '@/lib/stores/key-lock';
import { memberSession } from '@/testing/member-session';
import { ROUND_TRIP_LATENCY_MS, countRoundTrips } from '@/testing/round-trips';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { applyPointsToCheckout, type CheckoutChoice } from './checkout-points-apply';
import { removeCheckoutDiscount } from './checkout-points-remove';
import { forgetMemberRefusals } from './member-fallback';
import { clearSiteCatalog, loadProgramSnapshot, loadRewards } from './site-catalog';

/**
 * Taking a loyalty discount off a checkout, through the real SDK against the sandbox: Wix refunds the points
 * once (REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL, one REFUND transaction), the checkout's total comes back, and
 * nobody else's checkout is touched, also when the site refuses the member's token for Remove Coupon.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

beforeEach(() => {
  clearSiteCatalog();
  forgetMemberRefusals();
});

const REMOVED = 'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL';
const tenOff: CheckoutChoice = { kind: 'reward', rewardId: REWARD_IDS.tenOff };

/** A member's session, with the site's catalog already cached as on a warm server. */
async function signedIn(name: string) {
  const [member] = await Promise.all([memberSession(name), loadProgramSnapshot(), loadRewards()]);
  return member;
}

const balanceOf = async (name: string) => (await sandbox.control.member(name)).account!.points.balance;
const refunds = async () => (await sandbox.control.transactions()).filter((t) => t.type === 'REFUND');
const discountOn = async (checkoutId: string) =>
  (await sandbox.control.checkouts()).discounts.find((discount) => discount.checkoutId === checkoutId);
const totalOf = async (checkoutId: string) => {
  const { checkouts } = await sandbox.control.checkouts();
  return Number(checkouts.find((checkout) => checkout.id === checkoutId)?.priceSummary.total.amount);
};

/** A $120 checkout of the member's with `choice` applied to it. */
async function appliedCheckout(name: string, choice: CheckoutChoice = tenOff) {
  const { session, memberId } = await signedIn(name);
  const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
  const applied = await applyPointsToCheckout(session, checkout.id, choice);
  if (!applied.ok) throw new Error(`apply failed: ${applied.code}`);
  return { session, memberId, checkoutId: checkout.id, applied };
}

/** Johna asks to remove the discount on Elena's checkout, on a site with these denials: nothing changes. */
async function expectForeignRemovalRefused(denied: ControlDenial[]) {
  const { checkoutId } = await appliedCheckout('Elena Rodriguez');
  await sandbox.control.denyPermissions(denied);
  const johna = await signedIn('Johna Linskey');
  const before = await sandbox.control.state();
  expect(await removeCheckoutDiscount(johna.session, checkoutId)).toEqual({
    ok: false,
    code: 'CHECKOUT_NOT_FOUND',
  });
  expect(await sandbox.control.state()).toEqual(before);
}

describe('removing the loyalty discount from a checkout', () => {
  it('takes it off in two round trips: the points and the total come back, as Wix says', async () => {
    const before = await balanceOf('Johna Linskey');
    const { session, checkoutId } = await appliedCheckout('Johna Linskey');
    expect(await totalOf(checkoutId)).toBe(110);
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);

    const { result, trips } = await countRoundTrips(() => removeCheckoutDiscount(session, checkoutId));

    expect(trips).toBeLessThanOrEqual(2);
    expect(result).toMatchObject({
      ok: true,
      discount: { checkoutId, status: REMOVED, pointsSpent: 200, amountOff: null },
      view: { balance: before, total: { amount: 120, currency: 'USD' } },
    });
    expect(await balanceOf('Johna Linskey')).toBe(before);
    expect(await totalOf(checkoutId)).toBe(120);
    expect((await discountOn(checkoutId))?.status).toBe(REMOVED);
    expect((await refunds()).map((t) => t.amount)).toEqual([200]);
  });

  it('offers the rewards again once the discount is off', async () => {
    const { session, checkoutId } = await appliedCheckout('Johna Linskey');
    const result = await removeCheckoutDiscount(session, checkoutId);
    expect(result.ok && result.view.rewards.map((reward) => reward.id)).toContain(REWARD_IDS.tenOff);
  });

  it('gives back exactly the flexible points spent', async () => {
    const before = await balanceOf('Johna Linskey');
    const { session, checkoutId } = await appliedCheckout('Johna Linskey', { kind: 'flexible', points: 350 });
    expect(await balanceOf('Johna Linskey')).toBe(before - 350);
    const result = await removeCheckoutDiscount(session, checkoutId);
    expect(result).toMatchObject({ ok: true, view: { balance: before }, discount: { pointsSpent: 350 } });
    expect(await balanceOf('Johna Linskey')).toBe(before);
    expect(await totalOf(checkoutId)).toBe(120);
  });

  it('makes a coupon the member held usable again, and refunds no points for it', async () => {
    const held = (await sandbox.control.coupons()).find((coupon) => coupon.status === 'ACTIVE');
    const before = await balanceOf('Johna Linskey');
    const { session, checkoutId } = await appliedCheckout('Johna Linskey', {
      kind: 'coupon',
      couponId: held!.id,
    });
    const result = await removeCheckoutDiscount(session, checkoutId);
    expect(result).toMatchObject({ ok: true, view: { balance: before }, discount: { pointsSpent: 0 } });
    expect(result.ok && result.view.coupons.map((coupon) => coupon.id)).toContain(held!.id);
    expect(await refunds()).toEqual([]);
    expect((await sandbox.control.coupons()).find((coupon) => coupon.id === held!.id)?.status).toBe('ACTIVE');
  });

  it('refunds once under ten simultaneous removals', async () => {
    const before = await balanceOf('Johna Linskey');
    const { session, checkoutId } = await appliedCheckout('Johna Linskey');
    const lock = createMemoryKeyLock();
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => removeCheckoutDiscount(session, checkoutId, { lock })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = new Set(results.flatMap((result) => (result.ok ? [] : [result.code])));
    expect(
      [...refused].filter((code) => code !== 'REDEMPTION_IN_PROGRESS' && code !== 'NO_DISCOUNT_TO_REMOVE'),
    ).toEqual([]);
    expect(await refunds()).toHaveLength(1);
    expect(await balanceOf('Johna Linskey')).toBe(before);
    // Asked again once it is done: nothing is waiting there any more.
    expect(await removeCheckoutDiscount(session, checkoutId, { lock })).toEqual({
      ok: false,
      code: 'NO_DISCOUNT_TO_REMOVE',
    });
    expect(await refunds()).toHaveLength(1);
  });

  it('changes nothing on another member’s checkout', async () => {
    await expectForeignRemovalRefused([]);
  });

  it('refuses a checkout already placed as an order, and changes nothing', async () => {
    const { session, checkoutId } = await appliedCheckout('Johna Linskey');
    await sandbox.control.placeOrder(checkoutId);
    const before = await sandbox.control.state();
    expect(await removeCheckoutDiscount(session, checkoutId)).toEqual({
      ok: false,
      code: 'ORDER_ALREADY_PLACED',
    });
    expect(await sandbox.control.state()).toEqual(before);
  });

  it('says there is nothing to remove on a checkout without a loyalty discount', async () => {
    const { session, memberId } = await signedIn('Johna Linskey');
    const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    expect(await removeCheckoutDiscount(session, checkout.id)).toEqual({
      ok: false,
      code: 'NO_DISCOUNT_TO_REMOVE',
    });
  });
});

describe('removing when Wix refuses the member’s token for Remove Coupon', () => {
  const REFUSED: ControlDenial[] = [{ method: 'checkout.removeCoupon', identity: 'member' }];

  it('takes it off with the API key, on the member’s own checkout, refunding once', async () => {
    const before = await balanceOf('Johna Linskey');
    const { session, checkoutId } = await appliedCheckout('Johna Linskey');
    await sandbox.control.denyPermissions(REFUSED);
    const lock = createMemoryKeyLock();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => removeCheckoutDiscount(session, checkoutId, { lock })),
    );
    expect(results.filter((result) => result.ok)).toMatchObject([
      { discount: { status: REMOVED }, view: { balance: before, total: { amount: 120 } } },
    ]);
    expect(await balanceOf('Johna Linskey')).toBe(before);
    expect(await refunds()).toHaveLength(1);
    expect((await discountOn(checkoutId))?.status).toBe(REMOVED);
  });

  it('never lends the key to another member’s checkout', async () => {
    await expectForeignRemovalRefused(REFUSED);
  });

  it('changes nothing when Wix refuses the key too, and lets the member try again', async () => {
    const { session, checkoutId } = await appliedCheckout('Johna Linskey');
    await sandbox.control.denyPermissions([...REFUSED, { method: 'checkout.removeCoupon', identity: 'app' }]);
    const before = await sandbox.control.state();
    expect(await removeCheckoutDiscount(session, checkoutId)).toEqual({
      ok: false,
      code: 'UPSTREAM_UNAVAILABLE',
    });
    expect(await sandbox.control.state()).toEqual(before);
    await sandbox.control.denyPermissions(REFUSED);
    expect(await removeCheckoutDiscount(session, checkoutId)).toMatchObject({ ok: true });
  });
});
