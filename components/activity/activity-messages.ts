import type { ActivityErrorCode } from '@/lib/errors/codes';
import type { ActivityKind } from '@/lib/loyalty/activity-view';

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  earned: 'Earned',
  redeemed: 'Redeemed',
  adjusted: 'Adjusted',
  expired: 'Expired',
  refunded: 'Refunded',
  other: 'Other',
};

/** Said when Wix gives an entry no description of its own. */
export const ACTIVITY_FALLBACK_DESCRIPTIONS: Record<ActivityKind, string> = {
  earned: 'Points earned',
  redeemed: 'Points spent on a reward',
  adjusted: 'Balance adjusted by the shop',
  expired: 'Points expired',
  refunded: 'Points returned',
  other: 'Points changed',
};

const FAILURE_MESSAGES: Record<ActivityErrorCode, string> = {
  SIGN_IN_REQUIRED: 'Your session has ended. Sign in again to see more of your activity.',
  NO_LOYALTY_ACCOUNT: 'Join the loyalty program to see your activity.',
  INVALID_INPUT: 'We could not tell where to continue. Reload the page to start again.',
  UPSTREAM_UNAVAILABLE: 'We could not load more of your activity just now. Please try again.',
};

export function describeActivityFailure(code: ActivityErrorCode): string {
  return FAILURE_MESSAGES[code];
}
