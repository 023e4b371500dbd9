import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Tokens } from '@wix/sdk';
import { failure, type EmbedErrorCode, type Failure } from '@/lib/errors/codes';
import type { OneTimeStore } from '@/lib/stores/one-time-store';

/**
 * The popup sign-in's last step. The popup (first-party, on this app's origin) finishes the login and cannot
 * set the iframe's partitioned cookie, so it leaves the tokens here under a one-time code and posts the code
 * to the iframe that opened it. The iframe trades code and the nonce it generated for its own session. A
 * code lives a minute, works once, and only together with its nonce, so a code seen anywhere else is useless.
 */

export const HANDOFF_TTL_MS = 60_000;

export type Handoff = { nonce: string; tokens: Tokens };

export type HandoffRedemption =
  | { ok: true; tokens: Tokens }
  | Failure<Extract<EmbedErrorCode, 'HANDOFF_INVALID' | 'HANDOFF_NONCE_MISMATCH'>>;

const HANDOFF_CODE = /^[A-Za-z0-9_-]{43}$/;

/** Leaves a member's tokens for the widget that generated `nonce`; the code to post to it. */
export async function createHandoff(
  store: OneTimeStore<Handoff>,
  tokens: Tokens,
  nonce: string,
): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  await store.add(code, { nonce, tokens }, HANDOFF_TTL_MS);
  return code;
}

/** The tokens behind a code, once. Any attempt spends the code, so a wrong nonce cannot be retried. */
export async function redeemHandoff(
  store: OneTimeStore<Handoff>,
  code: string,
  nonce: string,
): Promise<HandoffRedemption> {
  if (!HANDOFF_CODE.test(code)) return failure('HANDOFF_INVALID');
  const handoff = await store.take(code);
  if (!handoff) return failure('HANDOFF_INVALID');
  if (!sameText(handoff.nonce, nonce)) return failure('HANDOFF_NONCE_MISMATCH');
  return { ok: true, tokens: handoff.tokens };
}

function sameText(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
