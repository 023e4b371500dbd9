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

/** One rung of the tier ladder; `id` is null for the base tier, which Wix gives no id. */
export type TierThreshold = {
  id: string | null;
  name: string;
  description: string | null;
  requiredPoints: number;
};

/**
 * The program's tiers in order, the base tier first. Wix lists only the tiers above the base one, and keeps
 * the base tier's name in the program settings. Null when the site has no active tiers.
 */
export function tierLadder(tiersProgram: WixTiersProgram): TierThreshold[] | null {
  const settings = tiersProgram.programSettings;
  const tiers = tiersProgram.tiers ?? [];
  if (tiers.length === 0 || (settings?.status && settings.status !== 'ACTIVE')) return null;
  const base = settings?.baseTierDefinition;
  return [
    {
      id: null,
      name: base?.name?.trim() || DEFAULT_BASE_TIER_NAME,
      description: base?.description?.trim() || null,
      requiredPoints: 0,
    },
    ...tiers.map((tier) => ({
      id: tier._id ?? null,
      name: tier.tierDefinition?.name?.trim() || 'Tier',
      description: tier.tierDefinition?.description?.trim() || null,
      requiredPoints: tier.requiredPoints ?? 0,
    })),
  ].sort((a, b) => a.requiredPoints - b.requiredPoints);
}

/**
 * Where an account with `points` tier points in tier `tierId` (null: the base tier) stands on the ladder: its
 * tier (the base tier when Wix names one the ladder lacks) and the next one up, if any.
 */
export function standingOn(
  ladder: TierThreshold[],
  tierId: string | null,
  points: number,
): { current: TierThreshold; next: NextTierView | null } {
  const current = ladder.find((threshold) => threshold.id === tierId) ?? ladder[0]!;
  const next = ladder.find((threshold) => threshold.requiredPoints > current.requiredPoints);
  return { current, next: next ? toNextTier(points, current, next) : null };
}

/** The account's tier for the card; null when the site has no active tiers, so the card shows no tier block. */
export function toTierView(account: WixLoyaltyAccount, tiersProgram: WixTiersProgram): TierView | null {
  const ladder = tierLadder(tiersProgram);
  if (!ladder) return null;
  const points = account.tier?.points ?? 0;
  const { current, next } = standingOn(ladder, account.tier?._id ?? null, points);
  return { name: current.name, points, next };
}

function toNextTier(points: number, current: TierThreshold, next: TierThreshold): NextTierView {
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
