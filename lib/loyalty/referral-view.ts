import type { Failure } from '@/lib/errors/codes';
import { referralLink } from './referral-code';

/*
 * The refer view and the friend's welcome, from the Referral Program as Wix gives it (its REST objects,
 * after validation): plain data in, plain data out, no words. The input types keep Wix's field names so the
 * door can hand its objects over as they are.
 */

/** A coupon's terms: the program's `couponOptions`, or a referral reward's `coupon.couponSpecification`. */
export type ReferralCouponData = {
  name?: string;
  discountType?: 'UNKNOWN' | 'FIXED_AMOUNT' | 'PERCENTAGE' | 'FREE_SHIPPING';
  fixedAmountOptions?: { amount?: number };
  percentageOptions?: { percentage?: number };
};

/** One side's reward in the program: `referredFriendReward` or `referringCustomerReward`. */
export type ReferralProgramRewardData = {
  type?: 'UNKNOWN' | 'COUPON' | 'LOYALTY_POINTS' | 'NOTHING';
  couponOptions?: ReferralCouponData;
  loyaltyPointsOptions?: { amount?: number };
};

/** The site's one referral program (Get Referral Program's `referralProgram`). */
export type ReferralProgramData = {
  status?: 'UNKNOWN' | 'DRAFT' | 'ACTIVE' | 'PAUSED';
  referredFriendReward?: ReferralProgramRewardData;
  referringCustomerReward?: ReferralProgramRewardData;
};

/** The member as a referring customer (Generate Referring Customer For Contact, `"me"`). */
export type ReferringCustomerData = { id: string; referralCode: string };

/**
 * A referred friend (Query Referred Friends), with the name of the friend's contact beside it: Wix's object
 * holds only the `contactId`, so the door reads the name where it lives. Only the first name and the first
 * letter of the last name ever leave this module.
 */
export type ReferredFriendData = {
  id: string;
  status?: 'UNKNOWN' | 'SIGN_UP_COMPLETED' | 'ACTIONS_COMPLETED';
  createdDate?: string;
  name?: { first?: string | null; last?: string | null } | null;
};

/** A referral reward (Query Referral Rewards): who got it, and a coupon or loyalty points. */
export type ReferralRewardData = {
  id: string;
  createdDate?: string;
  rewardedReferringCustomerId?: string;
  rewardedReferredFriendId?: string;
  rewardType?: 'UNKNOWN' | 'COUPON' | 'LOYALTY_POINTS' | 'NOTHING';
  coupon?: {
    code?: string;
    status?: 'UNKNOWN' | 'ACTIVE' | 'APPLIED' | 'DELETED';
    couponSpecification?: ReferralCouponData;
  };
  loyaltyPoints?: { amount?: number };
};

/** What one side gets: money or a percentage off, free shipping, or loyalty points. */
export type ReferralBenefit =
  | { kind: 'percent-off'; percent: number }
  | { kind: 'amount-off'; amount: number }
  | { kind: 'free-shipping' }
  | { kind: 'points'; points: number };

/** "Give 10% off, get 100 stars": null on a side that gets nothing (or nothing this app can name). */
export type ReferralOffer = { friend: ReferralBenefit | null; referrer: ReferralBenefit | null };

export type FriendStatus = 'signed-up' | 'ordered';

export type ReferredFriendView = {
  id: string;
  /** "Noah N.", or null when the contact has no first name (the view says "A friend"). */
  displayName: string | null;
  status: FriendStatus;
  since: string | null;
};

export type EarnedReferralRewardView = {
  id: string;
  benefit: ReferralBenefit;
  date: string | null;
  /** A coupon's code, only while it can still be used. */
  code: string | null;
};

export type ReferView =
  | { status: 'visitor'; offer: ReferralOffer }
  | { status: 'inactive' }
  | {
      status: 'member';
      offer: ReferralOffer;
      code: string;
      link: string;
      friends: ReferredFriendView[];
      rewards: EarnedReferralRewardView[];
      /** The loyalty points all the member's referral rewards have paid. */
      pointsEarned: number;
    };

/** The refer view as the door hands it over: the view, or why it could not be read. */
export type ReferPageResult = { ok: true; view: ReferView } | Failure<'UPSTREAM_UNAVAILABLE'>;

/** What the friend arriving with a link sees: "Johna gives you 10% off your first order". */
export type ReferralWelcomeView = { referrerName: string | null; friendReward: ReferralBenefit | null };

