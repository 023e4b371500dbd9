import { describe, expect, it } from 'vitest';
import type { WixEarningRule, WixReward, WixTiersProgram } from '@/lib/wix/types';
import { WIX_STORES_APP_ID } from './order-earning';
import { toTiersView, type TiersViewInput } from './tiers-view';

const SILVER = '1415f107-640c-4e04-870f-149cdd562093';
const GOLD = 'acddc0e0-5e27-4a1b-a52d-b3785ac258cb';
const program = { name: 'Star Rewards', pointsName: 'Stars', active: true };

// Listed out of order, as nothing in Wix's answer promises an order.
const tiersProgram: WixTiersProgram = {
  programSettings: {
    status: 'ACTIVE',
    rollingWindow: { durationInMonths: 12 },
    baseTierDefinition: { name: 'Bronze', description: 'Where every member starts' },
  },
  tiers: [
    { _id: GOLD, requiredPoints: 1000, tierDefinition: { name: 'Gold', description: 'Double stars' } },
    { _id: SILVER, requiredPoints: 300, tierDefinition: { name: 'Silver' } },
  ],
};

const orderRule = {
  _id: 'e0000000-0000-4000-8000-000000000008',
  title: 'Purchase a product',
  status: 'ACTIVE',
  triggerAppId: WIX_STORES_APP_ID,
  triggerActivityType: 'stores/OrderPaid',
  // Silver has no rate of its own: it earns what the base tier earns.
  conversionRate: {
    configs: [
      { moneyAmount: 1, points: 1 },
      { tierId: GOLD, moneyAmount: 1, points: 2 },
    ],
  },
} as WixEarningRule;

const fixedAmount = (tierId: string | undefined, costInPoints: number, amount: number) => ({
  ...(tierId && { tierId }),
  costInPoints,
  amount,
});

function reward(id: string, name: string, tiers: (string | undefined)[], cost: number, active = true) {
  return {
    _id: id,
    name,
    active,
    type: 'COUPON_REWARD',
    couponReward: { fixedAmount: { configsByTier: tiers.map((tier) => fixedAmount(tier, cost, 10)) } },
  } as WixReward;
}

const rewards: WixReward[] = [
  reward('everyone', '$10 off', [undefined, SILVER, GOLD], 200),
  reward('gold', 'Gold members: $20 off', [GOLD], 250),
  reward('climbers', 'Climbers: $5 off', [SILVER, GOLD], 100),
  reward('retired', 'Gold: $50 off', [GOLD], 50, false),
  {
    _id: 'flexible',
    name: 'Pay with stars',
    active: true,
    type: 'DISCOUNT_AMOUNT',
    discountAmount: { configsByTier: [{ tierId: GOLD, costInPoints: 10, amount: '1' }] },
  } as WixReward,
];

const input = (overrides: Partial<TiersViewInput> = {}): TiersViewInput => ({
  viewer: { status: 'visitor' },
  program,
  tiersProgram,
  earningRules: [orderRule],
  rewards,
  currency: 'USD',
  ...overrides,
});

describe('toTiersView', () => {
  it('lists every tier in order, the base tier first, with the tier points each needs', () => {
    const view = toTiersView(input());
    expect(view.tiers.map((tier) => [tier.id, tier.name, tier.requiredPoints, tier.description])).toEqual([
      [null, 'Bronze', 0, 'Where every member starts'],
      [SILVER, 'Silver', 300, null],
      [GOLD, 'Gold', 1000, 'Double stars'],
    ]);
    expect(view).toMatchObject({ status: 'visitor', currency: 'USD', windowMonths: 12, standing: null });
    expect(view.tiers.some((tier) => tier.current)).toBe(false);
  });

  it('gives each tier the order rule’s rate for it, the base tier’s where it has none', () => {
    expect(toTiersView(input()).tiers.map((tier) => tier.rate)).toEqual([
      { points: 1, moneyAmount: 1 },
      { points: 1, moneyAmount: 1 },
      { points: 2, moneyAmount: 1 },
    ]);
    const noOrders = toTiersView(input({ earningRules: [{ ...orderRule, status: 'PAUSED' }] }));
    expect(noOrders.tiers.map((tier) => tier.rate)).toEqual([null, null, null]);
  });

  it('gives each tier as perks the active coupon rewards it may redeem and not every tier may', () => {
    const perks = toTiersView(input()).tiers.map((tier) => tier.perks.map((perk) => [perk.id, perk.cost]));
    expect(perks).toEqual([
      [],
      [['climbers', 100]],
      [
        ['climbers', 100],
        ['gold', 250],
      ],
    ]);
    const gold = toTiersView(input()).tiers[2]!.perks[1];
    expect(gold).toEqual({
      id: 'gold',
      name: 'Gold members: $20 off',
      kind: 'amount-off',
      value: 10,
      cost: 250,
    });
  });

  it('marks the member’s tier and counts the tier points to the next one', () => {
    const view = toTiersView(input({ viewer: { status: 'member', tierId: SILVER, tierPoints: 650 } }));
    expect(view.tiers.map((tier) => tier.current)).toEqual([false, true, false]);
    expect(view.standing).toEqual({
      points: 650,
      next: { name: 'Gold', requiredPoints: 1000, pointsToGo: 350, progress: 0.5 },
    });
  });

  it('places a member whose tier has no id in the base tier', () => {
    const view = toTiersView(input({ viewer: { status: 'member', tierId: null, tierPoints: 280 } }));
    expect(view.tiers.map((tier) => tier.current)).toEqual([true, false, false]);
    expect(view.standing?.next).toMatchObject({ name: 'Silver', pointsToGo: 20 });
  });

  it('has no next tier for a member at the top', () => {
    const view = toTiersView(input({ viewer: { status: 'member', tierId: GOLD, tierPoints: 1250 } }));
    expect(view.tiers.map((tier) => tier.current)).toEqual([false, false, true]);
    expect(view.standing).toEqual({ points: 1250, next: null });
  });

  it('has no tiers, and no standing, where the site has no active tiers', () => {
    const member = { status: 'member', tierId: null, tierPoints: 40 } as const;
    for (const program of [
      { ...tiersProgram, tiers: [] },
      { ...tiersProgram, programSettings: { ...tiersProgram.programSettings, status: 'PAUSED' as const } },
    ]) {
      const view = toTiersView(input({ viewer: member, tiersProgram: program }));
      expect(view).toMatchObject({ status: 'member', tiers: [], standing: null });
    }
  });
});
