import type { WixEarningRule, WixReward, WixTiersProgram } from '@/lib/wix/types';
import { findOrderRule, rateFor } from './order-earning';
import { rewardTermsFor, spentAtCheckout, type RewardTerms } from './rewards-view';
import {
  standingOn,
  tierLadder,
  type NextTierView,
  type ProgramView,
  type TierThreshold,
} from './view-model';

/** The program's tiers as the tiers page and the widget's tiers view show them: plain data, no SDK objects. */

/** A reward some tiers may redeem and others may not: a reason to climb. */
export type TierPerkView = RewardTerms & { id: string; name: string };

export type TierStepView = {
  /** Null for the base tier, which Wix gives no id. */
  id: string | null;
  name: string;
  /** The site's own words for the tier, when it wrote some. */
  description: string | null;
  /** Tier points needed to reach it; 0 for the base tier. */
  requiredPoints: number;
  /** What an order earns in this tier: `points` for every `moneyAmount` spent; null when orders earn nothing. */
  rate: { points: number; moneyAmount: number } | null;
  /** The rewards this tier may redeem that not every tier may, cheapest first. */
  perks: TierPerkView[];
  /** The member is in this tier. */
  current: boolean;
};

export type TiersView = {
  status: 'visitor' | 'no-account' | 'member';
  program: ProgramView;
  /** The money of the order rates (the store's currency, an ISO 4217 code). */
  currency: string;
  /** Every tier, the base tier first; empty when the site has no active tiers. */
  tiers: TierStepView[];
  /** How many months of earning count toward a tier (Wix's rolling window); null when Wix does not say. */
  windowMonths: number | null;
  /** The member's tier points and the next tier up; null for anyone else, and when there are no tiers. */
  standing: { points: number; next: NextTierView | null } | null;
};

export type TiersViewer =
  { status: 'visitor' | 'no-account' } | { status: 'member'; tierId: string | null; tierPoints: number };

export type TiersViewInput = {
  viewer: TiersViewer;
  program: ProgramView;
  tiersProgram: WixTiersProgram;
  earningRules: readonly WixEarningRule[];
  rewards: readonly WixReward[];
  currency: string;
};

function isCouponReward(reward: WixReward): reward is WixReward & { _id: string } {
  return reward.active === true && Boolean(reward._id) && !spentAtCheckout(reward);
}

/** Each tier's perks: active coupon rewards the tier may redeem and at least one other tier may not. */
function perksOf(ladder: TierThreshold[], rewards: readonly WixReward[]): Map<string | null, TierPerkView[]> {
  const perks = new Map<string | null, TierPerkView[]>(ladder.map((tier) => [tier.id, []]));
  for (const reward of rewards.filter(isCouponReward)) {
    const terms = ladder.map((tier) => rewardTermsFor(reward, tier.id));
    if (terms.every((term) => term !== null)) continue;
    ladder.forEach((tier, index) => {
      const term = terms[index];
      if (term) perks.get(tier.id)!.push({ ...term, id: reward._id, name: reward.name?.trim() || 'Reward' });
    });
  }
  for (const list of perks.values()) list.sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name));
  return perks;
}

/**
 * The tiers of the program in order with what each needs and gives, and where the member stands: their tier
 * marked and the tier points still missing for the next one.
 */
export function toTiersView({
  viewer,
  program,
  tiersProgram,
  earningRules,
  rewards,
  currency,
}: TiersViewInput): TiersView {
  const ladder = tierLadder(tiersProgram) ?? [];
  const member = viewer.status === 'member' && ladder.length > 0 ? viewer : null;
  const standing = member ? standingOn(ladder, member.tierId, member.tierPoints) : null;
  const orderRule = findOrderRule(earningRules);
  const perks = perksOf(ladder, rewards);
  const months = tiersProgram.programSettings?.rollingWindow?.durationInMonths;

  const tiers = ladder.map((tier): TierStepView => {
    const rate = orderRule ? rateFor(orderRule, tier.id) : null;
    return {
      ...tier,
      rate: rate && { points: rate.points, moneyAmount: rate.moneyAmount },
      perks: perks.get(tier.id) ?? [],
      current: standing?.current === tier,
    };
  });
  return {
    status: viewer.status,
    program,
    currency,
    tiers,
    windowMonths: months && months > 0 ? months : null,
    standing: member && standing ? { points: member.tierPoints, next: standing.next } : null,
  };
}
