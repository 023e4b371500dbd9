import type { FullTranslator } from '@/components/earn/earn-messages';
import {
  EMBED_ERROR_CODES,
  isAuthErrorCode,
  type AuthErrorCode,
  type EmbedErrorCode,
  type JoinErrorCode,
} from '@/lib/errors/codes';

/** A code the widget shows above its content: a refused sign-in, a popup that failed, a join that did not. */
export type WidgetNotice = EmbedErrorCode | AuthErrorCode | JoinErrorCode;

function isEmbedErrorCode(code: WidgetNotice): code is EmbedErrorCode {
  return (EMBED_ERROR_CODES as readonly string[]).includes(code);
}

export function describeNotice(code: WidgetNotice, t: FullTranslator): string {
  if (isAuthErrorCode(code)) return t(`AuthError.reason.${code}`);
  if (isEmbedErrorCode(code)) return t(`Embed.notice.${code}`);
  return t(`Earn.failure.${code}`);
}
