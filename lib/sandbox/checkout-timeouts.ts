import { takeAccountChanges } from './account-changes';
import { refundDiscount } from './checkout-discounts';
import type { SandboxContext } from './context';
import type { SandboxState } from './state';

/** How long a loyalty discount stays on a checkout that does not become an order, unless told otherwise. */
export const DEFAULT_CHECKOUT_TIMEOUT_MS = 30 * 60 * 1000;

/** The longest delay a Node timer takes; a later deadline is simply checked again when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type CheckoutExchangeSettings = { timeoutMs: number; timer?: ReturnType<typeof setTimeout> };

/** Refunds every discount applied longer ago than `timeoutMs` to a checkout that never became an order. */
function expireDiscounts(state: SandboxState, timeoutMs: number, now = new Date()): void {
  for (const discount of state.checkoutDiscounts) {
    if (discount.status === 'APPLIED' && now.getTime() - discount.appliedDate.getTime() >= timeoutMs) {
      refundDiscount(state, discount, 'REFUNDED_DUE_TO_TIMEOUT', now);
    }
  }
}

/** When the next applied discount runs out, or null when none is waiting. */
function nextExpiry(state: SandboxState, timeoutMs: number): number | null {
  const applied = state.checkoutDiscounts.filter((discount) => discount.status === 'APPLIED');
  if (applied.length === 0) return null;
  return Math.min(...applied.map((discount) => discount.appliedDate.getTime() + timeoutMs));
}

/** Refunds the discounts whose time is up. Every request runs it first, so a read never sees a stale one. */
export function expireCheckoutDiscounts(sandbox: SandboxContext, now = new Date()): void {
  expireDiscounts(sandbox.state, sandbox.checkoutExchange.timeoutMs, now);
}

export function stopCheckoutTimer(sandbox: SandboxContext): void {
  clearTimeout(sandbox.checkoutExchange.timer);
  sandbox.checkoutExchange.timer = undefined;
}

/**
 * Arms one timer for the next deadline, so a discount left alone is refunded by itself (with its webhooks)
 * even when nobody asks. Call after anything that may add, settle or re-time a discount.
 */
export function scheduleCheckoutTimer(sandbox: SandboxContext): void {
  stopCheckoutTimer(sandbox);
  const at = nextExpiry(sandbox.state, sandbox.checkoutExchange.timeoutMs);
  if (at === null) return;
  const timer = setTimeout(
    () => {
      expireCheckoutDiscounts(sandbox);
      sandbox.webhooks.dispatch(takeAccountChanges(sandbox.state));
      scheduleCheckoutTimer(sandbox);
    },
    Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now())),
  );
  // The timer never keeps a process alive on its own: a closed sandbox stops it, a test run just ends.
  timer.unref();
  sandbox.checkoutExchange.timer = timer;
}
