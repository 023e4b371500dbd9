import { toRestAccount, type RestAccount } from './account-json';
import type { AccountRecord, SandboxState } from './state';

/**
 * A change to a loyalty account that Wix announces with webhooks. Queued per sandbox state while a request
 * runs and sent once it is answered, as Wix sends its events after the change is committed.
 */
export type AccountChange = {
  /** The account as the REST API shows it right after the change. */
  account: RestAccount;
  /** `created`: Account Created; `points`: Points Updated and Account Updated. */
  kind: 'created' | 'points';
  /** Also Reward Availability Updated. */
  rewardAvailabilityChanged: boolean;
  at: Date;
};

/** Keyed by the state object, so a reset (a new state) starts with an empty queue and no seed change. */
const outboxes = new WeakMap<SandboxState, AccountChange[]>();

/**
 * Call after any change to an account's points (earn, adjust, redeem, a follow award) or its creation:
 * queues the webhooks Wix sends for it. `previous` is the account as the REST API showed it just before
 * the change (`toRestAccount` before you touch it), or null when the account was just created.
 */
export function announceAccountChange(
  state: SandboxState,
  account: AccountRecord,
  previous: RestAccount | null,
  at = new Date(),
): void {
  const now = toRestAccount(state, account);
  const change: AccountChange = {
    account: now,
    kind: previous ? 'points' : 'created',
    rewardAvailabilityChanged: previous !== null && previous.rewardAvailable !== now.rewardAvailable,
    at,
  };
  const outbox = outboxes.get(state);
  if (outbox) outbox.push(change);
  else outboxes.set(state, [change]);
}

/** Empties the queue of `state`, oldest change first. */
export function takeAccountChanges(state: SandboxState): AccountChange[] {
  const changes = outboxes.get(state) ?? [];
  outboxes.delete(state);
  return changes;
}
