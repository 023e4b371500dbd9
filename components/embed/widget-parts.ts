import {
  describeNotice,
  POPUP_BLOCKED_LINK,
  POPUP_BLOCKED_MESSAGE,
  type WidgetNotice,
} from './embed-messages';
import { html, type SafeHtml } from './html';

/** What every part of a widget needs to know besides its data. */
export type RenderContext = {
  locale: string;
  timeZone: string;
  /** The request's clock, for "in N days". */
  now: number;
  notice: WidgetNotice | null;
};

/** A refused sign-in or a failed action, said once above the content. */
export function noticeHtml(notice: WidgetNotice | null): SafeHtml | null {
  if (!notice) return null;
  return html`<p class="warn" role="alert" data-testid="embed-notice" data-code="${notice}">
    ${describeNotice(notice)}
  </p>`;
}

/**
 * Sign-in starts in a popup the frame script opens. If the browser blocks it, the script reveals this and
 * points the link at the same sign-in; `rel="opener"` keeps the way back to this frame for the handoff.
 */
export function signInHtml(label: string): SafeHtml {
  return html`<button type="button" class="btn" data-action="sign-in">${label}</button>`;
}

export function popupBlockedHtml(): SafeHtml {
  return html`<p class="warn" role="alert" data-testid="popup-blocked" data-popup-blocked hidden>
    ${POPUP_BLOCKED_MESSAGE}
    <a href="/auth/popup" target="_blank" rel="opener" data-sign-in-link>${POPUP_BLOCKED_LINK}</a>
  </p>`;
}

export function signOutHtml(): SafeHtml {
  return html`<button type="button" class="link" data-action="sign-out">Sign out</button>`;
}
