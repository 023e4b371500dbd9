import { orderPoints, rateFor, type OrderRule } from './order-earning';
import { DEFAULT_POINTS_NAME, type ProgramView, type TierView } from './view-model';

/**
 * "Earn 128 stars with this order": what an order of a given amount pays the shopper looking at it, as plain
 * data. The figure is the site's order rule at the shopper's tier (the base tier for visitors and members
 * who have not joined), never a guess: whenever one input is missing the preview is empty.
 */

/** Who is looking, as far as the figure is concerned. */
export type PreviewShopper =
  | { status: 'visitor' }
  | { status: 'no-account' }
  | { status: 'member'; tierId: string | null; tier: TierView | null };

export type PreviewInput = {
  /** A valid amount (see `orderAmount`), or null. */
  amount: number | null;
  /** Whether the amount is in the store's currency, the money the order rule pays for. */
  inStoreCurrency: boolean;
  program: ProgramView;
  rule: OrderRule | null;
  shopper: PreviewShopper;
};

export type EarnPreviewView =
  /** Nothing to say: no amount, another currency, no order rule, an inactive program or zero points. */
  | { status: 'empty' }
  | {
      status: 'visitor' | 'no-account';
      points: number;
      pointsName: PointsName;
      programName: string;
    }
  | {
      status: 'member';
      points: number;
      pointsName: PointsName;
      /** The next tier's name when this order's points take the member's tier points to its threshold. */
      reachesTier: string | null;
    };

/**
 * The site's own name for its points, shown as written (Wix asks sites for a plural, "Stars"), or null for
 * Wix's default "Points", which the widget says in the shopper's language, singular for one, as Wix does.
 */
export type PointsName = string | null;

const EMPTY: EarnPreviewView = { status: 'empty' };

/** Whether the preview can show anything at all, before anything is read from Wix. */
export function previewWanted(amount: number | null, inStoreCurrency: boolean): amount is number {
  return amount !== null && inStoreCurrency;
}

export function toEarnPreview({
  amount,
  inStoreCurrency,
  program,
  rule,
  shopper,
}: PreviewInput): EarnPreviewView {
  if (!previewWanted(amount, inStoreCurrency) || !program.active || !rule) return EMPTY;
  const tierId = shopper.status === 'member' ? shopper.tierId : null;
  const rate = rateFor(rule, tierId);
  const points = rate ? orderPoints(amount, rate) : 0;
  if (points <= 0) return EMPTY;
  const pointsName = program.pointsName === DEFAULT_POINTS_NAME ? null : program.pointsName;
  if (shopper.status !== 'member') {
    return { status: shopper.status, points, pointsName, programName: program.name };
  }
  return { status: 'member', points, pointsName, reachesTier: tierReached(shopper.tier, points) };
}

/** The next tier, when the member's tier points plus the order's reach its threshold. */
function tierReached(tier: TierView | null, points: number): string | null {
  const next = tier?.next;
  return next && tier.points + points >= next.requiredPoints ? next.name : null;
}
