import type { LoyaltyCardView } from './view-model';

/** Stable error codes of the loyalty JSON API; the UI turns them into words. */
export type LoyaltyErrorCode = 'SIGN_IN_REQUIRED' | 'UPSTREAM_UNAVAILABLE';

/** Body of `GET /api/loyalty/account`: a view on success, a code (and for visitors, still a view) otherwise. */
export type LoyaltyAccountResponse =
  | { view: LoyaltyCardView }
  | { code: 'SIGN_IN_REQUIRED'; message: string; view: LoyaltyCardView }
  | { code: Exclude<LoyaltyErrorCode, 'SIGN_IN_REQUIRED'>; message: string };

export const LOYALTY_ACCOUNT_ENDPOINT = '/api/loyalty/account';
