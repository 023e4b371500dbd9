import { describeAuthError } from '@/components/auth/auth-error-messages';
import { describeFailure } from '@/components/earn/earn-messages';
import {
  isAuthErrorCode,
  type AuthErrorCode,
  type EmbedErrorCode,
  type JoinErrorCode,
} from '@/lib/errors/codes';

/** A code the widget shows above its content: a refused sign-in, a popup that failed, a join that did not. */
export type WidgetNotice = EmbedErrorCode | AuthErrorCode | JoinErrorCode;

const EMBED_MESSAGES: Record<EmbedErrorCode, string> = {
  FORBIDDEN_ORIGIN: 'That request did not come from this widget.',
  MALFORMED_REQUEST: 'That request was not understood.',
  HANDOFF_INVALID: 'That sign-in expired or was already used. Please sign in again.',
  HANDOFF_NONCE_MISMATCH: 'That sign-in was meant for another window. Please sign in again.',
  MEMBER_TOKEN_DISABLED: 'Signing in through this site is not set up. Please sign in here.',
  MEMBER_TOKEN_INVALID: 'This site could not confirm who you are. Please sign in.',
  MEMBER_TOKEN_EXPIRED: 'Your sign-in from this site has expired. Reload the page or sign in.',
  MEMBER_TOKEN_REPLAYED: 'That sign-in from this site was already used. Reload the page or sign in.',
  MEMBER_TOKEN_WRONG_AUDIENCE: 'That sign-in was meant for another app. Please sign in.',
  MEMBER_NOT_FOUND: 'We could not find your membership. Please sign in.',
  UPSTREAM_UNAVAILABLE: 'The loyalty service is not answering right now. Please try again in a moment.',
};

export function describeNotice(code: WidgetNotice): string {
  if (isAuthErrorCode(code)) return describeAuthError(code);
  if (code in EMBED_MESSAGES) return EMBED_MESSAGES[code as EmbedErrorCode];
  return describeFailure(code as JoinErrorCode);
}

/** Shown, with a link, when the browser blocks the sign-in popup. */
export const POPUP_BLOCKED_MESSAGE = 'Your browser blocked the sign-in window.';
export const POPUP_BLOCKED_LINK = 'Open sign-in in a new tab';
