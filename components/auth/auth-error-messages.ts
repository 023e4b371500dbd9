import type { AuthErrorCode } from '@/lib/errors/codes';

/** Why a sign-in did not complete, in words: for the error page and the embedded widget's popup sign-in. */
const REASONS: Record<AuthErrorCode, string> = {
  LOGIN_CANCELLED: 'You cancelled the sign-in.',
  LOGIN_EXPIRED: 'The sign-in took too long or was started in another browser. Please start again.',
  MISSING_CODE: 'The sign-in page sent us back without a sign-in code.',
  STATE_MISMATCH: 'The sign-in response did not match the request we sent, so we ignored it.',
  LOGIN_FAILED: 'Wix did not accept the sign-in.',
  LOGIN_UNAVAILABLE: 'The sign-in service is not answering right now.',
};

export function describeAuthError(code: AuthErrorCode): string {
  return REASONS[code];
}