const positive = (value: number | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

/** What a coupon takes off, or null when this app cannot name it. */
export function couponBenefit(coupon: ReferralCouponData | undefined): ReferralBenefit | null {
  switch (coupon?.discountType) {
    case 'PERCENTAGE': {
      const percent = coupon.percentageOptions?.percentage;
      return positive(percent) && percent <= 100 ? { kind: 'percent-off', percent } : null;
    }
    case 'FIXED_AMOUNT': {
      const amount = coupon.fixedAmountOptions?.amount;
      return positive(amount) ? { kind: 'amount-off', amount } : null;
    }
    case 'FREE_SHIPPING':
      return { kind: 'free-shipping' };
    default:
      return null;
  }
}

function pointsBenefit(amount: number | undefined): ReferralBenefit | null {
  return positive(amount) && Number.isInteger(amount) ? { kind: 'points', points: amount } : null;
}

/** One side's reward in the program; Wix's `type` says which options count. */
export function programBenefit(reward: ReferralProgramRewardData | undefined): ReferralBenefit | null {
  if (reward?.type === 'COUPON') return couponBenefit(reward.couponOptions);
  if (reward?.type === 'LOYALTY_POINTS') return pointsBenefit(reward.loyaltyPointsOptions?.amount);
  return null;
}

export function referralOffer(program: ReferralProgramData): ReferralOffer {
  return {
    friend: programBenefit(program.referredFriendReward),
    referrer: programBenefit(program.referringCustomerReward),
  };
}

/** Only an ACTIVE program takes referrals: a draft or a paused one shows no link and no welcome. */
export function programActive(program: ReferralProgramData): boolean {
  return program.status === 'ACTIVE';
}

const words = (text: string | null | undefined) => (text ?? '').trim().split(/\s+/).filter(Boolean);

/**
 * "Noah N.": the first name and the first letter of the last name, never more, so a member's list of
 * friends does not publish their full names. Null with no first name to show.
 */
export function friendDisplayName(name: ReferredFriendData['name']): string | null {
  const [first] = words(name?.first);
  if (!first) return null;
  const shortFirst = Array.from(first).slice(0, 40).join('');
  const [last] = words(name?.last);
  const initial = last ? Array.from(last)[0]!.toLocaleUpperCase() : null;
  return initial ? `${shortFirst} ${initial}.` : shortFirst;
}

/** The referrer's first name only, for the welcome. */
export function referrerFirstName(first: string | null | undefined): string | null {
  const [word] = words(first);
  return word ? Array.from(word).slice(0, 40).join('') : null;
}

function friendView(friend: ReferredFriendData): ReferredFriendView {
  return {
    id: friend.id,
    displayName: friendDisplayName(friend.name),
    // A referred friend exists once they signed up; Wix marks them ACTIONS_COMPLETED once they ordered.
    status: friend.status === 'ACTIONS_COMPLETED' ? 'ordered' : 'signed-up',
    since: friend.createdDate ?? null,
  };
}

function earnedView(reward: ReferralRewardData): EarnedReferralRewardView | null {
  const benefit =
    reward.rewardType === 'LOYALTY_POINTS'
      ? pointsBenefit(reward.loyaltyPoints?.amount)
      : reward.rewardType === 'COUPON'
        ? couponBenefit(reward.coupon?.couponSpecification)
        : null;
  if (!benefit) return null;
  const usable = reward.coupon?.status === 'ACTIVE' && reward.coupon.code;
  return { id: reward.id, benefit, date: reward.createdDate ?? null, code: usable || null };
}

const newestFirst = <T extends { date?: string | null; since?: string | null }>(a: T, b: T) =>
  (b.date ?? b.since ?? '').localeCompare(a.date ?? a.since ?? '');

export type ReferViewInput =
  | { status: 'visitor'; program: ReferralProgramData }
  | {
      status: 'member';
      program: ReferralProgramData;
      customer: ReferringCustomerData;
      friends: ReferredFriendData[];
      rewards: ReferralRewardData[];
      /** Where the member's link lands: `REFERRAL_LANDING_URL`, or the app's own origin. */
      landingUrl: string;
    };

/**
 * The refer view, or null when the member's code or the landing page cannot make a link (an upstream fault
 * the caller reports as unavailable, rather than showing a broken link). Only rewards paid to this member
 * count: Wix's query may hold the friends' rewards too.
 */
export function referView(input: ReferViewInput): ReferView | null {
  if (!programActive(input.program)) return { status: 'inactive' };
  const offer = referralOffer(input.program);
  if (input.status === 'visitor') return { status: 'visitor', offer };
  const link = referralLink(input.landingUrl, input.customer.referralCode);
  if (!link) return null;
  const rewards = input.rewards
    .filter((reward) => reward.rewardedReferringCustomerId === input.customer.id)
    .map(earnedView)
    .filter((reward) => reward !== null)
    .sort(newestFirst);
  return {
    status: 'member',
    offer,
    code: input.customer.referralCode,
    link,
    friends: input.friends.map(friendView).sort(newestFirst),
    rewards,
    pointsEarned: rewards.reduce(
      (sum, reward) => sum + (reward.benefit.kind === 'points' ? reward.benefit.points : 0),
      0,
    ),
  };
}

/**
 * The friend's welcome, or null when there is none to show: the program is not active. The referrer is
 * named by first name only; an unknown or malformed code never reaches here (the door refuses it).
 */
export function referralWelcome(
  program: ReferralProgramData,
  referrerFirst: string | null | undefined,
): ReferralWelcomeView | null {
  if (!programActive(program)) return null;
  return {
    referrerName: referrerFirstName(referrerFirst),
    friendReward: programBenefit(program.referredFriendReward),
  };
}
