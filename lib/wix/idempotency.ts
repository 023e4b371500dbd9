import { v5 as uuidV5 } from 'uuid';

/** Namespace of this app's idempotency keys, so they never collide with keys other apps send Wix. */
const IDEMPOTENCY_NAMESPACE = '6f1c0b8e-3d52-4a77-9a0e-5b8c2f4d7e19';

/**
 * One key per (account, offer): a double click, a second tab, a replayed request or a retry after a
 * timeout all send Wix the same key, and Wix awards the first and replays it for the rest.
 */
export function idempotencyKeyFor(accountId: string, offerId: string): string {
  return uuidV5(`${accountId}:${offerId}`, IDEMPOTENCY_NAMESPACE);
}
