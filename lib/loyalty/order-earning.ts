import type { WixEarningRule } from '@/lib/wix/types';

/**
 * The site's order earning rule and what it pays: the figure behind "Earn 128 stars with this order", a
 * tier's "2 stars per $1", and the points the sandbox pays when an order is placed. Plain functions over the
 * rules Wix lists; no SDK objects leave this module.
 */

/** Wix Stores' app id: the trigger app of the pre-installed "Purchase a product" rule. */
export const WIX_STORES_APP_ID = '215238eb-22a5-4c36-9e7b-e7c08025e04e';

/** One tier's rate: `points` for every `moneyAmount` of money spent, proportionally. */
export type OrderRate = { tierId: string | null; moneyAmount: number; points: number };

export type OrderRule = { id: string; title: string; rates: OrderRate[] };

function isOrderActivity(rule: WixEarningRule): boolean {
  return /order/i.test(rule.triggerActivityType ?? '');
}

/**
 * The ACTIVE conversion-rate rule that pays for orders, Wix Stores' first; null when the site pays nothing
 * for orders (no such rule, or it is paused). A rate with no money amount or no points is dropped: it
 * would pay nothing, or divide by zero.
 */
export function findOrderRule(rules: readonly WixEarningRule[]): OrderRule | null {
  const candidates = rules.filter(
    (rule) => rule.status === 'ACTIVE' && rule.conversionRate && isOrderActivity(rule),
  );
  const rule = candidates.find((r) => r.triggerAppId === WIX_STORES_APP_ID) ?? candidates[0];
  if (!rule?._id) return null;
  const rates = (rule.conversionRate?.configs ?? []).flatMap((config) => {
    const moneyAmount = config.moneyAmount ?? 0;
    const points = config.points ?? 0;
    return moneyAmount > 0 && points > 0 ? [{ tierId: config.tierId || null, moneyAmount, points }] : [];
  });
  return rates.length > 0 ? { id: rule._id, title: rule.title?.trim() || 'Order', rates } : null;
}

/** The rate for a tier (null is the base tier): the tier's own, else the base tier's. */
export function rateFor(rule: OrderRule, tierId: string | null): OrderRate | null {
  return (
    rule.rates.find((rate) => rate.tierId === tierId) ??
    rule.rates.find((rate) => rate.tierId === null) ??
    null
  );
}

/**
 * Points for an order of `amount` at `rate`: proportional to the amount, in whole points, rounded down.
 * Counted in cents so that 0.1 + 0.2 style float errors never cost a point.
 */
export function orderPoints(amount: number, rate: Pick<OrderRate, 'moneyAmount' | 'points'>): number {
  if (!(amount > 0)) return 0;
  const cents = Math.round(amount * 100);
  const rateCents = Math.round(rate.moneyAmount * 100);
  return rateCents > 0 ? Math.floor((cents * rate.points) / rateCents) : 0;
}
