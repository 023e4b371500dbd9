'use server';

import { headers } from 'next/headers';
import type { EarnResult, JoinResult } from '@/lib/loyalty/earn-result';
import { readSession } from '@/lib/session/request-session';
import { checkOfferId, claimWithLimits, joinWithLimits } from '@/lib/wix/earn-requests';

async function forwardedFor(): Promise<string | null> {
  return (await headers()).get('x-forwarded-for');
}

export async function claimOfferAction(
  _previous: EarnResult | null,
  formData: FormData,
): Promise<EarnResult> {
  const input = checkOfferId(formData.get('offerId'));
  if (!input.ok) return input;
  return claimWithLimits(await readSession(), input.offerId, await forwardedFor());
}

export async function joinProgramAction(): Promise<JoinResult> {
  return joinWithLimits(await readSession(), await forwardedFor());
}
