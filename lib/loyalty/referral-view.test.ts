import { describe, expect, it } from 'vitest';
import {
  friendDisplayName,
  programBenefit,
  referralOffer,
  referralWelcome,
  referView,
  type ReferralProgramData,
  type ReferralRewardData,
  type ReferredFriendData,
} from './referral-view';

const program: ReferralProgramData = {
  status: 'ACTIVE',
  referredFriendReward: {
    type: 'COUPON',
    couponOptions: { name: '10% off', discountType: 'PERCENTAGE', percentageOptions: { percentage: 10 } },
  },
  referringCustomerReward: { type: 'LOYALTY_POINTS', loyaltyPointsOptions: { amount: 100 } },
};
const customer = { id: 'rc-johna', referralCode: 'GxpxwAoMqxH8' };
const friends: ReferredFriendData[] = [
  {
    id: 'rf-1',
    status: 'SIGN_UP_COMPLETED',
    createdDate: '2026-02-01T10:00:00Z',
    name: { first: 'Mia', last: 'Keller' },
  },
  {
    id: 'rf-2',
    status: 'ACTIONS_COMPLETED',
    createdDate: '2026-02-10T10:00:00Z',
    name: { first: 'Noah', last: 'Navarro' },
  },
];
const paid: ReferralRewardData = {
  id: 'rr-1',
  createdDate: '2026-02-12T10:00:00Z',
  rewardedReferringCustomerId: 'rc-johna',
  rewardType: 'LOYALTY_POINTS',
  loyaltyPoints: { amount: 100 },
};
const friendsOwn: ReferralRewardData = {
  id: 'rr-2',
  rewardedReferredFriendId: 'rf-2',
  rewardType: 'COUPON',
  coupon: {
    code: 'FRIENDCODE10',
    status: 'APPLIED',
    couponSpecification: { discountType: 'PERCENTAGE', percentageOptions: { percentage: 10 } },
  },
};
const member = (overrides: Partial<Parameters<typeof referView>[0]> = {}) =>
  referView({
    status: 'member',
    program,
    customer,
    friends,
    rewards: [paid, friendsOwn],
    landingUrl: 'https://shop.example',
    ...overrides,
  } as Parameters<typeof referView>[0]);

describe('the referral offer', () => {
  it('names both sides: a percentage off for the friend, points for the referrer', () => {
    expect(referralOffer(program)).toEqual({
      friend: { kind: 'percent-off', percent: 10 },
      referrer: { kind: 'points', points: 100 },
    });
  });

  it('reads money off, free shipping and a coupon for the referrer', () => {
    expect(
      programBenefit({
        type: 'COUPON',
        couponOptions: { discountType: 'FIXED_AMOUNT', fixedAmountOptions: { amount: 15 } },
      }),
    ).toEqual({ kind: 'amount-off', amount: 15 });
    expect(programBenefit({ type: 'COUPON', couponOptions: { discountType: 'FREE_SHIPPING' } })).toEqual({
      kind: 'free-shipping',
    });
  });

  it('names nothing it cannot stand behind', () => {
    expect(programBenefit({ type: 'NOTHING' })).toBeNull();
    expect(programBenefit(undefined)).toBeNull();
    // The type decides: options of another type are not the reward.
    expect(programBenefit({ type: 'NOTHING', loyaltyPointsOptions: { amount: 100 } })).toBeNull();
    expect(programBenefit({ type: 'LOYALTY_POINTS', loyaltyPointsOptions: { amount: 0 } })).toBeNull();
    expect(
      programBenefit({
        type: 'COUPON',
        couponOptions: { discountType: 'PERCENTAGE', percentageOptions: { percentage: 150 } },
      }),
    ).toBeNull();
    expect(programBenefit({ type: 'COUPON', couponOptions: { discountType: 'UNKNOWN' } })).toBeNull();
  });
});

