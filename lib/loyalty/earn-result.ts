import type { AccountView } from './view-model';

/** Stable codes of the earn and join actions; the UI turns them into words, clients can switch on them. */
export type EarnErrorCode =
  | 'SIGN_IN_REQUIRED'
  | 'INVALID_INPUT'
  | 'INVALID_ACTIVITY'
  | 'ACTIVITY_DISABLED'
  | 'ALREADY_CLAIMED'
  | 'RATE_LIMITED'
  | 'NO_LOYALTY_ACCOUNT'
  | 'ALREADY_MEMBER'
  | 'PROGRAM_INACTIVE'
  | 'UPSTREAM_UNAVAILABLE';

export type EarnFailure = { ok: false; code: EarnErrorCode; message: string };
export type EarnSuccess = { ok: true; account: AccountView; transactionId: string; points: number };
export type JoinSuccess = { ok: true; account: AccountView };

export type EarnResult = EarnSuccess | EarnFailure;
export type JoinResult = JoinSuccess | EarnFailure;

/** Messages safe to show anyone: no upstream detail, no identifiers. */
export const EARN_ERROR_MESSAGES: Record<EarnErrorCode, string> = {
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

export function earnFailure(code: EarnErrorCode): EarnFailure {
  return { ok: false, code, message: EARN_ERROR_MESSAGES[code] };
}
