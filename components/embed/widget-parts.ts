import type { FullTranslator } from '@/components/earn/earn-messages';
import type { Locale } from '@/lib/i18n/locales';
import { describeNotice, type WidgetNotice } from './embed-messages';
import { escapeHtml, html, type SafeHtml } from './html';

/** What every part of a widget needs to know besides its data. */
export type RenderContext = {
  locale: Locale;
  /** The catalogue in the widget's language. */
  t: FullTranslator;
  timeZone: string;
  /** The request's clock, for "in N days". */
  now: number;
  notice: WidgetNotice | null;
};

/**
 * A catalogue message with tags (`<when>…</when>`) as HTML: every text argument is escaped before it goes
 * in, and each tag becomes the markup its function writes around the (already escaped) text.
 */
export function richHtml(
  format: (values: Record<string, string | number | ((chunks: string) => string)>) => string,
  values: Record<string, string | number>,
  tags: Record<string, (chunks: string) => string>,
): SafeHtml {
  const escaped = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'string' ? escapeHtml(value) : value,
    ]),
  );
  return { markup: format({ ...escaped, ...tags }) };
}

/** A refused sign-in or a failed action, said once above the content. */
export function noticeHtml(notice: WidgetNotice | null, t: FullTranslator): SafeHtml | null {
  if (!notice) return null;
  return html`<p class="warn" role="alert" data-testid="embed-notice" data-code="${notice}">
    ${describeNotice(notice, t)}
  </p>`;
}

/**
 * Sign-in starts in a popup the frame script opens. If the browser blocks it, the script reveals this and
 * points the link at the same sign-in; `rel="opener"` keeps the way back to this frame for the handoff.
 */
export function signInHtml(label: string): SafeHtml {
  return html`<button type="button" class="btn" data-action="sign-in">${label}</button>`;
}

export function popupBlockedHtml(t: FullTranslator): SafeHtml {
  return html`<p class="warn" role="alert" data-testid="popup-blocked" data-popup-blocked hidden>
    ${t('Embed.popupBlocked')}
    <a href="/auth/popup" target="_blank" rel="opener" data-sign-in-link>${t('Embed.popupBlockedLink')}</a>
  </p>`;
}

export function signOutHtml(t: FullTranslator): SafeHtml {
  return html`<button type="button" class="link" data-action="sign-out">${t('Card.signOut')}</button>`;
}
