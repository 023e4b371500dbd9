import 'server-only';
import { z } from 'zod';
import { failure, type Failure } from '@/lib/errors/codes';
import { knownOfferIds } from '@/lib/loyalty/earn-offers';
import type { EarnResult, JoinResult } from '@/lib/loyalty/earn-result';
import { recordClaim } from '@/lib/observability/metrics';
import { withinClientLimit, withinMemberLimit } from '@/lib/rate-limit/earn-limits';
import type { SessionState } from '@/lib/session/cookies';
import { claimOffer } from './earning';
import { joinProgram } from './membership';

/**
 * Claims and joins as a browser asks for them, from the app's pages (server actions) or from the embedded
 * widget (its route handlers): the same input check, the same rate limits, the same award logic.
 */

/**
 * Only an offer id is ever read from a request. An account id, a contact id or an amount sent alongside it
 * is never looked at: the server works those out from the session and the site's earning rules.
 */
const offerIdInput = z.string().trim().min(1).max(64);

/**
 * Checked before anything else is read, so bad input touches neither the session nor Wix. A refusal here
 * is the claim's outcome, and counted as one (`loyalty_claims_total`).
 */
export function checkOfferId(
  value: unknown,
): { ok: true; offerId: string } | Failure<'INVALID_INPUT' | 'INVALID_ACTIVITY'> {
  const parsed = offerIdInput.safeParse(value);
  if (parsed.success && knownOfferIds().includes(parsed.data)) return { ok: true, offerId: parsed.data };
  const refused = failure(parsed.success ? 'INVALID_ACTIVITY' : 'INVALID_INPUT');
  recordClaim(refused);
  return refused;
}

/** `forwardedFor` is the request's `X-Forwarded-For`, for the per-address limit. Counted by outcome. */
export async function claimWithLimits(
  session: SessionState,
  offerId: string,
  forwardedFor: string | null,
): Promise<EarnResult> {
  const result = await claim(session, offerId, forwardedFor);
  recordClaim(result);
  return result;
}

async function claim(
  session: SessionState,
  offerId: string,
  forwardedFor: string | null,
): Promise<EarnResult> {
  if (session.status !== 'member') return failure('SIGN_IN_REQUIRED');
  if (!(await withinClientLimit(forwardedFor))) return failure('RATE_LIMITED');
  return claimOffer(session, offerId, {
    guard: async (accountId) => ((await withinMemberLimit(accountId)) ? null : 'RATE_LIMITED'),
  });
}

export async function joinWithLimits(
  session: SessionState,
  forwardedFor: string | null,
): Promise<JoinResult> {
  if (session.status !== 'member') return failure('SIGN_IN_REQUIRED');
  if (!(await withinClientLimit(forwardedFor))) return failure('RATE_LIMITED');
  return joinProgram(session);
}
