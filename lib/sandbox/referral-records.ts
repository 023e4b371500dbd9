import { randomUUID } from 'node:crypto';
import { WIX_STORES_APP_ID } from './seed-catalog';

/**
 * The Referral Program's records in the sandbox, and their REST shapes (`docs/wix-referrals.md`). Dates are
 * `Date`s here and ISO strings in JSON; revisions are numbers here and strings in JSON, as Wix sends int64s.
 */

export type ReferralProgramStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED';

export interface ReferralProgramRecord {
  name: string;
  status: ReferralProgramStatus;
  /** The friend's coupon: percent off their first order. */
  friendPercentOff: number;
  /** The referrer's loyalty points for each friend's first order. */
  referrerPoints: number;
  revision: number;
  createdDate: Date;
  updatedDate: Date;
}

export interface ReferringCustomerRecord {
  id: string;
  contactId: string;
  referralCode: string;
  revision: number;
  createdDate: Date;
  updatedDate: Date;
}

export type ReferredFriendStatus = 'SIGN_UP_COMPLETED' | 'ACTIONS_COMPLETED';

export interface ReferredFriendRecord {
  id: string;
  contactId: string;
  referringCustomerId: string;
  status: ReferredFriendStatus;
  revision: number;
  createdDate: Date;
  updatedDate: Date;
}

export type RewardedSide = { referringCustomerId: string } | { referredFriendId: string };

/** A friend's coupon: `ACTIVE` until a checkout holds it, `APPLIED` while one does and once it is spent. */
export type ReferralCouponStatus = 'ACTIVE' | 'APPLIED';

export interface ReferralRewardRecord {
  id: string;
  rewarded: RewardedSide;
  reward:
    | { type: 'COUPON'; couponId: string; code: string; percentOff: number; status: ReferralCouponStatus }
    | { type: 'LOYALTY_POINTS'; amount: number; transactionId: string };
  revision: number;
  createdDate: Date;
  updatedDate?: Date;
}

export type ReferralEventRecord = {
  id: string;
  createdDate: Date;
} & (
  | { kind: 'referredFriendSignupEvent'; referredFriendId: string }
  | {
      kind: 'actionEvent';
      referredFriendId: string;
      referringCustomerId: string;
      orderId: string;
      amount: string;
    }
  | { kind: 'successfulReferralEvent'; referredFriendId: string; referringCustomerId: string }
  | { kind: 'rewardEvent'; rewarded: RewardedSide; referralRewardId: string; rewardType: string }
);

/** Everything one sandbox knows about referrals. */
export interface ReferralState {
  program: ReferralProgramRecord;
  customers: ReferringCustomerRecord[];
  friends: ReferredFriendRecord[];
  rewards: ReferralRewardRecord[];
  events: ReferralEventRecord[];
  /** Money from friends' successful-referral orders, in cents, for the statistics. */
  amountGeneratedCents: number;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A fresh 12-character code, unlike any other of the site's. */
export function newReferralCode(taken: (code: string) => boolean): string {
  for (;;) {
    const bytes = randomUUID().replaceAll('-', '');
    let code = '';
    for (let i = 0; i < 12; i++) code += CODE_ALPHABET[parseInt(bytes.slice(i * 2, i * 2 + 2), 16) % 57];
    if (!taken(code)) return code;
  }
}

export function addReferralEvent(
  referrals: ReferralState,
  event: ReferralEventRecord extends infer E
    ? E extends unknown
      ? Omit<E, 'id' | 'createdDate'>
      : never
    : never,
  now: Date,
): void {
  referrals.events.push({ ...event, id: randomUUID(), createdDate: now } as ReferralEventRecord);
}

const dates = (record: { createdDate: Date; updatedDate?: Date }) => ({
  createdDate: record.createdDate.toISOString(),
  updatedDate: (record.updatedDate ?? record.createdDate).toISOString(),
});

export function restReferralProgram(program: ReferralProgramRecord) {
  return {
    name: program.name,
    status: program.status,
    revision: String(program.revision),
    ...dates(program),
    referredFriendReward: {
      type: 'COUPON',
      couponOptions: {
        name: `${program.friendPercentOff}% off your first order`,
        discountType: 'PERCENTAGE',
        percentageOptions: { percentage: program.friendPercentOff },
        limitedToOneItem: false,
      },
    },
    referringCustomerReward: {
      type: 'LOYALTY_POINTS',
      loyaltyPointsOptions: { amount: program.referrerPoints },
    },
    successfulReferralActions: ['STORE_ORDER_PLACED'],
    emails: { encourageToReferFriends: ['STORES'], notifyCustomersAboutReward: true },
    premiumFeatures: { referralProgram: true },
  };
}

export function restReferringCustomer(customer: ReferringCustomerRecord) {
  const { id, contactId, referralCode } = customer;
  return { id, contactId, referralCode, revision: String(customer.revision), ...dates(customer) };
}

export function restReferredFriend(friend: ReferredFriendRecord) {
  const { id, contactId, referringCustomerId, status } = friend;
  return { id, contactId, referringCustomerId, status, revision: String(friend.revision), ...dates(friend) };
}

const restRewarded = (side: RewardedSide) =>
  'referringCustomerId' in side
    ? { rewardedReferringCustomerId: side.referringCustomerId }
    : { rewardedReferredFriendId: side.referredFriendId };

export function restReferralReward(record: ReferralRewardRecord) {
  const { reward } = record;
  return {
    id: record.id,
    revision: String(record.revision),
    ...dates(record),
    ...restRewarded(record.rewarded),
    rewardType: reward.type,
    ...(reward.type === 'COUPON'
      ? {
          coupon: {
            id: reward.couponId,
            code: reward.code,
            status: reward.status,
            // Wix's Coupon type (as in the program's `couponOptions`), not the coupons API's specification.
            couponSpecification: {
              name: `${reward.percentOff}% off`,
              discountType: 'PERCENTAGE',
              percentageOptions: { percentage: reward.percentOff },
            },
          },
        }
      : { loyaltyPoints: { amount: reward.amount, transactionId: reward.transactionId } }),
  };
}

export function restReferralEvent(event: ReferralEventRecord) {
  const base = { id: event.id, revision: '1', ...dates(event) };
  switch (event.kind) {
    case 'referredFriendSignupEvent':
      return { ...base, referredFriendSignupEvent: { referredFriendId: event.referredFriendId } };
    case 'actionEvent': {
      const { referredFriendId, referringCustomerId, orderId, amount } = event;
      const trigger = { appId: WIX_STORES_APP_ID, activityType: 'stores/OrderPlaced' };
      return { ...base, actionEvent: { referredFriendId, referringCustomerId, trigger, orderId, amount } };
    }
    case 'successfulReferralEvent': {
      const { referredFriendId, referringCustomerId } = event;
      return { ...base, successfulReferralEvent: { referredFriendId, referringCustomerId } };
    }
    case 'rewardEvent':
      return {
        ...base,
        rewardEvent: {
          ...restRewarded(event.rewarded),
          referralRewardId: event.referralRewardId,
          rewardType: event.rewardType,
        },
      };
  }
}
