import { describe, expect, it } from 'vitest';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';
import { adminClient, sdkError, signedInClient } from './sdk-clients';
import { DEMO_CONTACT_IDS, DEMO_MEMBER_IDS, JOHNA_REFERRAL_CODE, REFERRAL_IDS } from './seed';

/** A referred friend's coupon reward exchanged at checkout (`referralReward`), as Wix's exchange takes it. */
const sandbox = setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

type RestReward = {
  id: string;
  rewardedReferredFriendId?: string;
  coupon?: { code: string; status: string };
};

async function rewardsOf(friendId?: string): Promise<RestReward[]> {
  const response = await admin.fetchWithAuth(
    'https://www.wixapis.com/referral-rewards/v1/referral-rewards/query',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: {} }),
    },
  );
  const { referralRewards } = (await response.json()) as { referralRewards: RestReward[] };
  return referralRewards.filter((reward) => !friendId || reward.rewardedReferredFriendId === friendId);
}

/** Noah joins with Johna's code (so Wix gives him his 10% coupon), has a loyalty account and a $50 checkout. */
async function noahReferredAtCheckout() {
  const noah = await signedInClient('Noah Newcomer');
  const response = await noah.fetchWithAuth('https://www.wixapis.com/referral_friends/v1/referred-friends', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ referralCode: JOHNA_REFERRAL_CODE }),
  });
  const { referredFriend } = (await response.json()) as { referredFriend: { id: string } };
  await admin.accounts.createAccount(DEMO_CONTACT_IDS.noah);
  const [reward] = await rewardsOf(referredFriend.id);
  const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.noah);
  return { noah, rewardId: reward!.id, friendId: referredFriend.id, checkoutId: checkout.id };
}

const statusOf = async (rewardId: string) =>
  (await rewardsOf()).find((reward) => reward.id === rewardId)?.coupon?.status;

describe('a referral reward exchanged at checkout', () => {
  it('puts the friend’s coupon on their checkout for 10% off; Remove Coupon makes it usable again', async () => {
    const { noah, rewardId, checkoutId } = await noahReferredAtCheckout();

    const { discount } = await noah.checkoutExchange.applyDiscountToCheckout(checkoutId, {
      referralReward: { _id: rewardId },
    });

    expect(discount).toMatchObject({
      checkoutId,
      referralRewardId: rewardId,
      status: 'APPLIED',
      discountType: 'REFERRAL_REWARD',
    });
    expect(discount?.loyaltyCouponId).toBeFalsy();
    const checkout = await admin.checkout.getCheckout(checkoutId);
    expect(checkout.priceSummary).toMatchObject({
      subtotal: { amount: '50' },
      discount: { amount: '5' },
      total: { amount: '45' },
    });
    expect(await statusOf(rewardId)).toBe('APPLIED');

    await noah.checkout.removeCoupon(checkoutId);
    expect((await admin.checkout.getCheckout(checkoutId)).priceSummary?.total?.amount).toBe('50');
    expect(await statusOf(rewardId)).toBe('ACTIVE');
    const discounts = await admin.checkoutExchange
      .queryLoyaltyCheckoutDiscounts()
      .eq('checkoutId', checkoutId)
      .find();
    expect(discounts.items.map((d) => d.status)).toEqual(['REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL']);
  });

  it('is spent by the placed order: the discount completes and the coupon cannot be applied again', async () => {
    const { noah, rewardId, checkoutId } = await noahReferredAtCheckout();
    await noah.checkoutExchange.applyDiscountToCheckout(checkoutId, { referralReward: { _id: rewardId } });
    await sandbox.control.placeOrder(checkoutId);

    const discounts = await noah.checkoutExchange
      .queryLoyaltyCheckoutDiscounts()
      .eq('checkoutId', checkoutId)
      .find();
    expect(discounts.items.map((d) => [d.status, d.referralRewardId])).toEqual([['COMPLETED', rewardId]]);
    expect(await statusOf(rewardId)).toBe('APPLIED');
    const next = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.noah);
    const again = await sdkError(
      noah.checkoutExchange.applyDiscountToCheckout(next.id, { referralReward: { _id: rewardId } }),
    );
    expect(again.status).toBe(428);
    expect(again.details?.applicationError?.code).toBe('REFERRAL_REWARD_NOT_ACTIVE');
  });

  it('refuses anyone else’s reward, a points reward and an unknown id as not found, changing nothing', async () => {
    const { noah, rewardId, checkoutId } = await noahReferredAtCheckout();
    const johna = await signedInClient('Johna Linskey');
    const johnasCheckout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.johna);
    const refusals = await Promise.all([
      sdkError(
        noah.checkoutExchange.applyDiscountToCheckout(checkoutId, {
          referralReward: { _id: REFERRAL_IDS.miaCoupon },
        }),
      ),
      sdkError(
        noah.checkoutExchange.applyDiscountToCheckout(checkoutId, {
          referralReward: { _id: REFERRAL_IDS.johnaPoints },
        }),
      ),
      sdkError(
        noah.checkoutExchange.applyDiscountToCheckout(checkoutId, {
          referralReward: { _id: '00000000-0000-4000-8000-000000000000' },
        }),
      ),
      sdkError(
        johna.checkoutExchange.applyDiscountToCheckout(johnasCheckout.id, {
          referralReward: { _id: rewardId },
        }),
      ),
    ]);
    expect(refusals.map((e) => [e.status, e.details?.applicationError?.code])).toEqual(
      Array(4).fill([404, 'REFERRAL_REWARD_NOT_FOUND']),
    );
    const malformed = await sdkError(
      noah.checkoutExchange.applyDiscountToCheckout(checkoutId, { referralReward: { _id: 'nope' } }),
    );
    expect(malformed.status).toBe(400);
    expect(await statusOf(rewardId)).toBe('ACTIVE');
    expect((await admin.checkout.getCheckout(checkoutId)).appliedDiscounts ?? []).toEqual([]);
  });

  it('refuses a second loyalty discount on a checkout that holds the referral coupon', async () => {
    const { noah, rewardId, checkoutId } = await noahReferredAtCheckout();
    await noah.checkoutExchange.applyDiscountToCheckout(checkoutId, { referralReward: { _id: rewardId } });
    const again = await sdkError(
      noah.checkoutExchange.applyDiscountToCheckout(checkoutId, { referralReward: { _id: rewardId } }),
    );
    expect(again.status).toBe(428);
    expect(again.details?.applicationError?.code).toBe('LOYALTY_DISCOUNT_ALREADY_APPLIED');
  });
});