describe('friend names', () => {
  it('shows a first name and an initial, never the full name', () => {
    expect(friendDisplayName({ first: 'Noah', last: 'Navarro' })).toBe('Noah N.');
    expect(friendDisplayName({ first: '  Mary  Ann ', last: ' van Dyke' })).toBe('Mary V.');
    expect(friendDisplayName({ first: 'נועה', last: 'כהן' })).toBe('נועה כ.');
    expect(friendDisplayName({ first: 'Noah', last: null })).toBe('Noah');
    expect(friendDisplayName({ first: '', last: 'Navarro' })).toBeNull();
    expect(friendDisplayName(null)).toBeNull();
    expect(friendDisplayName({ first: 'X'.repeat(500) })).toHaveLength(40);
  });
});

describe('the refer view', () => {
  it("gives the member the link, the friends newest first with their status, and the member's own rewards", () => {
    const view = member();
    expect(view).toEqual({
      status: 'member',
      offer: { friend: { kind: 'percent-off', percent: 10 }, referrer: { kind: 'points', points: 100 } },
      code: 'GxpxwAoMqxH8',
      link: 'https://shop.example/?ref=GxpxwAoMqxH8',
      friends: [
        { id: 'rf-2', displayName: 'Noah N.', status: 'ordered', since: '2026-02-10T10:00:00Z' },
        { id: 'rf-1', displayName: 'Mia K.', status: 'signed-up', since: '2026-02-01T10:00:00Z' },
      ],
      rewards: [
        { id: 'rr-1', benefit: { kind: 'points', points: 100 }, date: '2026-02-12T10:00:00Z', code: null },
      ],
      pointsEarned: 100,
    });
  });

  it("shows a coupon reward's code only while it can be used", () => {
    const coupon = (status: 'ACTIVE' | 'APPLIED'): ReferralRewardData => ({
      id: `rr-${status}`,
      rewardedReferringCustomerId: 'rc-johna',
      rewardType: 'COUPON',
      coupon: {
        code: `CODE${status}`.padEnd(12, 'X'),
        status,
        couponSpecification: { discountType: 'FREE_SHIPPING' },
      },
    });
    const view = member({ rewards: [coupon('ACTIVE'), coupon('APPLIED')] });
    expect(view?.status === 'member' && view.rewards.map((reward) => reward.code)).toEqual([
      'CODEACTIVEXX',
      null,
    ]);
    expect(view?.status === 'member' && view.pointsEarned).toBe(0);
  });

  it('has an empty list for a member with no friends yet', () => {
    const view = member({ friends: [], rewards: [] });
    expect(view?.status === 'member' && [view.friends, view.rewards, view.pointsEarned]).toEqual([[], [], 0]);
  });

  it('gives a visitor the offer and no link', () => {
    expect(referView({ status: 'visitor', program })).toEqual({
      status: 'visitor',
      offer: referralOffer(program),
    });
  });

  it.each(['DRAFT', 'PAUSED', 'UNKNOWN'] as const)(
    'says a %s program is not active, with no link',
    (status) => {
      expect(member({ program: { ...program, status } })).toEqual({ status: 'inactive' });
      expect(referView({ status: 'visitor', program: { ...program, status } })).toEqual({
        status: 'inactive',
      });
    },
  );

  it('makes no view from a malformed code or landing page, rather than a broken link', () => {
    expect(member({ customer: { id: 'rc-johna', referralCode: '<script>' } })).toBeNull();
    expect(member({ landingUrl: 'ftp://shop.example' })).toBeNull();
  });
});

describe("the friend's welcome", () => {
  it("names the referrer by first name and the friend's reward", () => {
    expect(referralWelcome(program, '  Johna ')).toEqual({
      referrerName: 'Johna',
      friendReward: { kind: 'percent-off', percent: 10 },
    });
    expect(referralWelcome(program, null)).toEqual({
      referrerName: null,
      friendReward: { kind: 'percent-off', percent: 10 },
    });
  });

  it('is not shown while the program is not active', () => {
    expect(referralWelcome({ ...program, status: 'PAUSED' }, 'Johna')).toBeNull();
  });
});
