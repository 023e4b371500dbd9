import type { WixLoyaltyAccount, WixLoyaltyProgram, WixTiersProgram } from '@/lib/wix/types';

/** The loyalty card as components see it: plain, serialisable data with no SDK objects and no tokens. */

export type ProgramView = { name: string; pointsName: string; active: boolean };

export type NextTierView = {
  name: string;
  requiredPoints: number;
  pointsToGo: number;
  /** 0 to 1: how far the member has come from the current tier's threshold to the next one. */
  progress: number;
};

export type TierView = { name: string; points: number; next: NextTierView | null };

export type AccountView = {
  balance: number;
  earned: number;
  redeemed: number;
  adjusted: number;
  expired: number;
  rewardAvailable: boolean;
  tier: TierView | null;
  expiring: { amount: number; date: string } | null;
  lastActivityDate: string | null;
};

export type LoyaltyCardView =
  | { status: 'visitor'; program: ProgramView; sessionEnded: boolean }
  | { status: 'no-account'; program: ProgramView; memberName: string | null }
  | { status: 'member'; program: ProgramView; memberName: string | null; account: AccountView };

/** Wix's default unit name when the site sets no custom one. */
export const DEFAULT_POINTS_NAME = 'Points';
const DEFAULT_PROGRAM_NAME = 'Loyalty program';
const DEFAULT_BASE_TIER_NAME = 'Base';

export function toProgramView(program: WixLoyaltyProgram): ProgramView {
  return {
    name: program.name?.trim() || DEFAULT_PROGRAM_NAME,
    pointsName: program.pointDefinition?.customName?.trim() || DEFAULT_POINTS_NAME,
    active: program.status === 'ACTIVE',
  };
}

type Threshold = { id: string | null; name: string; requiredPoints: number };

/**
 * Wix lists only the tiers above the base one; an account in the base tier has a `tier` with no id.
 * Returns null when the site has no active tiers, so the card shows no tier block at all.
 */
export function toTierView(account: WixLoyaltyAccount, tiersProgram: WixTiersProgram): TierView | null {
  const settings = tiersProgram.programSettings;
  const tiers = tiersProgram.tiers ?? [];
  if (tiers.length === 0 || (settings?.status && settings.status !== 'ACTIVE')) return null;

  const thresholds: Threshold[] = [
    {
      id: null,
      name: settings?.baseTierDefinition?.name?.trim() || DEFAULT_BASE_TIER_NAME,
      requiredPoints: 0,
    },
    ...tiers.map((tier) => ({
      id: tier._id ?? null,
      name: tier.tierDefinition?.name?.trim() || 'Tier',
      requiredPoints: tier.requiredPoints ?? 0,
    })),
  ].sort((a, b) => a.requiredPoints - b.requiredPoints);

  const tierId = account.tier?._id ?? null;
  const current = thresholds.find((threshold) => threshold.id === tierId) ?? thresholds[0]!;
  const points = account.tier?.points ?? 0;
  const next = thresholds.find((threshold) => threshold.requiredPoints > current.requiredPoints);

  return {
    name: current.name,
    points,
    next: next ? toNextTier(points, current, next) : null,
  };
}

function toNextTier(points: number, current: Threshold, next: Threshold): NextTierView {
  const span = next.requiredPoints - current.requiredPoints;
  const progress = span > 0 ? (points - current.requiredPoints) / span : 1;
  return {
    name: next.name,
    requiredPoints: next.requiredPoints,
    pointsToGo: Math.max(0, next.requiredPoints - points),
    progress: Math.min(1, Math.max(0, progress)),
  };
}

function toIsoDate(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function toAccountView(account: WixLoyaltyAccount, tiersProgram: WixTiersProgram): AccountView {
  const points = account.points ?? {};
  const expiringAmount = account.pointsExpiration?.expiringPointsAmount ?? 0;
  const expiringDate = toIsoDate(account.pointsExpiration?.expirationDate);
  return {
    balance: points.balance ?? 0,
    earned: points.earned ?? 0,
    redeemed: points.redeemed ?? 0,
    adjusted: points.adjusted ?? 0,
    expired: points.expired ?? 0,
    rewardAvailable: account.rewardAvailable === true,
    tier: toTierView(account, tiersProgram),
    expiring: expiringAmount > 0 && expiringDate ? { amount: expiringAmount, date: expiringDate } : null,
    lastActivityDate: toIsoDate(account.lastActivityDate),
  };
}
