import 'server-only';
import type { CheckoutErrorCode, CheckoutRemoveErrorCode, Failure } from '@/lib/errors/codes';
import { failure } from '@/lib/errors/codes';
import type { CheckoutDiscountView, CheckoutPointsView } from '@/lib/loyalty/checkout-view';
import type { KeyLock } from '@/lib/stores/key-lock';
import { getSharedStores } from '@/lib/stores/shared-stores';
import type { CheckoutState } from './checkout-points';
import { letGo, takeSpendLease } from './redemption';

/** What an apply or a removal needs besides the checkout, and what it answers. */

export type CheckoutWriteOptions<Code> = {
  /** A last say before any write, given the member's account id: the per-member rate limit. */
  guard?: (accountId: string) => Promise<Code | null>;
  /** The shared key lock by default, the same key as a redemption's: one spend per member in flight. */
  lock?: KeyLock;
};

export type CheckoutWriteResult<Code extends CheckoutErrorCode | CheckoutRemoveErrorCode> =
  { ok: true; view: CheckoutPointsView; discount: CheckoutDiscountView } | Failure<Code>;

export type ReadyCheckout = Extract<CheckoutState, { status: 'ready' }>;

/** The code for a checkout with nothing to act on, the same for an apply and a removal. */
export const CODE_FOR_STATE = {
  'signed-out': 'SIGN_IN_REQUIRED',
  'no-account': 'NO_LOYALTY_ACCOUNT',
  'program-inactive': 'PROGRAM_INACTIVE',
  'no-checkout': 'CHECKOUT_NOT_FOUND',
  unavailable: 'UPSTREAM_UNAVAILABLE',
} as const satisfies Record<
  Exclude<CheckoutState['status'], 'ready'>,
  CheckoutErrorCode & CheckoutRemoveErrorCode
>;

/**
 * Runs a write on the member's checkout after the guard's say, inside the member's one spend lease (shared
 * with redemptions), so an apply, a removal and a redemption of one member never overlap.
 */
export async function inSpendLease<Code extends CheckoutErrorCode | CheckoutRemoveErrorCode>(
  state: ReadyCheckout,
  { guard = async () => null, lock = getSharedStores().keyLock }: CheckoutWriteOptions<Code>,
  write: (lock: KeyLock) => Promise<CheckoutWriteResult<Code>>,
): Promise<CheckoutWriteResult<Code | 'UPSTREAM_UNAVAILABLE' | 'REDEMPTION_IN_PROGRESS'>> {
  const refusal = await guard(state.member.accountId);
  if (refusal) return failure(refusal);
  const lease = await takeSpendLease(lock, state.member.accountId);
  if (lease === undefined) return failure('UPSTREAM_UNAVAILABLE');
  if (!lease) return failure('REDEMPTION_IN_PROGRESS');
  try {
    return await write(lock);
  } finally {
    await letGo(lease);
  }
}
