import type { WixLoyaltyCoupon, WixReward } from '@/lib/wix/types';
import type { ProgramView } from './view-model';

/** Rewards and coupons as components see them: plain data, no SDK objects. */

export type RewardKind = 'amount-off' | 'percent-off' | 'free-shipping';

/** What one tier pays for a reward and gets: `value` is the money off or the percentage, null for shipping. */
export type RewardTerms = { kind: RewardKind; cost: number; value: number | null };

export type RewardView = RewardTerms & {
  id: string;
  name: string;
  /** Offered to some tiers only (not to the base tier), so worth saying whose perk it is. */
  tierExclusive: boolean;
  /** What the balance still lacks; 0 when it covers the cost. */
  pointsToGo: number;
  /** 0 to 1: how much of the cost the balance covers. */
  progress: number;
};

type TierConfig = { tierId?: string | null; costInPoints?: number };

const sameTier = (config: TierConfig, tierId: string | null) => (config.tierId || null) === tierId;

function termsFrom(
  configs: (TierConfig & { value?: number | string | null })[] | undefined,
  kind: RewardKind,
  tierId: string | null,
): RewardTerms | null {
  const config = configs?.find((candidate) => sameTier(candidate, tierId));
  const cost = config?.costInPoints;
  if (!config || !cost || cost < 1) return null;
  const value = config.value === undefined || config.value === null ? null : Number(config.value);
  return { kind, cost, value: value !== null && Number.isFinite(value) ? value : null };
}

/**
 * What a tier (null: the base tier) pays for a reward and gets, or null when that tier may not redeem it:
 * Wix gives each tier its own entry in `configsByTier`, and a tier without one is not offered the reward.
 */
export function rewardTermsFor(reward: WixReward, tierId: string | null): RewardTerms | null {
  const coupon = reward.couponReward;
  if (coupon?.fixedAmount) {
    const configs = coupon.fixedAmount.configsByTier?.map((c) => ({ ...c, value: c.amount }));
    return termsFrom(configs, 'amount-off', tierId);
  }
  if (coupon?.percentage) {
    const configs = coupon.percentage.configsByTier?.map((c) => ({ ...c, value: c.percentage }));
    return termsFrom(configs, 'percent-off', tierId);
  }
  if (coupon?.freeShipping) return termsFrom(coupon.freeShipping.configsByTier, 'free-shipping', tierId);
  // Wix Restaurants' discount-amount rewards carry their amount as a decimal string.
  const discount = reward.discountAmount?.configsByTier?.map((c) => ({ ...c, value: c.amount }));
  return termsFrom(discount, 'amount-off', tierId);
}

/** A flexible reward (Wix's DISCOUNT_AMOUNT) is spent as points at checkout, never redeemed for a coupon. */
export function spentAtCheckout(reward: WixReward): boolean {
  return reward.type === 'DISCOUNT_AMOUNT' || reward.discountAmount !== undefined;
}

function offeredToBaseTier(reward: WixReward): boolean {
  const coupon = reward.couponReward;
  const configs: TierConfig[] =
    coupon?.fixedAmount?.configsByTier ??
    coupon?.percentage?.configsByTier ??
    coupon?.freeShipping?.configsByTier ??
    reward.discountAmount?.configsByTier ??
    [];
  return configs.some((config) => sameTier(config, null));
}

/** A reward measured against a balance: what it still lacks and how far along it is. */
export function withBalance<T extends RewardTerms>(
  reward: T,
  balance: number,
): T & Pick<RewardView, 'pointsToGo' | 'progress'> {
  return {
    ...reward,
    pointsToGo: Math.max(0, reward.cost - balance),
    progress: Math.min(1, Math.max(0, balance / reward.cost)),
  };
}

/**
 * The active rewards this tier may redeem for a coupon, cheapest first, measured against `balance`. Rewards
 * of other tiers are left out: a shopper only sees what they could one day spend their points on.
 */
export function toRewardViews(rewards: WixReward[], tierId: string | null, balance: number): RewardView[] {
  return rewards
    .flatMap((reward) => {
      const redeemable = reward.active && reward._id && !spentAtCheckout(reward);
      const terms = redeemable ? rewardTermsFor(reward, tierId) : null;
      if (!terms || !reward._id) return [];
      const named = {
        ...terms,
        id: reward._id,
        name: reward.name?.trim() || 'Reward',
        tierExclusive: !offeredToBaseTier(reward),
      };
      return [withBalance(named, balance)];
    })
    .sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name));
}

/** `expired` covers a coupon Wix archived: its reference coupon was deleted, so it can no longer be used. */
export type CouponStatusView = 'active' | 'pending' | 'used' | 'expired';

export type CouponView = {
  id: string;
  code: string;
  rewardName: string;
  kind: RewardKind | null;
  value: number | null;
  status: CouponStatusView;
  createdDate: string | null;
};

const STATUS: Partial<Record<string, CouponStatusView>> = {
  ACTIVE: 'active',
  PENDING: 'pending',
  APPLIED: 'used',
  ARCHIVED: 'expired',
};

function couponTerms(coupon: WixLoyaltyCoupon): Pick<CouponView, 'kind' | 'value'> {
  const spec = coupon.couponReference?.specification;
  if (spec?.type === 'MONEY_OFF_AMOUNT') return { kind: 'amount-off', value: spec.moneyOffAmount ?? null };
  if (spec?.type === 'PERCENT_OFF_RATE') return { kind: 'percent-off', value: spec.percentOffRate ?? null };
  if (spec?.type === 'FREE_SHIPPING') return { kind: 'free-shipping', value: null };
  return { kind: null, value: null };
}

function toIso(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * A coupon the shopper can be shown, or null: Wix says a `refundable` coupon (made during a checkout
 * exchange) must not appear in the UI, and a FAILED one never gave the shopper anything.
 */
export function toCouponView(coupon: WixLoyaltyCoupon): CouponView | null {
  const code = coupon.couponReference?.code;
  const deleted = coupon.couponReference?.deleted === true;
  const status = deleted ? 'expired' : STATUS[coupon.status ?? ''];
  if (!coupon._id || !code || !status || coupon.refundable) return null;
  return {
    id: coupon._id,
    code,
    rewardName: coupon.rewardName?.trim() || coupon.couponReference?.name?.trim() || 'Reward',
    ...couponTerms(coupon),
    status,
    createdDate: toIso(coupon._createdDate),
  };
}

/** The coupons to show, newest first. */
export function toCouponViews(coupons: WixLoyaltyCoupon[]): CouponView[] {
  return coupons
    .flatMap((coupon) => {
      const view = toCouponView(coupon);
      return view ? [view] : [];
    })
    .sort((a, b) => (b.createdDate ?? '').localeCompare(a.createdDate ?? ''));
}

/** The rewards page as this viewer should see it; visitors and members without an account see base prices. */
export type RewardsPageView =
  | { status: 'visitor'; program: ProgramView; rewards: RewardView[] }
  | { status: 'no-account'; program: ProgramView; rewards: RewardView[] }
  | {
      status: 'member';
      program: ProgramView;
      balance: number;
      tierName: string | null;
      rewards: RewardView[];
      coupons: CouponView[];
    };
