import type { FullTranslator } from '@/components/earn/earn-messages';
import type { Locale } from '@/lib/i18n/locales';
import type { ProgramView } from '@/lib/loyalty/view-model';
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

/** The join button for a signed-in member without an account, or why there is none. */
export function joinHtml(program: ProgramView, t: FullTranslator): SafeHtml {
  return program.active
    ? html`<p>
        <button type="button" class="btn" data-action="join">
          ${t('Earn.join', { program: program.name })}
        </button>
      </p>`
    : html`<p class="muted">${t('Card.notTakingMembers')}</p>`;
}

/** A view that could not be read: what failed, and a Retry that asks the server again. */
export function loadFailedHtml(message: string, t: FullTranslator): SafeHtml {
  return html`<p class="warn" role="alert">${message}</p>
    <div class="foot">
      <button type="button" class="btn" data-action="retry">${t('Card.retry')}</button>
    </div>`;
}

type ViewSection = {
  /** The heading's id; the section is labelled by it. */
  id: string;
  testId: string;
  title: string;
  signedIn: boolean;
  /** The member's balance, for a view that shows it (the frame script reads it at start). */
  balance?: number | null;
};

/**
 * A view other than the card: its section, its heading (which takes focus when the view is opened in place,
 * so a screen reader hears where it landed) and any notice, above the view's own content.
 */
export function viewSectionHtml(
  { id, testId, title, signedIn, balance = null }: ViewSection,
  context: RenderContext,
  body: SafeHtml,
): SafeHtml {
  return html`<section
    class="card"
    aria-labelledby="${id}"
    data-testid="${testId}"
    data-signed-in="${String(signedIn)}"
    ${balance !== null && html`data-balance="${balance}"`}
  >
    <h2 id="${id}" class="title" tabindex="-1" data-view-heading>${title}</h2>
    ${noticeHtml(context.notice, context.t)} ${body}
  </section>`;
}

type CopyButton = {
  label: string;
  /** What the live region says once copied, and when the browser refused. */
  copied: string;
  copyFailed: string;
  ariaLabel?: string;
  className?: 'link' | 'btn';
};

/** Copies `value` in the frame (`data-action="copy"`); what it says after is the server's, in the widget's language. */
export function copyButtonHtml(value: string, button: CopyButton): SafeHtml {
  return html`<button
    type="button"
    class="${button.className ?? 'link'}"
    data-action="copy"
    data-code="${value}"
    data-copied="${button.copied}"
    data-copy-failed="${button.copyFailed}"
    ${button.ariaLabel && html`aria-label="${button.ariaLabel}"`}
  >
    ${button.label}
  </button>`;
}

/** A part of a view under its own heading, labelled by it. */
export function subsectionHtml(
  { id, testId, heading }: { id: string; testId: string; heading: string },
  body: SafeHtml,
): SafeHtml {
  return html`<section aria-labelledby="${id}" class="stack" data-testid="${testId}">
    <h3 id="${id}">${heading}</h3>
    ${body}
  </section>`;
}
