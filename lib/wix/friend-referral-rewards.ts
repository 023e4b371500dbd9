import 'server-only';
import type { Tokens } from '@wix/sdk';
import type { ReferralRewardOffer } from '@/lib/loyalty/checkout-view';
import { couponBenefit } from '@/lib/loyalty/referral-view';
import { getSharedStores } from '@/lib/stores/shared-stores';
import { logFailure } from './observe-calls';
import { queryReferralRewards, queryReferredFriends } from './referrals';
import { sessionKey } from './session-key';

/** A friend is given one coupon when they join; a few more leave room for a program that gives again. */
const REWARDS_READ = 10;

/**
 * What the checkout remembers of a session's member: their contact and their referred-friend record (null:
 * nobody referred them). A friend's record never changes, so it is kept a month; "nobody" can change when
 * they join with a code, which this app records for the same session (`rememberReferredFriend`) and which
 * another of the site's pages could do too, so it is kept an hour.
 */
type RememberedFriend = { contactId: string; friendId: string | null };
const FRIEND_MS = 30 * 24 * 60 * 60 * 1000;
const NOBODY_MS = 60 * 60 * 1000;

const remembered = () => getSharedStores().rememberedValues<RememberedFriend>('referred-friend');

/** The member's referred-friend record, found by their contact (Wix's reward names the friend, never them). */
async function friendIdOf(contactId: string): Promise<string | null> {
  const friends = await queryReferredFriends({
    filter: { contactId: { $eq: contactId } },
    cursorPaging: { limit: 1 },
  });
  return friends.items[0]?.id ?? null;
}

/** The friend's coupon rewards still `ACTIVE`: one a checkout holds, or an order spent, is `APPLIED`. */
async function unusedRewardsOf(friendId: string): Promise<ReferralRewardOffer[]> {
  const rewards = await queryReferralRewards({
    filter: { rewardedReferredFriendId: { $eq: friendId } },
    cursorPaging: { limit: REWARDS_READ },
  });
  return rewards.items
    .filter((reward) => reward.rewardType === 'COUPON' && reward.coupon?.status === 'ACTIVE')
    .map((reward) => ({
      id: reward.id,
      code: reward.coupon?.code ?? null,
      benefit: couponBenefit(reward.coupon?.couponSpecification),
    }));
}

/** The unused referral coupon rewards of the member whose contact this is. */
export async function loadFriendReferralRewards(contactId: string): Promise<ReferralRewardOffer[]> {
  const friendId = await friendIdOf(contactId);
  return friendId ? unusedRewardsOf(friendId) : [];
}

export async function rememberReferredFriend(tokens: Tokens, contactId: string, friendId: string | null) {
  await remembered()
    .set(sessionKey(tokens), { contactId, friendId }, friendId ? FRIEND_MS : NOBODY_MS)
    .catch((error: unknown) => logFailure(error, 'referral: remember friend'));
}

/**
 * The session's member's unused referral rewards, for the checkout's one round of concurrent reads. With the
 * member remembered, the rewards are read at once, beside everything else (nothing for "nobody"). Otherwise,
 * when `learn` is set (the checkout view, and an apply of a referral reward), the friend is learnt from the
 * contact `contactId` resolves to, after that round: once a session. What was remembered is used only for the
 * contact the round names.
 */
export async function loadSessionReferralRewards(
  tokens: Tokens,
  contactId: Promise<string | null>,
  learn: boolean,
): Promise<ReferralRewardOffer[]> {
  const known = await remembered()
    .get(sessionKey(tokens))
    .catch((error: unknown) => {
      logFailure(error, 'referral: remembered friend');
      return null;
    });
  const ahead = known?.friendId ? unusedRewardsOf(known.friendId) : null;
  ahead?.catch(() => undefined);
  const contact = await contactId;
  if (!contact) return [];
  if (known?.contactId === contact) return ahead ?? [];
  if (!learn) return [];
  const friendId = await friendIdOf(contact);
  await rememberReferredFriend(tokens, contact, friendId);
  return friendId ? unusedRewardsOf(friendId) : [];
}
