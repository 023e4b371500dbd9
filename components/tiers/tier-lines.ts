import { formatMoneyAmount } from '@/components/loyalty-card/format';
import type { TierStepView, TiersView } from '@/lib/loyalty/tiers-view';

/**
 * What one tier's lines say, as keys of the `Tiers` namespace with their values: the tiers page and the
 * widget's tiers view word a tier the same way, each with its own translator.
 */
export type TierLine =
  | { key: 'base' }
  | { key: 'threshold'; values: { count: number; unit: string } }
  | { key: 'rate'; values: { count: number; unit: string; money: string } }
  | { key: 'perk'; values: { count: number; unit: string; reward: string } };

export type TierLines = {
  threshold: TierLine;
  /** What an order earns in this tier ("Earn 2 stars per $1 spent"), or null when orders earn nothing. */
  rate: TierLine | null;
  perks: { id: string; line: TierLine }[];
};

export function tierLines(
  tier: TierStepView,
  view: Pick<TiersView, 'currency' | 'program'>,
  locale: string,
): TierLines {
  const unit = view.program.pointsName.toLowerCase();
  return {
    threshold:
      tier.id === null ? { key: 'base' } : { key: 'threshold', values: { count: tier.requiredPoints, unit } },
    rate: tier.rate && {
      key: 'rate',
      values: {
        count: tier.rate.points,
        unit,
        money: formatMoneyAmount(tier.rate.moneyAmount, view.currency, locale),
      },
    },
    perks: tier.perks.map((perk) => ({
      id: perk.id,
      line: { key: 'perk', values: { count: perk.cost, unit, reward: perk.name } },
    })),
  };
}
