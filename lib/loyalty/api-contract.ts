import type { LoyaltyErrorCode } from '@/lib/errors/codes';
import type { LoyaltyCardView } from './view-model';

/** Body of `GET /api/loyalty/account`: a view on success, a code (and for visitors, still a view) otherwise. */
export type LoyaltyAccountResponse =
  | { view: LoyaltyCardView }
  | { code: 'SIGN_IN_REQUIRED'; view: LoyaltyCardView }
  | { code: Exclude<LoyaltyErrorCode, 'SIGN_IN_REQUIRED'> };

export const LOYALTY_ACCOUNT_ENDPOINT = '/api/loyalty/account';
