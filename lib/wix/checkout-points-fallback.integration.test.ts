import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import type { ControlDenial } from '@/lib/sandbox/control-client';
import { REWARD_IDS } from '@/lib/sandbox/seed';
import { createMemoryKeyLock } from '@/lib/stores/key-lock';
import { memberSession } from '@/testing/member-session';
import { ROUND_TRIP_LATENCY_MS, countRoundTrips } from '@/testing/round-trips';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { loadCheckoutState } from './checkout-points';
import { applyPointsToCheckout, type CheckoutApplyResult } from './checkout-points-apply';
import { forgetMemberRefusals } from './member-fallback';
import { clearSiteCatalog, loadProgramSnapshot, loadRewards } from './site-catalog';

/**
 * A site that refuses the member's token for the checkout exchange (Wix documents the permission, not the
 * identities): the app applies with the API key, on a checkout it proved the member's, exactly once.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

const MEMBER_REFUSED: ControlDenial[] = [
  { method: 'checkoutExchange.applyDiscountToCheckout', identity: 'member' },
  { method: 'checkoutExchange.queryLoyaltyCheckoutDiscounts', identity: 'member' },
];

beforeEach(() => {
  clearSiteCatalog();
  forgetMemberRefusals();
});

/** A member's session, with the site's catalog already cached as on a warm server. */
async function signedIn(name: string) {
  const [member] = await Promise.all([memberSession(name), loadProgramSnapshot(), loadRewards()]);
  return member;
}

const balanceOf = async (name: string) => (await sandbox.control.member(name)).account?.points.balance;
const tenOff = { kind: 'reward', rewardId: REWARD_IDS.tenOff } as const;

/** A reply with what differs between two runs (ids, the seed's dates) taken out. */
function comparable(result: CheckoutApplyResult) {
  if (!result.ok) return result;
  const discount = { ...result.discount, id: 'DISCOUNT', checkoutId: 'CHECKOUT' };
  const coupons = result.view.coupons.map((coupon) => ({ ...coupon, createdDate: 'DATE' }));
  return { ...result, discount, view: { ...result.view, checkoutId: 'CHECKOUT', discount, coupons } };
}

async function applyToNewCheckout(name: string) {
  const { session, memberId } = await signedIn(name);
  const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
  return { result: await applyPointsToCheckout(session, checkout.id, tenOff), checkout, session };
}

