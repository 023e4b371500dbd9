import 'server-only';
import { createHash } from 'node:crypto';
import type { Tokens } from '@wix/sdk';

/**
 * The loyalty account Wix last gave for a member access token, so a claim or the activity page can start the
 * account's own reads alongside the member context instead of after it (a member's account never changes).
 *
 * Keyed by the token itself, hashed: an entry is written only from Wix's answer to that very token, so
 * nothing a browser can put in its cookie points it at another member's account, and an entry lives no
 * longer than its token. A renewed token starts without one: the next page's member context fills it. Per
 * instance and bounded; a miss only costs the round trip it would have saved. Whoever reads ahead with it
 * still checks the account the member context returns before using the result.
 */
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { accountId: string; expiresAtMs: number }>();

function keyOf(tokens: Tokens): string {
  return createHash('sha256').update(tokens.accessToken.value).digest('base64url');
}

/** Records the account Wix returned for these tokens. */
export function rememberAccountId(tokens: Tokens, accountId: string, nowMs = Date.now()): void {
  const expiresAtMs = tokens.accessToken.expiresAt * 1000;
  if (expiresAtMs <= nowMs) return;
  const key = keyOf(tokens);
  entries.delete(key);
  entries.set(key, { accountId, expiresAtMs });
  // A Map iterates in insertion order: the first key is the one written longest ago.
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

/** The account last seen for these tokens, or null. */
export function knownAccountId(tokens: Tokens, nowMs = Date.now()): string | null {
  const key = keyOf(tokens);
  const entry = entries.get(key);
  if (!entry) return null;
  if (entry.expiresAtMs > nowMs) return entry.accountId;
  entries.delete(key);
  return null;
}

export function forgetAccountId(tokens: Tokens): void {
  entries.delete(keyOf(tokens));
}
