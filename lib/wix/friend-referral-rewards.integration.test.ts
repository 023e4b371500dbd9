import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { adminClient, signedInClient } from '@/lib/sandbox/sdk-clients';
import {
  DEMO_CONTACT_IDS,
  DEMO_MEMBER_IDS,
  JOHNA_REFERRAL_CODE,
  REFERRED_CONTACT_IDS,
} from '@/lib/sandbox/seed';
import { memberSession } from '@/testing/member-session';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { loadFriendReferralRewards } from './friend-referral-rewards';
import { acceptReferral } from './referral-friend';

/** The friend's unused referral coupon, read through the real SDK clients against the sandbox. */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

async function referNoah() {
  const { session } = await memberSession('Noah Newcomer');
  const accepted = await acceptReferral(session, JOHNA_REFERRAL_CODE);
  if (!accepted.ok) throw new Error('Noah was not referred');
  return accepted.reward.couponCode;
}

describe("the friend's referral rewards", () => {
  it("finds Noah's 10% coupon once he joined with Johna's code, and none once a checkout holds it", async () => {
    expect(await loadFriendReferralRewards(DEMO_CONTACT_IDS.noah)).toEqual([]);
    const code = await referNoah();

    const rewards = await loadFriendReferralRewards(DEMO_CONTACT_IDS.noah);
    expect(rewards).toEqual([
      { id: expect.any(String), code, benefit: { kind: 'percent-off', percent: 10 } },
    ]);

    await adminClient(getConfig().wix.apiKey).accounts.createAccount(DEMO_CONTACT_IDS.noah);
    const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.noah);
    const noah = await signedInClient('Noah Newcomer');
    await noah.checkoutExchange.applyDiscountToCheckout(checkout.id, {
      referralReward: { _id: rewards[0]!.id },
    });
    expect(await loadFriendReferralRewards(DEMO_CONTACT_IDS.noah)).toEqual([]);
    await noah.checkout.removeCoupon(checkout.id);
    expect(await loadFriendReferralRewards(DEMO_CONTACT_IDS.noah)).toEqual(rewards);
  });

  it("gives a referrer none of her friends' rewards, and Mia her own unused seeded one", async () => {
    await referNoah();
    expect(await loadFriendReferralRewards(DEMO_CONTACT_IDS.johna)).toEqual([]);
    expect(await loadFriendReferralRewards(REFERRED_CONTACT_IDS.mia)).toEqual([
      { id: expect.any(String), code: 'FRIEND-MIA10', benefit: { kind: 'percent-off', percent: 10 } },
    ]);
  });
});
