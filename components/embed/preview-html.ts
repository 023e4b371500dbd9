import type { FullTranslator } from '@/components/earn/earn-messages';
import type { EarnPreviewView, PointsName } from '@/lib/loyalty/earn-preview';
import type { EarnPreviewResult } from '@/lib/wix/earn-preview';
import { html, type SafeHtml } from './html';
import { popupBlockedHtml, richHtml, signInHtml, type RenderContext } from './widget-parts';

/**
 * The earn preview: one line on a product or cart page, "Earn 128 stars with this order". It keeps the one
 * height `embed.js` gives its iframe (PREVIEW_HEIGHT_PX), so the host page never moves; an empty preview is
 * no line at all, and the iframe folds to zero.
 */
export function previewHtml(
  { preview, signedIn }: { preview: EarnPreviewResult; signedIn: boolean },
  context: RenderContext,
): SafeHtml {
  const { t } = context;
  if (!preview.ok) {
    return line(
      signedIn,
      html`<p class="muted">${t('Preview.unavailable')}</p>
        <button type="button" class="link" data-action="retry">${t('Card.retry')}</button>`,
    );
  }
  const { view } = preview;
  switch (view.status) {
    case 'empty':
      return html`<div data-testid="earn-preview" data-empty data-signed-in="${String(signedIn)}"></div>`;
    case 'member': {
      const key = view.reachesTier ? 'Preview.earnAndReach' : 'Preview.earn';
      return line(true, sentence(key, view, context, { tier: view.reachesTier ?? '' }), view.points);
    }
    case 'visitor':
      return html`${line(
        false,
        html`${sentence('Preview.newMembersEarn', view, context)} ${signInHtml(t('Card.signIn'))}`,
        view.points,
      )}${popupBlockedHtml(t)}`;
    case 'no-account':
      return line(
        true,
        html`${sentence('Preview.newMembersEarn', view, context)}
          <button type="button" class="btn" data-action="join">
            ${t('Earn.join', { program: view.programName })}
          </button>`,
        view.points,
      );
  }
}

function line(signedIn: boolean, body: SafeHtml, points: number | null = null): SafeHtml {
  return html`<div
    class="preview"
    data-testid="earn-preview"
    data-signed-in="${String(signedIn)}"
    ${points !== null && html`data-points="${points}"`}
  >
    ${body}
  </div>`;
}

/** "128 stars": the site's own name as written, or the default name in the shopper's language (ICU plural). */
function pointsText(points: number, name: PointsName, { locale, t }: RenderContext): string {
  return name === null
    ? t('Preview.points', { count: points })
    : t('Preview.namedPoints', { count: points, unit: name.toLocaleLowerCase(locale) });
}

function sentence(
  key: 'Preview.earn' | 'Preview.earnAndReach' | 'Preview.newMembersEarn',
  view: Exclude<EarnPreviewView, { status: 'empty' }>,
  context: RenderContext,
  values: Record<string, string> = {},
): SafeHtml {
  const { t } = context;
  return html`<p>
    <span aria-hidden="true" class="star">★</span>
    ${richHtml(
      (all) => t.markup(key, all as never),
      { points: pointsText(view.points, view.pointsName, context), ...values },
      { strong: (chunks) => `<b data-testid="preview-points">${chunks}</b>` },
    )}
  </p>`;
}

/** While a host's signed member token is traded for a session: the line's place, with nothing in it yet. */
export function previewLoadingHtml(t: FullTranslator): SafeHtml {
  return html`<div class="preview bone" aria-busy="true" data-testid="earn-preview-loading">
    <span class="sr">${t('Card.loading')}</span>
  </div>`;
}
