import { describe, expect, it } from 'vitest';
import type { WixLoyaltyCoupon, WixReward } from '@/lib/wix/types';
import { rewardTermsFor, toCouponViews, toRewardViews } from './rewards-view';

const GOLD = 'acddc0e0-5e27-4a1b-a52d-b3785ac258cb';

const percentOff: WixReward = {
  _id: 'r-percent',
  name: '10% off',
  active: true,
  couponReward: {
    percentage: {
      configsByTier: [
        { costInPoints: 400, percentage: 10 },
        { tierId: GOLD, costInPoints: 300, percentage: 15 },
      ],
    },
  },
};

describe('reward terms', () => {
  it('takes each tier’s own config: the base tier has none of a tier id', () => {
    expect(rewardTermsFor(percentOff, null)).toEqual({ kind: 'percent-off', cost: 400, value: 10 });
    expect(rewardTermsFor(percentOff, GOLD)).toEqual({ kind: 'percent-off', cost: 300, value: 15 });
    expect(rewardTermsFor(percentOff, 'silver')).toBeNull();
  });

  it('reads a restaurant discount’s decimal string amount', () => {
    const reward: WixReward = { discountAmount: { configsByTier: [{ amount: '7.50', costInPoints: 90 }] } };
    expect(rewardTermsFor(reward, null)).toEqual({ kind: 'amount-off', cost: 90, value: 7.5 });
  });

  it('lists only active coupon rewards of the tier (a flexible one is spent at checkout), cheapest first', () => {
    const inactive = { ...percentOff, _id: 'r-off', active: false };
    const shipping: WixReward = {
      _id: 'r-ship',
      name: 'Free shipping',
      active: true,
      couponReward: { freeShipping: { configsByTier: [{ tierId: GOLD, costInPoints: 100 }] } },
    };
    const flexible: WixReward = {
      _id: 'r-stars',
      name: 'Pay with stars',
      active: true,
      type: 'DISCOUNT_AMOUNT',
      discountAmount: { configsByTier: [{ tierId: GOLD, amount: '1', costInPoints: 10 }] },
    };
    expect(toRewardViews([percentOff, inactive, shipping, flexible], GOLD, 150)).toEqual([
      expect.objectContaining({ id: 'r-ship', pointsToGo: 0, progress: 1, tierExclusive: true }),
      expect.objectContaining({ id: 'r-percent', pointsToGo: 150, progress: 0.5, tierExclusive: false }),
    ]);
  });
});

describe('coupon views', () => {
  const coupon = (id: string, extra: Partial<WixLoyaltyCoupon>): WixLoyaltyCoupon => ({
    _id: id,
    rewardName: '$10 off',
    status: 'ACTIVE',
    couponReference: { code: `CODE${id}`, specification: { type: 'MONEY_OFF_AMOUNT', moneyOffAmount: 10 } },
    ...extra,
  });

  it('shows newest first, maps Wix statuses and leaves out refundable and failed coupons', () => {
    const views = toCouponViews([
      coupon('1', { _createdDate: new Date('2024-01-01'), status: 'APPLIED' }),
      coupon('2', { _createdDate: new Date('2024-03-01') }),
      coupon('3', { _createdDate: new Date('2024-02-01'), status: 'ARCHIVED' }),
      coupon('4', { _createdDate: new Date('2024-04-01'), refundable: true }),
      coupon('5', { _createdDate: new Date('2024-05-01'), status: 'FAILED' }),
    ]);
    expect(views.map((view) => [view.id, view.status, view.kind, view.value])).toEqual([
      ['2', 'active', 'amount-off', 10],
      ['3', 'expired', 'amount-off', 10],
      ['1', 'used', 'amount-off', 10],
    ]);
  });
});
