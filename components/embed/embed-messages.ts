import type { FullTranslator } from '@/components/earn/earn-messages';
import {
  EMBED_ERROR_CODES,
  isAuthErrorCode,
  type AuthErrorCode,
  type EmbedErrorCode,
  type JoinErrorCode,
  type ReferralErrorCode,
  type ReferralRefusalCode,
  REFERRAL_REFUSAL_CODES,
} from '@/lib/errors/codes';

/** A code the widget shows above its content: a refused sign-in, a popup that failed, a join that did not. */
export type WidgetNotice = EmbedErrorCode | AuthErrorCode | JoinErrorCode | ReferralErrorCode;

function isEmbedErrorCode(code: WidgetNotice): code is EmbedErrorCode {
  return (EMBED_ERROR_CODES as readonly string[]).includes(code);
}

/** The refusals only a referral meets; its others (signing in, Wix unavailable) read as everywhere else. */
function isReferralRefusal(code: WidgetNotice): code is ReferralRefusalCode {
  return (REFERRAL_REFUSAL_CODES as readonly string[]).includes(code);
}

export function describeNotice(code: WidgetNotice, t: FullTranslator): string {
  if (isAuthErrorCode(code)) return t(`AuthError.reason.${code}`);
  if (isEmbedErrorCode(code)) return t(`Embed.notice.${code}`);
  if (isReferralRefusal(code)) return t(`Refer.refused.${code}`);
  return t(`Earn.failure.${code}`);
}
