import { accountTotals } from '@/components/loyalty-card/account-totals';
import { formatDate, formatDaysUntil, formatNumber } from '@/components/loyalty-card/format';
import type { LoyaltyCardResult } from '@/lib/wix/loyalty-card';
import type { AccountView, LoyaltyCardView, ProgramView, TierView } from '@/lib/loyalty/view-model';
import { escapeHtml, html, type SafeHtml } from './html';
import type { FullTranslator } from '@/components/earn/earn-messages';
import {
  joinHtml,
  noticeHtml,
  popupBlockedHtml,
  richHtml,
  signInHtml,
  signOutHtml,
  type RenderContext,
} from './widget-parts';

/** The loyalty card as the widget shows it: the app card's states, words and formatting, as plain HTML. */
export function cardHtml(card: LoyaltyCardResult, context: RenderContext): SafeHtml {
  if (!card.ok) return cardErrorHtml(context.t);
  return cardViewHtml(card.view, context);
}

function cardViewHtml(view: LoyaltyCardView, context: RenderContext): SafeHtml {
  switch (view.status) {
    case 'visitor':
      return visitorHtml(view.program, view.sessionEnded, context);
    case 'no-account':
      return noAccountHtml(view.program, view.memberName, context);
    case 'member':
      return memberHtml(view.program, view.memberName, view.account, context);
  }
}

function shell(
  program: ProgramView,
  t: FullTranslator,
  body: SafeHtml,
  extra: Record<string, string> = {},
): SafeHtml {
  const attributes = Object.entries(extra).map(([name, value]) => html` ${name}="${value}"`);
  return html`<section
    class="card"
    aria-label="${t('Card.label', { program: program.name })}"
    data-testid="loyalty-card"
    ${attributes}
  >
    ${body}
  </section>`;
}

function visitorHtml(program: ProgramView, sessionEnded: boolean, context: RenderContext): SafeHtml {
  const { t } = context;
  const unit = program.pointsName.toLowerCase();
  return shell(
    program,
    t,
    html`<h2 tabindex="-1" data-view-heading>${program.name}</h2>
      ${noticeHtml(context.notice, t)}
      ${sessionEnded && html`<p role="status" class="warn">${t('Card.sessionEnded', { unit })}</p>`}
      <p class="lead">${t('Card.visitorHeadline', { unit })}</p>
      <p class="muted">${t('Card.visitorIntro')}</p>
      ${popupBlockedHtml(t)}
      <div class="foot">${signInHtml(t('Card.signIn'))}</div>`,
    { 'data-signed-in': 'false' },
  );
}

function noAccountHtml(program: ProgramView, memberName: string | null, context: RenderContext): SafeHtml {
  const { t } = context;
  return shell(
    program,
    t,
    html`<h2 tabindex="-1" data-view-heading>${program.name}</h2>
      ${noticeHtml(context.notice, t)}
      <p class="lead">
        ${memberName ? t('Card.greetingComma', { name: memberName }) : t('Card.greetingAnonymous')}
      </p>
      <p data-testid="no-account">
        ${t('Card.notMember', { program: program.name, unit: program.pointsName.toLowerCase() })}
      </p>
      ${joinHtml(program, t)}
      <div class="foot">${signOutHtml(t)}</div>`,
    { 'data-signed-in': 'true' },
  );
}

function memberHtml(
  program: ProgramView,
  memberName: string | null,
  account: AccountView,
  context: RenderContext,
): SafeHtml {
  const { locale, timeZone, t } = context;
  const unit = program.pointsName.toLowerCase();
  const totals = accountTotals(account);
  return shell(
    program,
    t,
    html`<div class="row">
        <div>
          <h2 tabindex="-1" data-view-heading>${program.name}</h2>
          ${memberName && html`<p class="muted">${t('Card.greeting', { name: memberName })}</p>`}
        </div>
        ${rewardBadgeHtml(account.rewardAvailable, t)}
      </div>
      ${noticeHtml(context.notice, t)}
      <p class="balance">
        <b data-testid="balance">${formatNumber(account.balance, locale)}</b>
        <span data-testid="points-name">${unit}</span>
      </p>
      <dl class="totals">
        ${totals.map(
          ([kind, value]) =>
            html`<div>
              <dt>${t(`Card.${kind}`)}</dt>
              <dd data-testid="total-${kind}">${formatNumber(value, locale)}</dd>
            </div>`,
        )}
      </dl>
      ${account.tier && tierHtml(account.tier, unit, t)}
      ${
        account.expiring &&
        html`<p class="warn small" data-testid="expiring">
          ${expiringHtml(account.expiring, unit, context)}
        </p>`
      }
      <div class="foot">
        <button
          type="button"
          class="link"
          data-action="open-view"
          data-view="activity"
          data-testid="activity-link"
        >
          ${
            account.lastActivityDate
              ? html`<span data-testid="last-activity"
                  >${richHtml(
                    (values) => t.markup('Card.lastActivity', values as never),
                    { date: formatDate(account.lastActivityDate, locale, timeZone) },
                    {
                      when: (chunks) =>
                        `<time datetime="${escapeHtml(account.lastActivityDate!)}">${chunks}</time>`,
                    },
                  )}</span
                >`
              : t('Card.noActivity')
          }<span class="sr">${t('Card.seeActivity')}</span>
        </button>
        ${signOutHtml(t)}
      </div>`,
    { 'data-signed-in': 'true', 'data-balance': String(account.balance) },
  );
}