describe('applying points when Wix refuses the member’s token for the exchange', () => {
  it('applies with the API key: the same reply, the same spend, one discount', async () => {
    const before = await balanceOf('Johna Linskey');
    const asMember = await applyToNewCheckout('Johna Linskey');
    expect(asMember.result).toMatchObject({ ok: true, discount: { status: 'APPLIED' } });

    await sandbox.control.reset();
    await sandbox.control.denyPermissions(MEMBER_REFUSED);
    const asApp = await applyToNewCheckout('Johna Linskey');
    expect(comparable(asApp.result)).toEqual(comparable(asMember.result));
    expect(await balanceOf('Johna Linskey')).toBe(before! - 200);
    const { discounts } = await sandbox.control.checkouts();
    expect(discounts).toMatchObject([{ checkoutId: asApp.checkout.id, status: 'APPLIED' }]);
    const redeems = (await sandbox.control.transactions()).filter((t) => t.type === 'REDEEM');
    expect(redeems.filter((t) => t.rewardId === REWARD_IDS.tenOff)).toHaveLength(2);
  });

  it('shows the discount on the checkout, read with the API key', async () => {
    await sandbox.control.denyPermissions(MEMBER_REFUSED);
    const { session, checkout } = await applyToNewCheckout('Johna Linskey');
    // Not remembered: the member's query is refused first, then made with the key.
    forgetMemberRefusals();
    const state = await loadCheckoutState(session, checkout.id);
    expect(state).toMatchObject({
      status: 'ready',
      view: { discount: { status: 'APPLIED', checkoutId: checkout.id } },
    });
  });

  it('turns ten simultaneous applies into one', async () => {
    await sandbox.control.denyPermissions(MEMBER_REFUSED);
    const { session, memberId } = await signedIn('Johna Linskey');
    const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    const before = await balanceOf('Johna Linskey');
    const lock = createMemoryKeyLock();
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => applyPointsToCheckout(session, checkout.id, tenOff, { lock })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await sandbox.control.checkouts()).discounts).toHaveLength(1);
    expect(await balanceOf('Johna Linskey')).toBe(before! - 200);
  });

  it('lets one spend per member be in flight across the fallback, even on two checkouts', async () => {
    await sandbox.control.denyPermissions(MEMBER_REFUSED);
    const { session, memberId } = await signedIn('Johna Linskey');
    const tent = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    const stove = await sandbox.control.createCheckout(memberId, [{ name: 'Stove', price: 80 }]);
    const lock = createMemoryKeyLock();
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const results = await Promise.all([
      applyPointsToCheckout(session, tent.id, tenOff, { lock }),
      applyPointsToCheckout(session, stove.id, tenOff, { lock }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, code: 'REDEMPTION_IN_PROGRESS' });
    expect((await sandbox.control.checkouts()).discounts).toHaveLength(1);
  });

  it('applies twice on one checkout only once, the second told it is already applied', async () => {
    await sandbox.control.denyPermissions(MEMBER_REFUSED);
    const { session, memberId } = await signedIn('Johna Linskey');
    const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    expect(await applyPointsToCheckout(session, checkout.id, tenOff)).toMatchObject({ ok: true });
    forgetMemberRefusals();
    expect(await applyPointsToCheckout(session, checkout.id, tenOff)).toEqual({
      ok: false,
      code: 'DISCOUNT_ALREADY_APPLIED',
    });
    expect((await sandbox.control.checkouts()).discounts).toHaveLength(1);
  });

  it('never lends the key to another member’s checkout', async () => {
    await sandbox.control.denyPermissions(MEMBER_REFUSED);
    const { session } = await signedIn('Johna Linskey');
    const elena = await signedIn('Elena Rodriguez');
    const checkout = await sandbox.control.createCheckout(elena.memberId, [{ name: 'Lantern', price: 60 }]);
    const before = await sandbox.control.state();
    expect(await applyPointsToCheckout(session, checkout.id, { kind: 'flexible', points: 100 })).toEqual({
      ok: false,
      code: 'CHECKOUT_NOT_FOUND',
    });
    expect(await sandbox.control.state()).toEqual(before);
  });

  it('goes to the key at once after a refusal: two round trips again, as with the member’s token', async () => {
    await sandbox.control.denyPermissions(MEMBER_REFUSED);
    const first = await applyToNewCheckout('Johna Linskey');
    expect(first.result.ok).toBe(true);
    const { session, memberId } = await signedIn('Aigneis Johnsson');
    const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Stove', price: 80 }]);
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const { result, trips } = await countRoundTrips(() =>
      applyPointsToCheckout(session, checkout.id, { kind: 'flexible', points: 100 }),
    );
    expect(result).toMatchObject({ ok: true, discount: { status: 'APPLIED' } });
    expect(trips).toBeLessThanOrEqual(2);
  });

  it('spends nothing and keeps the session when Wix refuses the key too', async () => {
    await sandbox.control.denyPermissions([
      ...MEMBER_REFUSED,
      { method: 'checkoutExchange.applyDiscountToCheckout', identity: 'app' },
    ]);
    const { session, memberId } = await signedIn('Johna Linskey');
    const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 120 }]);
    const before = await sandbox.control.state();
    expect(await applyPointsToCheckout(session, checkout.id, tenOff)).toEqual({
      ok: false,
      code: 'UPSTREAM_UNAVAILABLE',
    });
    expect(await sandbox.control.state()).toEqual(before);
  });
});
