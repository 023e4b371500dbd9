import { currentTier } from './account-json';
import { checkoutTotals } from './checkout-records';
import { earnPoints } from './points';
import {
  accountByContactId,
  accountByMemberId,
  type CheckoutRecord,
  type EarningRuleRecord,
  type SandboxState,
} from './state';

/**
 * What Wix does by itself when an order is paid: the site's ACTIVE conversion-rate order rule ("Purchase a
 * product": 1 star per $1, Gold 2) pays the buyer's loyalty account for the order's paid total, after
 * discounts, at the buyer's tier when they ordered. It is one EARN transaction that names the order, keyed by
 * the order's id so that an order pays once. A buyer with no loyalty account, a program that is not ACTIVE,
 * or a site without an active order rule pays nothing; the order is placed all the same.
 */

/** The order rule Wix runs on a paid order; paused or fixed-amount rules are not it. */
function activeOrderRule(state: SandboxState): EarningRuleRecord | undefined {
  return state.earningRules.find(
    (rule) =>
      rule.status === 'ACTIVE' && rule.kind === 'conversionRate' && /order/i.test(rule.triggerActivityType),
  );
}

/** Points for `cents` paid at a rate of `points` per `moneyAmount`: proportional, whole points, rounded down. */
function pointsForCents(cents: number, rate: { points: number; moneyAmount?: number }): number {
  const rateCents = Math.round((rate.moneyAmount ?? 0) * 100);
  return rateCents > 0 && cents > 0 ? Math.floor((cents * rate.points) / rateCents) : 0;
}

export function awardOrder(state: SandboxState, checkout: CheckoutRecord, now = new Date()): void {
  const { order } = checkout;
  const rule = activeOrderRule(state);
  if (!order || !rule || state.program.status !== 'ACTIVE') return;
  const { memberId, contactId } = checkout.buyer;
  const account =
    (memberId && accountByMemberId(state, memberId)) || (contactId && accountByContactId(state, contactId));
  if (!account) return;
  const tierId = currentTier(state, account)?.id;
  const rate =
    rule.configs.find((config) => tierId !== undefined && config.tierId === tierId) ??
    rule.configs.find((config) => config.tierId === undefined);
  const amount = rate ? pointsForCents(checkoutTotals(checkout).total, rate) : 0;
  if (amount <= 0) return;
  earnPoints(
    state,
    account.id,
    {
      amount,
      appId: rule.triggerAppId,
      idempotencyKey: `order-${order.id}`,
      description: `Order #${order.number}`,
      activityType: rule.triggerActivityType,
      orderId: order.id,
    },
    now,
  );
}
