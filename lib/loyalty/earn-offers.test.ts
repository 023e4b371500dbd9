import { describe, expect, it } from 'vitest';
import type { WixEarningRule } from '@/lib/wix/types';
import { buildEarnOffers, channelOfRule, fixedPointsOf, offerForEveryTier } from './earn-offers';

const rule = (
  activityType: string,
  points: number,
  status: 'ACTIVE' | 'PAUSED' = 'ACTIVE',
): WixEarningRule => ({
  triggerActivityType: activityType,
  status,
  fixedAmount: { configs: [{ points }, { tierId: 'gold', points: points * 2 }] },
});

describe('earn offers from earning rules', () => {
  const rules = [
    rule('social-media/instagram', 50),
    rule('social-media/facebook', 30),
    rule('social-media/x', 25, 'PAUSED'),
    rule('newsletter-signup', 40),
    {
      triggerActivityType: 'stores/OrderPaid',
      status: 'ACTIVE',
      conversionRate: { configs: [{ points: 1 }] },
    } as WixEarningRule,
  ];

  it('offers active social rules with their points and marks paused ones disabled', () => {
    const { offers, disabledOfferIds } = buildEarnOffers(rules, null);
    expect(offers.map((offer) => [offer.id, offer.points])).toEqual([
      ['follow-instagram', 50],
      ['follow-facebook', 30],
      ['newsletter-signup', 40],
    ]);
    expect(disabledOfferIds).toEqual(['follow-x']);
    expect(offers[0]).toMatchObject({
      kind: 'social-follow',
      channel: 'INSTAGRAM',
      activityType: 'social-media/instagram',
    });
    expect(offers[0]?.profileUrl).toMatch(/^https:\/\/www\.instagram\.com\//);
  });

  it("uses the member's tier config when the rule has one", () => {
    expect(
      buildEarnOffers(rules, 'gold').offers.find((offer) => offer.id === 'follow-instagram')?.points,
    ).toBe(100);
    expect(fixedPointsOf(rules[0]!, 'silver')).toBe(50);
  });

  it('falls back to the server config only for activities without any rule', () => {
    const { offers } = buildEarnOffers([], null);
    expect(offers).toEqual([expect.objectContaining({ id: 'newsletter-signup', points: 25 })]);
    const paused = buildEarnOffers([rule('newsletter-signup', 40, 'PAUSED')], null);
    expect(paused.offers).toEqual([]);
    expect(paused.disabledOfferIds).toEqual(['newsletter-signup']);
  });

  it('reads the channel from the activity type', () => {
    expect(channelOfRule(rule('social-media/tiktok', 1))).toBe('TIKTOK');
    expect(channelOfRule(rule('newsletter-signup', 1))).toBeNull();
    expect(channelOfRule(rule('social-media/myspace', 1))).toBeNull();
  });
});

describe('an offer every tier can earn', () => {
  const withTiers = (
    activityType: string,
    configs: { tierId?: string; points: number }[],
  ): WixEarningRule => ({
    triggerActivityType: activityType,
    status: 'ACTIVE',
    fixedAmount: { configs },
  });

  it('is the offer when the base and every tier with its own amount earn points', () => {
    const rules = [withTiers('social-media/instagram', [{ points: 50 }, { tierId: 'gold', points: 80 }])];
    expect(offerForEveryTier(rules, 'follow-instagram')).toMatchObject({ channel: 'INSTAGRAM' });
  });

  it('is an activity the site has no rule for, which pays its fallback to everyone', () => {
    expect(offerForEveryTier([], 'newsletter-signup')).toMatchObject({ kind: 'activity' });
  });

  it('is null when one tier earns nothing, or the base does not, or the rule is paused', () => {
    expect(
      offerForEveryTier(
        [withTiers('social-media/instagram', [{ points: 50 }, { tierId: 'gold', points: 0 }])],
        'follow-instagram',
      ),
    ).toBeNull();
    expect(
      offerForEveryTier(
        [withTiers('newsletter-signup', [{ tierId: 'gold', points: 40 }])],
        'newsletter-signup',
      ),
    ).toBeNull();
    expect(offerForEveryTier([rule('social-media/x', 25, 'PAUSED')], 'follow-x')).toBeNull();
  });
});
