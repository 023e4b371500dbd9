import { describe, expect, it } from 'vitest';
import { elenaAccount, johnaAccount, program, tiersProgram } from './fixtures/reference-accounts';
import { toAccountView, toProgramView, toTierView } from './view-model';

describe('toProgramView', () => {
  it('uses the custom points name and reports whether the program is active', () => {
    expect(toProgramView(program)).toEqual({ name: 'Star Rewards', pointsName: 'Stars', active: true });
  });

  it("falls back to Wix's default names", () => {
    expect(toProgramView({ status: 'PAUSED' })).toEqual({
      name: 'Loyalty program',
      pointsName: 'Points',
      active: false,
    });
  });
});

describe('toAccountView', () => {
  it("maps Elena's reference account: totals, expiring points, reward and last activity", () => {
    expect(toAccountView(elenaAccount, tiersProgram)).toEqual({
      balance: 50,
      earned: 0,
      redeemed: 20,
      adjusted: 70,
      expired: 0,
      rewardAvailable: true,
      tier: {
        name: 'Bronze',
        points: 70,
        next: { name: 'Silver', requiredPoints: 100, pointsToGo: 30, progress: 0.7 },
      },
      expiring: { amount: 50, date: '2024-09-10T15:27:31.268Z' },
      lastActivityDate: '2024-06-10T15:27:30.954Z',
    });
  });

  it('treats a missing expiration and missing totals as none, not as made-up numbers', () => {
    const view = toAccountView(johnaAccount, tiersProgram);
    expect(view.expiring).toBeNull();
    expect(view.expired).toBe(0);
    expect(view.balance).toBe(15);
  });
});

describe('toTierView', () => {
  it('places an account whose tier has no id in the base tier', () => {
    const view = toTierView({ tier: { points: 5 } }, tiersProgram);
    expect(view).toEqual({
      name: 'Bronze',
      points: 5,
      next: { name: 'Silver', requiredPoints: 100, pointsToGo: 95, progress: 0.05 },
    });
  });

  it('finds the tier by id and the next one by required points', () => {
    expect(toTierView(johnaAccount, tiersProgram)?.name).toBe('Silver');
    expect(toTierView(johnaAccount, tiersProgram)?.next?.name).toBe('Gold');
  });

  it('has no next tier at the top', () => {
    expect(toTierView({ tier: { _id: 'gold', points: 650 } }, tiersProgram)).toEqual({
      name: 'Gold',
      points: 650,
      next: null,
    });
  });

  it('shows no tier block when the site has no tiers or tiers are off', () => {
    expect(toTierView(johnaAccount, { tiers: [] })).toBeNull();
    expect(toTierView(johnaAccount, { ...tiersProgram, programSettings: { status: 'DISABLED' } })).toBeNull();
  });
});
