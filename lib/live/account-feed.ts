import 'server-only';
import type { LiveAccountMessage } from '@/lib/loyalty/live-events';
import { toAccountView } from '@/lib/loyalty/view-model';
import type { SharedStores } from '@/lib/stores/shared-stores';
import { loadProgramSnapshot } from '@/lib/wix/site-catalog';
import type { WixLoyaltyAccount } from '@/lib/wix/types';

/**
 * Account updates, addressed to the contact who owns the account. A contact rather than an account id, so
 * a member who has no account yet hears Account Created when they join from another tab or the dashboard.
 */
const contactChannel = (contactId: string) => `contact:${contactId}`;

/** Wix retries a webhook for up to 48 hours; a revision is remembered for longer than any of them. */
const REVISION_MEMORY_MS = 7 * 24 * 60 * 60 * 1000;

export type PublishOutcome = 'published' | 'stale' | 'unaddressed';

/**
 * Passes an account's new state to every open card of its owner, on every instance, unless a newer
 * revision of the account was already passed on (a webhook delivered late). Equal revisions pass: Points
 * Updated and Account Updated describe the same change, and a repeat is harmless where a loss is not.
 */
export async function publishAccountUpdate(
  stores: SharedStores,
  account: WixLoyaltyAccount,
): Promise<PublishOutcome> {
  if (!account._id || !account.contactId) return 'unaddressed';
  const revision = Number(account.revision ?? 0);
  // The view first: a slow catalog read between admitting and publishing would let an older event overtake.
  const { tiersProgram } = await loadProgramSnapshot();
  const message: LiveAccountMessage = { revision, account: toAccountView(account, tiersProgram) };
  if (!(await stores.revisions.admit(account._id, revision, REVISION_MEMORY_MS))) return 'stale';
  await stores.liveUpdates.publish(contactChannel(account.contactId), JSON.stringify(message));
  return 'published';
}

/** Calls `listener` with each update (a `LiveAccountMessage` as JSON) for this contact's account. */
export function subscribeToContact(
  stores: SharedStores,
  contactId: string,
  listener: (message: string) => void,
): Promise<() => void> {
  return stores.liveUpdates.subscribe(contactChannel(contactId), listener);
}
