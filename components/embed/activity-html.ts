import { formatDate, formatSignedNumber } from '@/components/loyalty-card/format';
import type { ActivityEntryView, ActivityView } from '@/lib/loyalty/activity-view';
import type { ActivityResult } from '@/lib/wix/activity';
import { html, type SafeHtml } from './html';
import {
  joinHtml,
  loadFailedHtml,
  popupBlockedHtml,
  signInHtml,
  signOutHtml,
  viewSectionHtml,
  type RenderContext,
} from './widget-parts';

type ActivityWidget = { activity: ActivityResult; signedIn: boolean };

/**
 * The member's history in the widget, newest first, a page at a time as on the activity page. "Show more"
 * posts only the position it carries to `/embed/api/activity`, which answers with the next rows.
 */
export function activityHtml({ activity, signedIn }: ActivityWidget, context: RenderContext): SafeHtml {
  const { t } = context;
  return viewSectionHtml(
    { id: 'activity-heading', testId: 'embed-activity', title: t('Pages.activityTitle'), signedIn },
    context,
    activity.ok ? viewBodyHtml(activity.view, context) : loadFailedHtml(t('Activity.loadFailed'), t),
  );
}

function viewBodyHtml(view: ActivityView, context: RenderContext): SafeHtml {
  const { t } = context;
  const unit = view.program.pointsName.toLowerCase();
  switch (view.status) {
    case 'visitor':
      return html`<p>${t('Activity.visitorPrompt', { unit })}</p>
        ${popupBlockedHtml(t)}
        <div class="foot">${signInHtml(t('Card.signIn'))}</div>`;
    case 'no-account':
      return html`<p>${t('Activity.notMember', { program: view.program.name })}</p>
        ${joinHtml(view.program, t)}
        <div class="foot">${signOutHtml(t)}</div>`;
    case 'member':
      return html`${
          view.page.entries.length === 0
            ? html`<p class="muted" data-testid="activity-empty">${t('Activity.empty', { unit })}</p>`
            : html`<ol class="entries" data-testid="activity-list">
                ${activityRowsHtml(view.page.entries, unit, context)}
              </ol>`
        }
        <p role="status" aria-live="polite" class="status small" data-testid="activity-status"></p>
        ${
          view.page.nextCursor &&
          html`<p>
            <button
              type="button"
              class="btn"
              data-action="more"
              data-cursor="${view.page.nextCursor}"
              data-busy-label="${t('Activity.loadingMore')}"
            >
              ${t('Activity.showMore')}
            </button>
          </p>`
        }
        <div class="foot">${signOutHtml(t)}</div>`;
  }
}

/** Entries as list items: the first page, and each page "Show more" appends. */
export function activityRowsHtml(
  entries: ActivityEntryView[],
  unit: string,
  { locale, timeZone, t }: RenderContext,
): SafeHtml {
  return html`${entries.map(
    (entry) =>
      html`<li class="entry" tabindex="-1" data-testid="activity-entry" data-kind="${entry.kind}">
        <div>
          <span>${entry.description || t(`Activity.fallback.${entry.kind}`)}</span>
          <span class="small muted"
            ><span data-testid="activity-kind">${t(`Activity.kind.${entry.kind}`)}</span>${
              entry.date &&
              html` · <time datetime="${entry.date}">${formatDate(entry.date, locale, timeZone)}</time>`
            }</span
          >
        </div>
        <b class="${entry.points < 0 ? 'spent' : 'good'}" data-testid="activity-points"
          >${formatSignedNumber(entry.points, locale)} <span class="small">${unit}</span></b
        >
      </li>`,
  )}`;
}
