import 'server-only';
import { NextResponse } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { popupResultHtml, type PopupMessage } from '@/components/embed/popup-result-html';
import { createHandoff } from '@/lib/embed/handoff';
import { embedStores } from '@/lib/embed/stores';
import { clearOAuthFlow } from '@/lib/session/cookie-writer';
import type { LoginFinish } from '@/lib/wix/auth';

/**
 * Ends a popup sign-in. The member's tokens go to the widget that opened the popup through a one-time code
 * bound to its nonce; the app's own session is left as it was, since the shopper signed in to the widget.
 */
export async function finishPopupLogin(
  login: LoginFinish,
  nonce: string,
  appOrigin: string,
): Promise<NextResponse> {
  const message: PopupMessage = login.ok
    ? {
        loyaltyWidget: 1,
        type: 'handoff',
        nonce,
        code: await createHandoff(embedStores().handoffCodes, login.tokens, nonce),
      }
    : { loyaltyWidget: 1, type: 'handoff-error', nonce, code: login.code };
  // The popup is a first-party window: the shopper's switcher choice or browser language picks its words.
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  const response = new NextResponse(popupResultHtml(message, appOrigin, { locale, t }), {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
  clearOAuthFlow(response.cookies);
  return response;
}
