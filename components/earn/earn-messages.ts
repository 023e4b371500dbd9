import type { EarnErrorCode, JoinErrorCode } from '@/lib/errors/codes';
import type { EarnResult } from '@/lib/loyalty/earn-result';
import type { EarnOfferView } from '@/lib/loyalty/earn-page-view';

/** Words for the earn and join codes: no upstream detail, no identifiers. */
const FAILURE_MESSAGES: Record<EarnErrorCode | JoinErrorCode, string> = {
  SIGN_IN_REQUIRED: 'Sign in to earn points.',
  INVALID_INPUT: 'That request was not understood.',
  INVALID_ACTIVITY: 'That activity does not earn points here.',
  ACTIVITY_DISABLED: 'That activity does not earn points at the moment.',
  ALREADY_CLAIMED: 'You have already earned points for this.',
  RATE_LIMITED: 'Too many attempts. Please wait a minute and try again.',
  NO_LOYALTY_ACCOUNT: 'Join the loyalty program first to earn points.',
  ALREADY_MEMBER: 'You are already a member of the loyalty program.',
  PROGRAM_INACTIVE: 'The loyalty program is not running right now.',
  UPSTREAM_UNAVAILABLE:
    'The loyalty service is not answering right now. Please try again: nothing is ever awarded twice.',
};

export function describeFailure(code: EarnErrorCode | JoinErrorCode): string {
  return FAILURE_MESSAGES[code];
}

const ACTIVITY_TITLES: Record<string, string> = {
  'newsletter-signup': 'Sign up to our newsletter',
};

export function offerTitle(offer: Pick<EarnOfferView, 'id' | 'kind' | 'channelLabel'>): string {
  if (offer.kind === 'social-follow') return `Follow us on ${offer.channelLabel}`;
  return ACTIVITY_TITLES[offer.id] ?? 'Earn points';
}

export function describeEarnResult(result: EarnResult, pointsName: string, title: string): string {
  if (result.ok) return `${title}: you earned ${result.points} ${pointsName.toLowerCase()}.`;
  return describeFailure(result.code);
}
