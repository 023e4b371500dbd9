import type { FullTranslator } from '@/components/earn/earn-messages';
import type { WidgetView } from '@/lib/embed/widget-options';
import { html, type SafeHtml } from './html';

/**
 * How a widget moves between its views in place: a tab bar (the launcher's panel asks for one with
 * `nav=1`), a way back to the card for a view the card opened, or nothing. Each control is a
 * `data-action="open-view"` the frame script handles by rendering the view it names.
 */
export type WidgetNavigation = 'tabs' | 'back' | 'none';

/** The views the tab bar offers; the checkout view belongs to one checkout page and stands alone. */
const TAB_VIEWS = [
  'card',
  'earn',
  'rewards',
  'tiers',
  'activity',
  'refer',
] as const satisfies readonly WidgetView[];
type TabView = (typeof TAB_VIEWS)[number];

function isTabView(view: WidgetView): view is TabView {
  return (TAB_VIEWS as readonly WidgetView[]).includes(view);
}

export function navigationFor(options: {
  view: WidgetView;
  nav: boolean;
  fromCard: boolean;
}): WidgetNavigation {
  if (options.nav) return isTabView(options.view) ? 'tabs' : 'none';
  return options.fromCard && options.view !== 'card' ? 'back' : 'none';
}

const PANEL_ID = 'view-panel';

/**
 * A tablist over the views; the view shown is the tab panel. Only the selected tab is in the tab order, the
 * arrow keys move between tabs (the frame script) and Enter or Space opens one: activation is manual
 * because each view is a round trip to the server.
 */
function tabBarHtml(current: TabView, t: FullTranslator): SafeHtml {
  return html`<div class="tabs" role="tablist" aria-label="${t('Embed.tabsLabel')}" data-testid="view-tabs">
    ${TAB_VIEWS.map((view) => {
      const selected = view === current;
      return html`<button
        type="button"
        role="tab"
        id="tab-${view}"
        aria-selected="${String(selected)}"
        ${selected && html`aria-controls="${PANEL_ID}"`}
        tabindex="${selected ? '0' : '-1'}"
        data-action="open-view"
        data-view="${view}"
      >
        ${t(view === 'refer' ? 'Refer.tab' : `Embed.tabs.${view}`)}
      </button>`;
    })}
  </div>`;
}

function backHtml(t: FullTranslator): SafeHtml {
  return html`<p class="back">
    <button type="button" class="link" data-action="open-view" data-view="card" data-testid="back-to-card">
      <span aria-hidden="true" class="flip">←</span> ${t('Embed.back')}
    </button>
  </p>`;
}

/** The view's HTML with its navigation around it. */
export function withNavigation(
  body: SafeHtml,
  view: WidgetView,
  navigation: WidgetNavigation,
  t: FullTranslator,
): SafeHtml {
  if (navigation === 'back') return html`${backHtml(t)}${body}`;
  if (navigation === 'none' || !isTabView(view)) return body;
  return html`${tabBarHtml(view, t)}
    <div role="tabpanel" id="${PANEL_ID}" aria-labelledby="tab-${view}">${body}</div>`;
}
