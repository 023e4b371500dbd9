'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { failure } from '@/lib/errors/codes';
import { knownOfferIds } from '@/lib/loyalty/earn-offers';
import type { EarnResult, JoinResult } from '@/lib/loyalty/earn-result';
import { withinClientLimit, withinMemberLimit } from '@/lib/rate-limit/earn-limits';
import { readSession } from '@/lib/session/request-session';
import { claimOffer } from '@/lib/wix/earning';
import { joinProgram } from '@/lib/wix/membership';

/**
 * Only the offer id is read from the form. An account id, a contact id or an amount sent alongside it
 * is never looked at: the server works those out from the session and the site's earning rules.
 */
const claimInput = z.object({ offerId: z.string().trim().min(1).max(64) });

async function withinClientLimitForRequest(): Promise<boolean> {
  return withinClientLimit((await headers()).get('x-forwarded-for'));
}

export async function claimOfferAction(
  _previous: EarnResult | null,
  formData: FormData,
): Promise<EarnResult> {
  const parsed = claimInput.safeParse({ offerId: formData.get('offerId') });
  if (!parsed.success) return failure('INVALID_INPUT');
  if (!knownOfferIds().includes(parsed.data.offerId)) return failure('INVALID_ACTIVITY');

  const session = await readSession();
  if (session.status !== 'member') return failure('SIGN_IN_REQUIRED');

  if (!(await withinClientLimitForRequest())) return failure('RATE_LIMITED');
  return claimOffer(session, parsed.data.offerId, {
    guard: async (accountId) => ((await withinMemberLimit(accountId)) ? null : 'RATE_LIMITED'),
  });
}

export async function joinProgramAction(): Promise<JoinResult> {
  const session = await readSession();
  if (session.status !== 'member') return failure('SIGN_IN_REQUIRED');
  if (!(await withinClientLimitForRequest())) return failure('RATE_LIMITED');
  return joinProgram(session);
}
