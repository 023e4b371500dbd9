import type { FullTranslator } from '@/components/earn/earn-messages';
import { directionOf, type Locale } from '@/lib/i18n/locales';
import type { AuthErrorCode } from '@/lib/errors/codes';
import { html } from './html';

/** What the popup tells the widget frame that opened it: a one-time code, or why the sign-in failed. */
export type PopupMessage =
  | { loyaltyWidget: 1; type: 'handoff'; nonce: string; code: string }
  | { loyaltyWidget: 1; type: 'handoff-error'; nonce: string; code: AuthErrorCode };

/** JSON that is safe inside a `<script>` element: nothing in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The page the popup lands on after the hosted login. It posts its message to the frame that opened it,
 * addressed to this app's own origin (the frame's), so no other page can read the code, and closes. A
 * sign-in opened in a tab of its own (the browser blocked the popup) does the same through `rel="opener"`.
 */
export function popupResultHtml(
  message: PopupMessage,
  appOrigin: string,
  { locale, t }: { locale: Locale; t: FullTranslator },
): string {
  const text =
    message.type === 'handoff'
      ? t('Embed.popupSignedIn')
      : t('Embed.popupFailed', { reason: t(`AuthError.reason.${message.code}`) });
  const script = `(function(){var o=window.opener;if(!o)return;o.postMessage(${scriptJson(message)},${scriptJson(appOrigin)});window.close();})();`;
  return `<!doctype html>${html`<html lang="${locale}" dir="${directionOf(locale)}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>${t('Embed.popupTitle')}</title>
    </head>
    <body style="font-family: system-ui, sans-serif; padding: 2rem; color: #1c1917">
      <p role="status" data-testid="popup-result" data-type="${message.type}">${text}</p>
    </body>
  </html>`.markup.replace('</body>', `<script>${script}</script></body>`)}`;
}
