import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { adminClient } from '@/lib/sandbox/sdk-clients';
import { DEMO_CONTACT_IDS, JOHNA_REFERRAL_CODE, REFERRAL_IDS } from '@/lib/sandbox/seed';
import type { SessionState } from '@/lib/session/cookies';
import { memberSession } from '@/testing/member-session';
import { ROUND_TRIP_LATENCY_MS, countRoundTrips } from '@/testing/round-trips';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { loadCheckoutView } from './checkout-points';
import { applyPointsToCheckout } from './checkout-points-apply';
import { removeCheckoutDiscount } from './checkout-points-remove';
import { forgetMemberRefusals } from './member-fallback';
import { acceptReferral } from './referral-friend';
import { clearSiteCatalog, loadProgramSnapshot, loadRewards } from './site-catalog';

/** The seeded program gives the friend 10% off, and the reward's coupon says so in Wix's coupon terms. */
const TEN_PERCENT = { kind: 'percent-off', percent: 10 };

/** A referred friend's coupon at checkout: shown beside their coupons, applied through `referralReward`. */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });
const admin = adminClient(getConfig().wix.apiKey);

beforeEach(() => {
  clearSiteCatalog();
  forgetMemberRefusals();
});

/** Noah joins with Johna's link (this session remembers him as her friend) and has a $50 checkout. */
async function noahReferred() {
  const [{ session, memberId }] = await Promise.all([
    memberSession('Noah Newcomer'),
    loadProgramSnapshot(),
    loadRewards(),
  ]);
  await admin.accounts.createAccount(DEMO_CONTACT_IDS.noah);
  const accepted = await acceptReferral(session, JOHNA_REFERRAL_CODE);
  if (!accepted.ok) throw new Error('Noah was not referred');
  const checkout = await sandbox.control.createCheckout(memberId, [{ name: 'Tent', price: 50 }]);
  return { session, checkoutId: checkout.id, code: accepted.reward.couponCode };
}

async function shownReferral(session: SessionState, checkoutId: string) {
  const state = await loadCheckoutView(session, checkoutId);
  if (state.status !== 'ready') throw new Error(`checkout view: ${state.status}`);
  return state.view;
}

/** The reward's coupon status in the sandbox, in its REST shape. */
const couponStatusOf = async (rewardId: string) => {
  const { rewards } = (await sandbox.control.request('GET', '/_sandbox/referrals')).json as {
    rewards: { id: string; coupon?: { status?: string } }[];
  };
  return rewards.find((reward) => reward.id === rewardId)?.coupon?.status;
};

describe("the friend's referral reward at checkout", () => {
  it('shows beside the coupons in one round trip, applies in two for 10% off, and comes back on Remove', async () => {
    const { session, checkoutId, code } = await noahReferred();
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const { result: view, trips: viewTrips } = await countRoundTrips(() =>
      shownReferral(session, checkoutId),
    );
    expect(view.referralRewards).toEqual([{ id: expect.any(String), code, benefit: TEN_PERCENT }]);
    expect(view.total.amount).toBe(50);
    expect(viewTrips).toBe(1);

    const rewardId = view.referralRewards[0]!.id;
    const { result, trips } = await countRoundTrips(() =>
      applyPointsToCheckout(session, checkoutId, { kind: 'referral', rewardId }),
    );
    expect(result).toMatchObject({
      ok: true,
      discount: { status: 'APPLIED', kind: 'coupon', pointsSpent: 0 },
      view: { referralRewards: [], balance: 0 },
    });
    expect(trips).toBeLessThanOrEqual(2);
    const after = await shownReferral(session, checkoutId);
    expect(after.total.amount).toBe(45);
    expect(after.discount).toMatchObject({ amountOff: 5, name: '10% off your first order', pointsSpent: 0 });
    expect(after.referralRewards).toEqual([]);
    const discounts = await admin.checkoutExchange
      .queryLoyaltyCheckoutDiscounts()
      .eq('checkoutId', checkoutId)
      .find();
    expect(discounts.items.map((d) => [d.discountType, d.referralRewardId])).toEqual([
      ['REFERRAL_REWARD', rewardId],
    ]);

    const removed = await removeCheckoutDiscount(session, checkoutId);
    expect(removed).toMatchObject({ ok: true, view: { referralRewards: [{ id: rewardId, code }] } });
    expect((await shownReferral(session, checkoutId)).referralRewards).toEqual([
      { id: rewardId, code, benefit: TEN_PERCENT },
    ]);
    expect(await couponStatusOf(rewardId)).toBe('ACTIVE');
  });

  it('learns the friend on a new session’s first view, and offers nothing to a member nobody referred', async () => {
    const { checkoutId, code } = await noahReferred();
    const { session: again } = await memberSession('Noah Newcomer');
    await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
    const { result, trips } = await countRoundTrips(() => shownReferral(again, checkoutId));
    expect(result.referralRewards).toEqual([{ id: expect.any(String), code, benefit: TEN_PERCENT }]);
    expect(trips).toBeLessThanOrEqual(3);

    const johna = await memberSession('Johna Linskey');
    const hers = await sandbox.control.createCheckout(johna.memberId, [{ name: 'Tent', price: 50 }]);
    expect((await shownReferral(johna.session, hers.id)).referralRewards).toEqual([]);
  });

  it("refuses anyone else's referral reward, and a spent one, before Wix is asked, writing nothing", async () => {
    const { session, checkoutId } = await noahReferred();
    const rewardId = (await shownReferral(session, checkoutId)).referralRewards[0]!.id;
    const johna = await memberSession('Johna Linskey');
    const hers = await sandbox.control.createCheckout(johna.memberId, [{ name: 'Tent', price: 50 }]);
    const before = await sandbox.control.checkouts();

    expect(
      await applyPointsToCheckout(session, checkoutId, {
        kind: 'referral',
        rewardId: REFERRAL_IDS.miaCoupon,
      }),
    ).toEqual({ ok: false, code: 'REWARD_UNAVAILABLE' });
    expect(await applyPointsToCheckout(johna.session, hers.id, { kind: 'referral', rewardId })).toEqual({
      ok: false,
      code: 'REWARD_UNAVAILABLE',
    });
    expect(await sandbox.control.checkouts()).toEqual(before);

    await applyPointsToCheckout(session, checkoutId, { kind: 'referral', rewardId });
    await sandbox.control.placeOrder(checkoutId);
    const next = await sandbox.control.createCheckout((await memberSession('Noah Newcomer')).memberId);
    expect(await applyPointsToCheckout(session, next.id, { kind: 'referral', rewardId })).toEqual({
      ok: false,
      code: 'REWARD_UNAVAILABLE',
    });
    expect(await couponStatusOf(rewardId)).toBe('APPLIED');
  });

  it('applies with the API key when the site refuses the member’s token for the exchange', async () => {
    const { session, checkoutId } = await noahReferred();
    const rewardId = (await shownReferral(session, checkoutId)).referralRewards[0]!.id;
    await sandbox.control.denyPermissions([
      { method: 'checkoutExchange.applyDiscountToCheckout', identity: 'member' },
    ]);
    const result = await applyPointsToCheckout(session, checkoutId, { kind: 'referral', rewardId });
    expect(result).toMatchObject({ ok: true, discount: { status: 'APPLIED', pointsSpent: 0 } });
    expect((await admin.checkout.getCheckout(checkoutId)).priceSummary?.total?.amount).toBe('45');
  });
});