function expiringHtml(
  expiring: NonNullable<AccountView['expiring']>,
  unit: string,
  { locale, timeZone, now, t }: RenderContext,
): SafeHtml {
  return richHtml(
    (values) => t.markup('Card.expiring', values as never),
    {
      count: expiring.amount,
      unit,
      date: formatDate(expiring.date, locale, timeZone),
      relative: formatDaysUntil(expiring.date, now, locale),
    },
    {
      amount: (chunks) => `<b data-testid="expiring-amount">${chunks}</b>`,
      when: (chunks) =>
        `<time datetime="${escapeHtml(expiring.date)}" data-testid="expiring-date">${chunks}</time>`,
      left: (chunks) => `<span data-testid="expiring-in">${chunks}</span>`,
    },
  );
}

/** Either way it opens the rewards view in place, as the app card's badge leads to the rewards page. */
function rewardBadgeHtml(available: boolean, t: FullTranslator): SafeHtml {
  return html`<button
    type="button"
    class="badge${available ? ' on' : ''}"
    data-testid="reward-badge"
    data-available="${String(available)}"
    data-action="open-view"
    data-view="rewards"
  >
    ${available ? html`<span aria-hidden="true">★</span> ${t('Card.rewardAvailable')}` : t('Card.noRewardYet')}<span
      class="sr"
      >${t('Card.seeRewards')}</span
    >
  </button>`;
}

/** The tier line opens the tiers view in place, as the app card's leads to the tiers page. */
function tierHtml(tier: TierView, unit: string, t: FullTranslator): SafeHtml {
  const next = tier.next;
  const percent = next ? Math.round(next.progress * 100) : 100;
  return html`<div class="panel" data-testid="tier">
    <p class="row">
      <button type="button" class="link" data-action="open-view" data-view="tiers" data-testid="tier-link">
        ${richHtml(
          (values) => t.markup('Card.tier', values as never),
          { tier: tier.name },
          { strong: (chunks) => `<b data-testid="tier-name">${chunks}</b>` },
        )}<span class="sr">${t('Card.seeTiers')}</span>
      </button>
      <span class="muted" data-testid="tier-points"
        >${t('Card.tierPoints', { count: tier.points, unit })}</span
      >
    </p>
    ${
      next
        ? html`<div
              class="bar"
              role="progressbar"
              aria-label="${t('Card.progressTo', { name: next.name })}"
              aria-valuemin="0"
              aria-valuemax="100"
              aria-valuenow="${percent}"
            >
              <i style="width:${next.progress * 100}%"></i>
            </div>
            <p class="muted small" data-testid="next-tier">
              ${t('Card.toNextTier', { count: next.pointsToGo, unit, tier: next.name })}
            </p>`
        : html`<p class="muted small" data-testid="next-tier">${t('Card.topTier')}</p>`
    }
  </div>`;
}

function cardErrorHtml(t: FullTranslator): SafeHtml {
  return html`<section
    class="card"
    aria-label="${t('Card.labelGeneric')}"
    data-testid="loyalty-card"
    data-signed-in="unknown"
  >
    <div role="alert" class="stack">
      <p class="lead">${t('Card.errorUnavailable')}</p>
      <p class="muted">${t('Card.pointsSafe')}</p>
    </div>
    <div class="foot"><button type="button" class="btn" data-action="retry">${t('Card.retry')}</button></div>
  </section>`;
}

/** Shown while a host's signed member token is traded for a session, so no visitor card flashes first. */
export function loadingHtml(t: FullTranslator): SafeHtml {
  return html`<section
    class="card"
    aria-busy="true"
    aria-label="${t('Card.loadingLabel')}"
    data-testid="loyalty-card-skeleton"
  >
    <div class="bone" style="height:16px;width:128px"></div>
    <div class="bone" style="height:48px;width:160px"></div>
    <div class="bone" style="height:24px;width:112px"></div>
    <div class="bone" style="height:56px"></div>
    <div class="bone" style="height:64px"></div>
    <span class="sr">${t('Card.loading')}</span>
  </section>`;
}
