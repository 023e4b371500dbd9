import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS, DEMO_MEMBER_IDS, REWARD_IDS } from './seed';
import { adminClient, loginAs, oauthClient, sdkError } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';

const sandbox = setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

async function member(name: string) {
  const client = oauthClient();
  await loginAs(client, name);
  return client;
}

const pointsOf = async (name: string) => (await sandbox.control.member(name)).account!.points;
const redeemsOf = async (accountId: string) =>
  (await sandbox.control.transactions()).filter((t) => t.accountId === accountId && t.type === 'REDEEM');

describe('a member redeems their own points (member token)', () => {
  it('spends the tier’s cost, writes one REDEEM transaction and creates a coupon with a code', async () => {
    const johna = await member('Johna Linskey');
    const before = await pointsOf('Johna Linskey');

    const { coupon } = await johna.coupons.redeemCurrentMemberPointsForCoupon(REWARD_IDS.tenOff);

    expect(coupon).toMatchObject({
      accountId: DEMO_ACCOUNT_IDS.johna,
      memberId: DEMO_MEMBER_IDS.johna,
      rewardName: '$10 off',
      status: 'PENDING',
      revision: '1',
      couponReference: {
        name: '$10 off',
        specification: { type: 'MONEY_OFF_AMOUNT', moneyOffAmount: 10 },
      },
    });
    expect(coupon?.couponReference?.code).toMatch(/^[A-Z0-9]{12}$/);
    expect(coupon?._createdDate).toBeInstanceOf(Date);
    expect(await pointsOf('Johna Linskey')).toEqual({
      ...before,
      balance: before.balance - 200,
      redeemed: before.redeemed + 200,
    });

    const { items } = await admin.transactions
      .queryLoyaltyTransactions()
      .eq('accountId', DEMO_ACCOUNT_IDS.johna)
      .eq('transactionType', 'REDEEM')
      .find();
    expect(items[0]).toMatchObject({
      _id: coupon?.transactionId,
      amount: -200,
      redeemInfo: { rewardId: REWARD_IDS.tenOff },
    });

    const loyaltyCoupons = (await johna.coupons.getCurrentMemberCoupons()).loyaltyCoupons ?? [];
    expect(loyaltyCoupons[0]).toMatchObject({ _id: coupon?._id, status: 'ACTIVE', revision: '2' });
    expect(loyaltyCoupons[0]?.couponReference?.code).toBe(coupon?.couponReference?.code);
  });

  it('describes percentage and free-shipping coupons in the reference coupon’s terms', async () => {
    const johna = await member('Johna Linskey');
    const percent = await johna.coupons.redeemCurrentMemberPointsForCoupon(REWARD_IDS.tenPercent);
    expect(percent.coupon?.couponReference?.specification).toEqual({
      type: 'PERCENT_OFF_RATE',
      percentOffRate: 10,
    });
    const shipping = await johna.coupons.redeemCurrentMemberPointsForCoupon(REWARD_IDS.freeShipping);
    expect(shipping.coupon?.couponReference?.specification).toEqual({
      type: 'FREE_SHIPPING',
      freeShipping: true,
    });
  });

  it('gives every coupon its own code', async () => {
    const johna = await member('Johna Linskey');
    for (let i = 0; i < 8; i++)
      await johna.coupons.redeemCurrentMemberPointsForCoupon(REWARD_IDS.freeShipping);
    const codes = (await sandbox.control.coupons()).map((coupon) => coupon.couponReference.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('never spends below zero, however many redemptions arrive at once', async () => {
    const johna = await member('Johna Linskey');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        johna.coupons.redeemCurrentMemberPointsForCoupon(REWARD_IDS.tenPercent),
      ),
    );
    // 1,250 covers three redemptions at 400.
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect((await pointsOf('Johna Linskey')).balance).toBe(50);
    expect(await redeemsOf(DEMO_ACCOUNT_IDS.johna)).toHaveLength(1 + 3);
  });
});

describe('what a redemption refuses, writing nothing', () => {
  it.each([
    [
      'points the balance does not cover',
      'Aigneis Johnsson',
      REWARD_IDS.freeShipping,
      428,
      'NOT_ENOUGH_POINTS',
    ],
    ['an inactive reward', 'Johna Linskey', REWARD_IDS.fifteenOff, 428, 'REWARD_NOT_ACTIVE'],
    [
      'a reward of another tier',
      'Elena Rodriguez',
      REWARD_IDS.goldTwentyOff,
      428,
      'REWARD_NOT_AVAILABLE_FOR_TIER',
    ],
    ['an unknown reward', 'Johna Linskey', '00000000-0000-4000-8000-000000000000', 404, 'REWARD_NOT_FOUND'],
  ])('refuses %s', async (_label, name, rewardId, status, code) => {
    const client = await member(name);
    const before = await sandbox.control.state();
    const error = await sdkError(client.coupons.redeemCurrentMemberPointsForCoupon(rewardId));
    expect(error.status).toBe(status);
    expect(error.details?.applicationError?.code).toBe(code);
    expect(await sandbox.control.state()).toEqual(before);
  });

  it('refuses a malformed reward id with a validation error', async () => {
    const error = await sdkError(
      (await member('Johna Linskey')).coupons.redeemCurrentMemberPointsForCoupon('ten-off'),
    );
    expect(error.status).toBe(400);
    expect(error.details?.validationError?.fieldViolations?.[0]?.field).toBe('rewardId');
  });

  it('refuses visitors, and members without an account', async () => {
    const visitor = oauthClient();
    expect(
      (await sdkError(visitor.coupons.redeemCurrentMemberPointsForCoupon(REWARD_IDS.tenOff))).status,
    ).toBe(403);
    const noah = await member('Noah Newcomer');
    const error = await sdkError(noah.coupons.redeemCurrentMemberPointsForCoupon(REWARD_IDS.tenOff));
    expect(error.status).toBe(404);
    expect(error.details?.applicationError?.code).toBe('ACCOUNT_NOT_FOUND');
    expect((await noah.coupons.getCurrentMemberCoupons()).loyaltyCoupons).toEqual([]);
  });

  it('refuses while the program is paused', async () => {
    await admin.programs.pauseLoyaltyProgram();
    const error = await sdkError(
      (await member('Johna Linskey')).coupons.redeemCurrentMemberPointsForCoupon(REWARD_IDS.tenOff),
    );
    expect(error.details?.applicationError?.code).toBe('PROGRAM_NOT_ACTIVE');
  });
});

describe('my coupons', () => {
  it('lists the seeded coupon of each seeded redemption, linked to its transaction', async () => {
    const couponsOf = async (name: string) =>
      (await (await member(name)).coupons.getCurrentMemberCoupons()).loyaltyCoupons ?? [];
    const [johnaRedeem] = await redeemsOf(DEMO_ACCOUNT_IDS.johna);
    expect((await couponsOf('Johna Linskey')).map((c) => [c.rewardName, c.status, c.transactionId])).toEqual([
      ['$10 off', 'ACTIVE', johnaRedeem?.id],
    ]);
    expect((await couponsOf('Aigneis Johnsson')).map((c) => [c.rewardName, c.status])).toEqual([
      ['$15 off', 'APPLIED'],
    ]);
    expect(await couponsOf('Elena Rodriguez')).toEqual([]);
  });

  it('are a member’s own: the API key has no current member', async () => {
    expect((await sdkError(admin.coupons.getCurrentMemberCoupons())).status).toBe(403);
  });
});

describe('coupons with the API key', () => {
  it('redeems for a named account, then gets, queries and deletes the coupon', async () => {
    const { coupon } = await admin.coupons.redeemPointsForCoupon(REWARD_IDS.freeShipping, {
      loyaltyAccountId: DEMO_ACCOUNT_IDS.elena,
    });
    expect((await pointsOf('Elena Rodriguez')).balance).toBe(280 - 150);

    const fetched = await admin.coupons.getLoyaltyCoupon(coupon!._id!);
    expect(fetched).toMatchObject({ _id: coupon?._id, accountId: DEMO_ACCOUNT_IDS.elena, status: 'ACTIVE' });

    const { items } = await admin.coupons
      .queryLoyaltyCoupons()
      .eq('accountId', DEMO_ACCOUNT_IDS.elena)
      .find();
    expect(items.map((item) => item._id)).toEqual([coupon?._id]);

    const stale = await sdkError(admin.coupons.deleteLoyaltyCoupon(coupon!._id!, '1'));
    expect(stale.status).toBe(409);
    await admin.coupons.deleteLoyaltyCoupon(coupon!._id!, fetched.revision!);
    expect((await sdkError(admin.coupons.getLoyaltyCoupon(coupon!._id!))).status).toBe(404);
  });

  it('keeps reading other accounts’ coupons behind the API key', async () => {
    const johna = await member('Johna Linskey');
    const error = await sdkError(johna.coupons.queryLoyaltyCoupons().find());
    expect(error.status).toBe(403);
  });
});
