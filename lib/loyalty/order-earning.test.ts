import { describe, expect, it } from 'vitest';
import type { WixEarningRule } from '@/lib/wix/types';
import { findOrderRule, orderPoints, rateFor, WIX_STORES_APP_ID } from './order-earning';

const GOLD = '22222222-2222-4222-8222-222222222222';

function rule(overrides: Partial<WixEarningRule>): WixEarningRule {
  return {
    _id: '11111111-1111-4111-8111-111111111111',
    title: 'Purchase a product',
    status: 'ACTIVE',
    triggerAppId: WIX_STORES_APP_ID,
    triggerActivityType: 'stores/OrderPaid',
    conversionRate: {
      configs: [
        { moneyAmount: 1, points: 1 },
        { tierId: GOLD, moneyAmount: 1, points: 2 },
      ],
    },
    ...overrides,
  } as WixEarningRule;
}

describe('findOrderRule', () => {
  it('finds the active conversion-rate order rule with a rate per tier', () => {
    const found = findOrderRule([rule({})]);
    expect(found?.rates).toEqual([
      { tierId: null, moneyAmount: 1, points: 1 },
      { tierId: GOLD, moneyAmount: 1, points: 2 },
    ]);
  });

  it('is null when the order rule is paused, fixed-amount, or not about orders', () => {
    expect(findOrderRule([rule({ status: 'PAUSED' })])).toBeNull();
    expect(findOrderRule([rule({ conversionRate: undefined, fixedAmount: { configs: [] } })])).toBeNull();
    expect(findOrderRule([rule({ triggerActivityType: 'birthday' })])).toBeNull();
    expect(findOrderRule([])).toBeNull();
  });

  it("prefers Wix Stores' rule and drops rates that would pay nothing", () => {
    const other = rule({ _id: 'other', triggerAppId: 'restaurants', triggerActivityType: 'orderSubmitted' });
    const stores = rule({
      conversionRate: {
        configs: [
          { moneyAmount: 0, points: 5 },
          { moneyAmount: 10, points: 1 },
        ],
      },
    });
    expect(findOrderRule([other, stores])).toEqual({
      id: '11111111-1111-4111-8111-111111111111',
      title: 'Purchase a product',
      rates: [{ tierId: null, moneyAmount: 10, points: 1 }],
    });
  });
});

describe('rateFor and orderPoints', () => {
  const found = findOrderRule([rule({})])!;

  it("uses the tier's own rate, else the base tier's", () => {
    expect(orderPoints(64, rateFor(found, GOLD)!)).toBe(128);
    expect(orderPoints(64, rateFor(found, null)!)).toBe(64);
    expect(orderPoints(64, rateFor(found, 'silver-without-a-rate')!)).toBe(64);
  });

  it('pays proportionally, in whole points rounded down, without float errors', () => {
    expect(orderPoints(30, { moneyAmount: 20, points: 10 })).toBe(15);
    expect(orderPoints(64.5, { moneyAmount: 1, points: 2 })).toBe(129);
    expect(orderPoints(9.99, { moneyAmount: 10, points: 1 })).toBe(0);
    expect(orderPoints(0.3, { moneyAmount: 0.1, points: 1 })).toBe(3);
    expect(orderPoints(0, { moneyAmount: 1, points: 1 })).toBe(0);
    expect(orderPoints(-5, { moneyAmount: 1, points: 1 })).toBe(0);
  });
});
