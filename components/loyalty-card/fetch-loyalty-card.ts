import type { LoyaltyErrorCode } from '@/lib/errors/codes';
import { LOYALTY_ACCOUNT_ENDPOINT, type LoyaltyAccountResponse } from '@/lib/loyalty/api-contract';
import type { LoyaltyCardView } from '@/lib/loyalty/view-model';

export const LOYALTY_CARD_KEY = LOYALTY_ACCOUNT_ENDPOINT;

export class LoyaltyCardError extends Error {
  constructor(readonly code: LoyaltyErrorCode) {
    super(code);
    this.name = 'LoyaltyCardError';
  }
}

/** SWR fetcher: a 401 still carries the visitor view, anything without a view is an error with a code. */
export async function fetchLoyaltyCard(url: string): Promise<LoyaltyCardView> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch {
    throw new LoyaltyCardError('UPSTREAM_UNAVAILABLE');
  }
  const body = (await response.json().catch(() => null)) as LoyaltyAccountResponse | null;
  if (body && 'view' in body) return body.view;
  throw new LoyaltyCardError(body && 'code' in body ? body.code : 'UPSTREAM_UNAVAILABLE');
}
