import type { FullTranslator } from '@/components/earn/earn-messages';
import { tierLines, type TierLine } from '@/components/tiers/tier-lines';
import type { TierStepView, TiersView } from '@/lib/loyalty/tiers-view';
import type { TiersPageResult } from '@/lib/wix/tiers-page';
import { html, type SafeHtml } from './html';
import {
  joinHtml,
  loadFailedHtml,
  popupBlockedHtml,
  richHtml,
  signInHtml,
  signOutHtml,
  viewSectionHtml,
  type RenderContext,
} from './widget-parts';

type TiersWidget = { tiers: TiersPageResult; signedIn: boolean };

/**
 * The program's tiers in the widget, as on the tiers page: each with the tier points it needs, what an order
 * earns in it and the rewards only some tiers may redeem; the member's own tier marked, and how far the next.
 */
export function tiersHtml({ tiers, signedIn }: TiersWidget, context: RenderContext): SafeHtml {
  const { t } = context;
  return viewSectionHtml(
    { id: 'tiers-heading', testId: 'embed-tiers', title: t('Tiers.title'), signedIn },
    context,
    tiers.ok ? viewBodyHtml(tiers.view, context) : loadFailedHtml(t('Tiers.loadFailed'), t),
  );
}

const say = (line: TierLine, t: FullTranslator) =>
  'values' in line ? t(`Tiers.${line.key}`, line.values) : t(`Tiers.${line.key}`);

function viewBodyHtml(view: TiersView, context: RenderContext): SafeHtml {
  const { t } = context;
  const unit = view.program.pointsName.toLowerCase();
  const ladder =
    view.tiers.length === 0
      ? html`<p class="muted" data-testid="tiers-empty">
          ${t('Tiers.empty', { program: view.program.name })}
        </p>`
      : html`<ol class="tiers" data-testid="tiers-list">
            ${view.tiers.map((tier) => tierHtml(tier, view, context))}
          </ol>
          ${view.windowMonths && html`<p class="muted small">${t('Tiers.window', { count: view.windowMonths, unit })}</p>`}`;
  switch (view.status) {
    case 'visitor':
      return html`<p>${t('Tiers.visitorPrompt')}</p>
        <p>${signInHtml(t('Card.signIn'))}</p>
        ${popupBlockedHtml(t)} ${ladder}`;
    case 'no-account':
      return html`<p>${t('Tiers.joinPrompt', { program: view.program.name })}</p>
        ${joinHtml(view.program, t)} ${ladder}
        <div class="foot">${signOutHtml(t)}</div>`;
    case 'member':
      return html`${standingHtml(view, unit, t)} ${ladder}
        <div class="foot">${signOutHtml(t)}</div>`;
  }
}

function standingHtml(view: TiersView, unit: string, t: FullTranslator): SafeHtml | null {
  const current = view.tiers.find((tier) => tier.current);
  if (!view.standing || !current) return null;
  const { next } = view.standing;
  return html`<div class="stack">
    <p data-testid="tiers-standing">
      ${richHtml(
        (values) => t.markup('Tiers.standing', values as never),
        { tier: current.name, count: view.standing.points, unit },
        { strong: (chunks) => `<b>${chunks}</b>` },
      )}
    </p>
    <p class="muted" data-testid="tiers-next">
      ${next ? t('Tiers.toNext', { count: next.pointsToGo, unit, tier: next.name }) : t('Tiers.top')}
    </p>
  </div>`;
}

function tierHtml(tier: TierStepView, view: TiersView, { locale, t }: RenderContext): SafeHtml {
  const lines = tierLines(tier, view, locale);
  const perks = [
    ...(lines.rate ? [html`<li data-testid="tier-rate">${say(lines.rate, t)}</li>`] : []),
    ...lines.perks.map(({ line }) => html`<li data-testid="tier-perk">${say(line, t)}</li>`),
  ];
  return html`<li class="tier" data-testid="tier-step" ${tier.current && html`aria-current="true"`}>
    <div class="row">
      <h3 data-testid="tier-step-name">${tier.name}</h3>
      ${tier.current && html`<span class="badge on">${t('Tiers.yourTier')}</span>`}
    </div>
    <p class="muted small" data-testid="tier-threshold">${say(lines.threshold, t)}</p>
    ${tier.description && html`<p class="small">${tier.description}</p>`}
    ${
      perks.length > 0 &&
      html`<ul class="perks">
        ${perks}
      </ul>`
    }
  </li>`;
}
