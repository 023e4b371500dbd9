import { describe, expect, it } from 'vitest';
import type { WixReward } from '@/lib/wix/types';
import { applicableRewards, flexibleDiscount, holdsCheckout, toFlexibleReward } from './checkout-view';

const GOLD = 'gold-tier';
const flexible: WixReward = {
  _id: 'flex',
  name: 'Pay with stars',
  active: true,
  type: 'DISCOUNT_AMOUNT',
  discountAmount: {
    configsByTier: [
      { tierId: null, amount: '1', costInPoints: 10 },
      { tierId: GOLD, amount: '1.5', costInPoints: 10 },
    ],
  },
};
const tenOff: WixReward = {
  _id: 'ten',
  name: '$10 off',
  active: true,
  couponReward: { fixedAmount: { configsByTier: [{ tierId: null, amount: 10, costInPoints: 200 }] } },
};

describe('flexible points at checkout', () => {
  it('takes the tier’s rate and caps the points at the balance, in whole steps', () => {
    expect(toFlexibleReward([tenOff, flexible], null, 285, 100)).toEqual({
      id: 'flex',
      name: 'Pay with stars',
      step: 10,
      unitAmount: 1,
      minPoints: 10,
      maxPoints: 280,
    });
  });

  it('caps the points at what brings the total to zero', () => {
    expect(toFlexibleReward([flexible], GOLD, 5000, 30)?.maxPoints).toBe(200);
  });

  it('gives money off per step, never rounding up', () => {
    expect(flexibleDiscount(350, { step: 10, unitAmount: 1 })).toBe(35);
    expect(flexibleDiscount(35, { step: 10, unitAmount: 1 })).toBe(3.5);
    expect(flexibleDiscount(7, { step: 3, unitAmount: 1 })).toBe(2.33);
  });

  it('is absent when the program has none, or it is withdrawn', () => {
    expect(toFlexibleReward([tenOff], null, 1000, 100)).toBeNull();
    expect(toFlexibleReward([{ ...flexible, active: false }], null, 1000, 100)).toBeNull();
  });
});

describe('rewards that can apply to a checkout', () => {
  it('lists the coupon rewards the balance covers, never the flexible one', () => {
    expect(applicableRewards([tenOff, flexible], null, 250).map((r) => r.id)).toEqual(['ten']);
    expect(applicableRewards([tenOff, flexible], null, 199)).toEqual([]);
  });
});

describe('a discount holding its checkout', () => {
  it.each([
    ['APPLIED', true],
    ['IN_PROGRESS', true],
    ['COMPLETED', true],
    ['REFUNDED_DUE_TO_TIMEOUT', false],
    ['REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL', false],
  ] as const)('%s: %s', (status, holds) => {
    expect(holdsCheckout(status)).toBe(holds);
  });
});
