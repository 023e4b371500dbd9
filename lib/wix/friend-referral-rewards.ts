import 'server-only';
import { queryReferralRewards, queryReferredFriends } from './referrals';

/** A referred friend's coupon reward they have not used yet: what the checkout view offers beside coupons. */
export type FriendReferralReward = { id: string; code: string | null };

/** A friend is given one coupon when they join; a few more leave room for a program that gives again. */
const REWARDS_READ = 10;

/**
 * The member's unused referral coupon rewards, found by their referred-friend record (Wix's reward names the
 * friend, never the contact): the friend by the member's contact, then that friend's coupon rewards still
 * `ACTIVE`. A member nobody referred has none, after one read.
 */
export async function loadFriendReferralRewards(contactId: string): Promise<FriendReferralReward[]> {
  const friends = await queryReferredFriends({
    filter: { contactId: { $eq: contactId } },
    cursorPaging: { limit: 1 },
  });
  const friend = friends.items[0];
  if (!friend) return [];
  const rewards = await queryReferralRewards({
    filter: { rewardedReferredFriendId: { $eq: friend.id } },
    cursorPaging: { limit: REWARDS_READ },
  });
  return rewards.items
    .filter((reward) => reward.rewardType === 'COUPON' && reward.coupon?.status === 'ACTIVE')
    .map((reward) => ({ id: reward.id, code: reward.coupon?.code ?? null }));
}
