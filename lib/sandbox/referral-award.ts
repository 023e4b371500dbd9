import { randomUUID } from 'node:crypto';
import { checkoutTotals } from './checkout-records';
import { earnPoints } from './points';
import { addReferralEvent, type ReferralState, type ReferredFriendRecord } from './referral-records';
import { WIX_LOYALTY_APP_ID } from './seed-catalog';
import {
  accountByContactId,
  contactDetails,
  memberById,
  type CheckoutRecord,
  type SandboxState,
} from './state';

/**
 * What Wix's Referral Program does by itself. A friend who joins with a code gets the program's coupon at
 * once, so it can take its percentage off their first order. When that first order is placed (the program's
 * successful-referral action, `STORE_ORDER_PLACED`), the referrer is paid: one EARN of the program's points
 * on their loyalty account, keyed by the referred friend so it is paid once however often it is tried, with
 * the account webhooks; a referral reward record for the referrer beside the friend's; and the tracker's
 * action, successful-referral and reward events.
 */

export const REFERRAL_ACTIVITY_TYPE = 'referral/friend-order';

export function giveFriendCoupon(referrals: ReferralState, friend: ReferredFriendRecord, now: Date): void {
  const percentOff = referrals.program.friendPercentOff;
  const code = `FRIEND-${randomUUID().slice(0, 8).toUpperCase()}`;
  const reward = {
    id: randomUUID(),
    rewarded: { referredFriendId: friend.id },
    reward: { type: 'COUPON' as const, couponId: randomUUID(), code, percentOff, status: 'ACTIVE' as const },
    revision: 1,
    createdDate: now,
  };
  referrals.rewards.push(reward);
  addReferralEvent(
    referrals,
    { kind: 'rewardEvent', rewarded: reward.rewarded, referralRewardId: reward.id, rewardType: 'COUPON' },
    now,
  );
}

/** "Noah N.": a first name and an initial, as the referrer's history names a friend. */
function shortName(state: SandboxState, contactId: string): string {
  const [first = 'A friend', last = ''] = (contactDetails(state, contactId)?.name ?? '').split(' ');
  return last ? `${first} ${last[0]}.` : first;
}

function buyerContactId(state: SandboxState, checkout: CheckoutRecord): string | undefined {
  const { memberId, contactId } = checkout.buyer;
  return contactId ?? (memberId ? memberById(state, memberId)?.contactId : undefined);
}

/** Pays the referral a placed order completes, if it completes one; anything else changes nothing. */
export function payReferral(state: SandboxState, checkout: CheckoutRecord, now = new Date()): void {
  const { referrals } = state;
  const contactId = buyerContactId(state, checkout);
  const friend = contactId && referrals.friends.find((f) => f.contactId === contactId);
  if (!checkout.order || !friend || friend.status !== 'SIGN_UP_COMPLETED') return;
  if (referrals.program.status !== 'ACTIVE') return;
  const referrer = referrals.customers.find((c) => c.id === friend.referringCustomerId);
  const account = referrer && accountByContactId(state, referrer.contactId);
  if (!referrer || !account || state.program.status !== 'ACTIVE') return;

  const amount = referrals.program.referrerPoints;
  const { transactionId } = earnPoints(
    state,
    account.id,
    {
      amount,
      appId: WIX_LOYALTY_APP_ID,
      idempotencyKey: `referral-${friend.id}`,
      description: `Referral: ${shortName(state, friend.contactId)} placed a first order`,
      activityType: REFERRAL_ACTIVITY_TYPE,
    },
    now,
  ) as { transactionId: string };
  Object.assign(friend, { status: 'ACTIONS_COMPLETED', revision: friend.revision + 1, updatedDate: now });
  const totalCents = checkoutTotals(checkout).total;
  referrals.amountGeneratedCents += totalCents;

  const rewarded = { referringCustomerId: referrer.id };
  const reward = {
    id: randomUUID(),
    rewarded,
    reward: { type: 'LOYALTY_POINTS' as const, amount, transactionId },
    revision: 1,
    createdDate: now,
  };
  referrals.rewards.push(reward);
  const pair = { referredFriendId: friend.id, referringCustomerId: referrer.id };
  const orderAmount = (totalCents / 100).toFixed(2);
  addReferralEvent(
    referrals,
    { kind: 'actionEvent', ...pair, orderId: checkout.order.id, amount: orderAmount },
    now,
  );
  addReferralEvent(referrals, { kind: 'successfulReferralEvent', ...pair }, now);
  addReferralEvent(
    referrals,
    { kind: 'rewardEvent', rewarded, referralRewardId: reward.id, rewardType: 'LOYALTY_POINTS' },
    now,
  );
}
