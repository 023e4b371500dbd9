import type { ReferralEventRecord, ReferralState } from './referral-records';
import { seedGuid } from './seed-catalog';
import { addDays, type SiteContact } from './state';

/**
 * The seeded referral program: ACTIVE, the friend gets 10% off their first order, the referrer 100 stars.
 * Johna shares the code below. Two friends joined with it: Liam ordered (Johna's 100 stars are paid: the
 * EARN in her history, `seed.ts`), Mia has only signed up. Both are plain contacts, not members, so the
 * login page and Noah, the newcomer, stay free for a referral made in a test.
 */

export const JOHNA_REFERRAL_CODE = 'JohnaL1nskey';

export const REFERRAL_IDS = {
  johnaCustomer: seedGuid('e0000000', 1),
  liamFriend: seedGuid('e1000000', 1),
  miaFriend: seedGuid('e1000000', 2),
  liamCoupon: seedGuid('e2000000', 1),
  miaCoupon: seedGuid('e2000000', 2),
  johnaPoints: seedGuid('e2000000', 3),
} as const;

export const REFERRED_CONTACT_IDS = {
  liam: 'd4b2e6a1-3c5f-4e8a-9b7d-1f2e3a4b5c61',
  mia: 'a8c3f1e2-6d4b-4a9c-8e5f-2b1d3c4e5f72',
} as const;

/** When Liam's first order paid Johna: her referral EARN in `seed.ts` carries the same day. */
export const LIAM_ORDER_DAYS_AGO = 20;

export function referredContacts(): SiteContact[] {
  return [
    {
      id: REFERRED_CONTACT_IDS.liam,
      firstName: 'Liam',
      lastName: 'Okafor',
      email: 'liam.okafor@example.com',
    },
    { id: REFERRED_CONTACT_IDS.mia, firstName: 'Mia', lastName: 'Novak', email: 'mia.novak@example.com' },
  ];
}

/** `johnaEarnId`: the transaction that paid her 100 stars for Liam's order. */
export function seedReferrals(now: Date, johnaContactId: string, johnaEarnId: string): ReferralState {
  const day = (daysAgo: number) => addDays(now, -daysAgo);
  const johna = REFERRAL_IDS.johnaCustomer;
  const event = (n: number, daysAgo: number, fields: Record<string, unknown>) =>
    ({ id: seedGuid('e3000000', n), createdDate: day(daysAgo), ...fields }) as ReferralEventRecord;
  const liamOrder = LIAM_ORDER_DAYS_AGO;
  return {
    program: {
      name: 'Refer a friend',
      status: 'ACTIVE',
      friendPercentOff: 10,
      referrerPoints: 100,
      revision: 2,
      createdDate: day(120),
      updatedDate: day(119),
    },
    customers: [
      {
        id: johna,
        contactId: johnaContactId,
        referralCode: JOHNA_REFERRAL_CODE,
        revision: 1,
        createdDate: day(40),
        updatedDate: day(40),
      },
    ],
    friends: [
      {
        id: REFERRAL_IDS.liamFriend,
        contactId: REFERRED_CONTACT_IDS.liam,
        referringCustomerId: johna,
        status: 'ACTIONS_COMPLETED',
        revision: 2,
        createdDate: day(30),
        updatedDate: day(liamOrder),
      },
      {
        id: REFERRAL_IDS.miaFriend,
        contactId: REFERRED_CONTACT_IDS.mia,
        referringCustomerId: johna,
        status: 'SIGN_UP_COMPLETED',
        revision: 1,
        createdDate: day(6),
        updatedDate: day(6),
      },
    ],
    rewards: [
      {
        id: REFERRAL_IDS.liamCoupon,
        rewarded: { referredFriendId: REFERRAL_IDS.liamFriend },
        reward: {
          type: 'COUPON',
          couponId: seedGuid('e4000000', 1),
          code: 'FRIEND-LIAM10',
          percentOff: 10,
          status: 'APPLIED',
        },
        revision: 1,
        createdDate: day(30),
      },
      {
        id: REFERRAL_IDS.johnaPoints,
        rewarded: { referringCustomerId: johna },
        reward: { type: 'LOYALTY_POINTS', amount: 100, transactionId: johnaEarnId },
        revision: 1,
        createdDate: day(liamOrder),
      },
      {
        id: REFERRAL_IDS.miaCoupon,
        rewarded: { referredFriendId: REFERRAL_IDS.miaFriend },
        reward: {
          type: 'COUPON',
          couponId: seedGuid('e4000000', 2),
          code: 'FRIEND-MIA10',
          percentOff: 10,
          status: 'ACTIVE',
        },
        revision: 1,
        createdDate: day(6),
      },
    ],
    events: [
      event(1, 30, { kind: 'referredFriendSignupEvent', referredFriendId: REFERRAL_IDS.liamFriend }),
      event(2, 30, {
        kind: 'rewardEvent',
        rewarded: { referredFriendId: REFERRAL_IDS.liamFriend },
        referralRewardId: REFERRAL_IDS.liamCoupon,
        rewardType: 'COUPON',
      }),
      event(3, liamOrder, {
        kind: 'actionEvent',
        referredFriendId: REFERRAL_IDS.liamFriend,
        referringCustomerId: johna,
        orderId: seedGuid('e5000000', 1),
        amount: '64.00',
      }),
      event(4, liamOrder, {
        kind: 'successfulReferralEvent',
        referredFriendId: REFERRAL_IDS.liamFriend,
        referringCustomerId: johna,
      }),
      event(5, liamOrder, {
        kind: 'rewardEvent',
        rewarded: { referringCustomerId: johna },
        referralRewardId: REFERRAL_IDS.johnaPoints,
        rewardType: 'LOYALTY_POINTS',
      }),
      event(6, 6, { kind: 'referredFriendSignupEvent', referredFriendId: REFERRAL_IDS.miaFriend }),
      event(7, 6, {
        kind: 'rewardEvent',
        rewarded: { referredFriendId: REFERRAL_IDS.miaFriend },
        referralRewardId: REFERRAL_IDS.miaCoupon,
        rewardType: 'COUPON',
      }),
    ],
    amountGeneratedCents: 6400,
  };
}
