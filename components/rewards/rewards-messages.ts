import type { RedeemErrorCode } from '@/lib/errors/codes';
import type { CouponStatusView, RewardKind } from '@/lib/loyalty/rewards-view';
import { formatNumber } from '@/components/loyalty-card/format';

/** Words for the redeem codes: no upstream detail, no identifiers. */
const FAILURE_MESSAGES: Record<RedeemErrorCode, string> = {
  SIGN_IN_REQUIRED: 'Sign in to redeem rewards.',
  INVALID_INPUT: 'That request was not understood.',
  NO_LOYALTY_ACCOUNT: 'Join the loyalty program first to redeem rewards.',
  PROGRAM_INACTIVE: 'The loyalty program is not running right now.',
  REWARD_UNAVAILABLE: 'This reward is no longer available.',
  REWARD_NOT_IN_TIER: 'This reward is not part of your tier.',
  NOT_ENOUGH_POINTS: 'You do not have enough points for this reward yet. Nothing was spent.',
  REDEMPTION_IN_PROGRESS: 'Another redemption is still going through. Please wait a moment.',
  RECENTLY_REDEEMED: 'You just redeemed this reward. Your coupon is under My coupons.',
  RATE_LIMITED: 'Too many attempts. Please wait a minute and try again.',
  UPSTREAM_UNAVAILABLE:
    'The loyalty service did not answer. Check My coupons before trying again: if it went through, your coupon is there.',
};

export function describeRedeemFailure(code: RedeemErrorCode): string {
  return FAILURE_MESSAGES[code];
}

/**
 * What a reward or coupon gives. Wix keeps no currency on a reward, so money off is not given a figure here:
 * the reward's own name ("$10 off") carries it.
 */
export function describeBenefit(kind: RewardKind | null, value: number | null, locale: string): string {
  switch (kind) {
    case 'amount-off':
      return 'A coupon for money off your order';
    case 'percent-off':
      return value === null
        ? 'A coupon for a percentage off your order'
        : `A coupon for ${formatNumber(value, locale)}% off your order`;
    case 'free-shipping':
      return 'A coupon for free shipping';
    case null:
      return 'A coupon for your next order';
  }
}

export const COUPON_STATUS_LABELS: Record<CouponStatusView, string> = {
  active: 'Ready to use',
  pending: 'Being activated',
  used: 'Used',
  expired: 'Expired',
};
