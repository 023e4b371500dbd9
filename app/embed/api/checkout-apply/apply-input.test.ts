import { describe, expect, it } from 'vitest';
import { checkoutApplyInput, choiceOf } from './apply-input';

const CHECKOUT = '11111111-2222-4333-8444-555555555555';
const REWARD = 'aaaaaaaa-2222-4333-8444-555555555555';

const parse = (body: unknown) => checkoutApplyInput.safeParse(body);

describe('checkout apply input', () => {
  it.each([
    [
      { checkoutId: CHECKOUT, rewardId: REWARD },
      { kind: 'reward', rewardId: REWARD },
    ],
    [
      { checkoutId: CHECKOUT, couponId: REWARD },
      { kind: 'coupon', couponId: REWARD },
    ],
    [
      { checkoutId: CHECKOUT, referralRewardId: REWARD },
      { kind: 'referral', rewardId: REWARD },
    ],
    [
      { checkoutId: CHECKOUT, pointsToSpend: 350 },
      { kind: 'flexible', points: 350 },
    ],
  ])('reads %o as one choice', (body, choice) => {
    const parsed = parse(body);
    expect(parsed.success).toBe(true);
    expect(choiceOf(parsed.data!)).toEqual(choice);
  });

  it.each([
    ['no choice', { checkoutId: CHECKOUT }],
    ['two choices', { checkoutId: CHECKOUT, rewardId: REWARD, pointsToSpend: 10 }],
    ['a coupon and a referral reward', { checkoutId: CHECKOUT, couponId: REWARD, referralRewardId: REWARD }],
    ['a referral reward id that is not a GUID', { checkoutId: CHECKOUT, referralRewardId: 'FRIEND-NOAH10' }],
    ['a checkout id that is not a GUID', { checkoutId: 'checkout-1', rewardId: REWARD }],
    ['a reward id that is not a GUID', { checkoutId: CHECKOUT, rewardId: '../admin' }],
    ['points that are not a whole number', { checkoutId: CHECKOUT, pointsToSpend: 10.5 }],
    ['no points', { checkoutId: CHECKOUT, pointsToSpend: 0 }],
    ['negative points', { checkoutId: CHECKOUT, pointsToSpend: -100 }],
    ['more points than Wix takes', { checkoutId: CHECKOUT, pointsToSpend: 10_000_000 }],
    ['points as text', { checkoutId: CHECKOUT, pointsToSpend: '100' }],
    ['not an object', 'apply'],
  ])('refuses %s', (_name, body) => {
    expect(parse(body).success).toBe(false);
  });

  it('never reads an account or an amount from the body', () => {
    const parsed = parse({ checkoutId: CHECKOUT, rewardId: REWARD, accountId: 'x', cost: 1 });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ checkoutId: CHECKOUT, rewardId: REWARD });
  });
});
