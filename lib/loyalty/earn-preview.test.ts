import { describe, expect, it } from 'vitest';
import { toEarnPreview, type PreviewInput } from './earn-preview';
import type { OrderRule } from './order-earning';
import type { TierView } from './view-model';

const SILVER = '11111111-1111-4111-8111-111111111111';
const GOLD = '22222222-2222-4222-8222-222222222222';

/** The seeded "Purchase a product" rule: 1 star per $1, Gold 2. */
const RULE: OrderRule = {
  id: 'rule',
  title: 'Purchase a product',
  rates: [
    { tierId: null, moneyAmount: 1, points: 1 },
    { tierId: SILVER, moneyAmount: 1, points: 1 },
    { tierId: GOLD, moneyAmount: 1, points: 2 },
  ],
};

const PROGRAM = { name: 'Star Rewards', pointsName: 'Stars', active: true };

const silverTier = (points: number): TierView => ({
  name: 'Silver',
  points,
  next: { name: 'Gold', requiredPoints: 1000, pointsToGo: 1000 - points, progress: 0 },
});
const GOLD_TIER: TierView = { name: 'Gold', points: 1450, next: null };

function preview(overrides: Partial<PreviewInput>) {
  return toEarnPreview({
    amount: 64,
    inStoreCurrency: true,
    program: PROGRAM,
    rule: RULE,
    shopper: { status: 'visitor' },
    ...overrides,
  });
}

describe('the earn preview', () => {
  it("pays a member their own tier's rate", () => {
    expect(preview({ shopper: { status: 'member', tierId: GOLD, tier: GOLD_TIER } })).toEqual({
      status: 'member',
      points: 128,
      pointsName: 'Stars',
      reachesTier: null,
    });
    expect(
      preview({ amount: 19.99, shopper: { status: 'member', tierId: GOLD, tier: GOLD_TIER } }),
    ).toMatchObject({ points: 39 });
  });

  it('shows visitors and members without an account what the base tier earns', () => {
    expect(preview({})).toEqual({
      status: 'visitor',
      points: 64,
      pointsName: 'Stars',
      programName: 'Star Rewards',
    });
    expect(preview({ shopper: { status: 'no-account' } })).toMatchObject({
      status: 'no-account',
      points: 64,
    });
  });

  it('pays the base rate to a tier the rule has no rate for', () => {
    const unknownTier = { status: 'member' as const, tierId: 'retired-tier', tier: null };
    expect(preview({ shopper: unknownTier })).toMatchObject({ points: 64, reachesTier: null });
  });

  it("names the next tier when this order's points take the member's tier points to its threshold", () => {
    const member = (points: number) => ({
      status: 'member' as const,
      tierId: SILVER,
      tier: silverTier(points),
    });
    expect(preview({ amount: 580, shopper: member(420) })).toMatchObject({
      points: 580,
      reachesTier: 'Gold',
    });
    expect(preview({ amount: 579.99, shopper: member(420) })).toMatchObject({
      points: 579,
      reachesTier: null,
    });
    expect(preview({ amount: 64, shopper: member(999) })).toMatchObject({ reachesTier: 'Gold' });
  });

  it('says nothing about a next tier at the top, or to a visitor', () => {
    expect(
      preview({ amount: 100_000, shopper: { status: 'member', tierId: GOLD, tier: GOLD_TIER } }),
    ).toMatchObject({
      reachesTier: null,
    });
    expect(preview({ amount: 100_000 })).not.toHaveProperty('reachesTier');
  });

  it('is empty whenever there is no honest figure', () => {
    const empty = { status: 'empty' };
    expect(preview({ amount: null })).toEqual(empty);
    expect(preview({ inStoreCurrency: false })).toEqual(empty);
    expect(preview({ rule: null })).toEqual(empty);
    expect(preview({ program: { ...PROGRAM, active: false } })).toEqual(empty);
    // Below the rate's money amount an order earns nothing: no "Earn 0 stars".
    expect(preview({ amount: 0.99 })).toEqual(empty);
  });

  it("keeps the site's own points name, and leaves Wix's default one to the shopper's language", () => {
    expect(preview({})).toMatchObject({ pointsName: 'Stars' });
    expect(preview({ program: { ...PROGRAM, pointsName: 'Points' } })).toMatchObject({ pointsName: null });
  });
});
