import { accountTotals } from '@/components/loyalty-card/account-totals';
import { formatDate, formatDaysUntil, formatNumber } from '@/components/loyalty-card/format';
import type { LoyaltyCardResult } from '@/lib/wix/loyalty-card';
import type { AccountView, LoyaltyCardView, ProgramView, TierView } from '@/lib/loyalty/view-model';
import { html, type SafeHtml } from './html';
import { noticeHtml, popupBlockedHtml, signInHtml, signOutHtml, type RenderContext } from './widget-parts';

/** The loyalty card as the widget shows it: the app card's states, words and formatting, as plain HTML. */
export function cardHtml(card: LoyaltyCardResult, context: RenderContext): SafeHtml {
  if (!card.ok) return cardErrorHtml();
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

function shell(program: ProgramView, body: SafeHtml, extra: Record<string, string> = {}): SafeHtml {
  const attributes = Object.entries(extra).map(([name, value]) => html` ${name}="${value}"`);
  return html`<section
    class="card"
    aria-label="${program.name} loyalty card"
    data-testid="loyalty-card"
    ${attributes}
  >
    ${body}
  </section>`;
}

function visitorHtml(program: ProgramView, sessionEnded: boolean, context: RenderContext): SafeHtml {
  const unit = program.pointsName.toLowerCase();
  return shell(
    program,
    html`<h2>${program.name}</h2>
      ${noticeHtml(context.notice)}
      ${
        sessionEnded &&
        html`<p role="status" class="warn">Your session has ended. Sign in again to see your ${unit}.</p>`
      }
      <p class="lead">Earn ${unit} with every order.</p>
      <p class="muted">Sign in to see your balance, your tier and the rewards waiting for you.</p>
      ${popupBlockedHtml()}
      <div class="foot">${signInHtml('Sign in')}</div>`,
    { 'data-signed-in': 'false' },
  );
}

function noAccountHtml(program: ProgramView, memberName: string | null, context: RenderContext): SafeHtml {
  return shell(
    program,
    html`<h2>${program.name}</h2>
      ${noticeHtml(context.notice)}
      <p class="lead">${memberName ? `Hi ${memberName},` : 'Hi,'}</p>
      <p data-testid="no-account">
        you are not a member of ${program.name} yet. Join to start earning
        ${program.pointsName.toLowerCase()}.
      </p>
      ${
        program.active
          ? html`<p><button type="button" class="btn" data-action="join">Join ${program.name}</button></p>`
          : html`<p class="muted">The program is not taking new members right now.</p>`
      }
      <div class="foot">${signOutHtml()}</div>`,
    { 'data-signed-in': 'true' },
  );
}

function memberHtml(
  program: ProgramView,
  memberName: string | null,
  account: AccountView,
  context: RenderContext,
): SafeHtml {
  const { locale, timeZone } = context;
  const unit = program.pointsName.toLowerCase();
  const totals = accountTotals(account);
  return shell(
    program,
    html`<div class="row">
        <div>
          <h2>${program.name}</h2>
          ${memberName && html`<p class="muted">Hi ${memberName}</p>`}
        </div>
        ${rewardBadgeHtml(account.rewardAvailable)}
      </div>
      ${noticeHtml(context.notice)}
      <p class="balance">
        <b data-testid="balance">${formatNumber(account.balance, locale)}</b>
        <span data-testid="points-name">${unit}</span>
      </p>
      <dl class="totals">
        ${totals.map(
          ([label, value]) =>
            html`<div>
              <dt>${label}</dt>
              <dd data-testid="total-${label.toLowerCase()}">${formatNumber(value, locale)}</dd>
            </div>`,
        )}
      </dl>
      ${account.tier && tierHtml(account.tier, unit, locale)}
      ${
        account.expiring &&
        html`<p class="warn small" data-testid="expiring">
          <b data-testid="expiring-amount">${formatNumber(account.expiring.amount, locale)} ${unit}</b>
          expire on
          <time datetime="${account.expiring.date}" data-testid="expiring-date"
            >${formatDate(account.expiring.date, locale, timeZone)}</time
          >
          (<span data-testid="expiring-in"
            >${formatDaysUntil(account.expiring.date, context.now, locale)}</span
          >)
        </p>`
      }
      <div class="foot">
        ${
          account.lastActivityDate
            ? html`<span data-testid="last-activity"
                >Last activity
                <time datetime="${account.lastActivityDate}"
                  >${formatDate(account.lastActivityDate, locale, timeZone)}</time
                ></span
              >`
            : html`<span>No activity yet</span>`
        }
        ${signOutHtml()}
      </div>`,
    { 'data-signed-in': 'true', 'data-balance': String(account.balance) },
  );
}

function rewardBadgeHtml(available: boolean): SafeHtml {
  return available
    ? html`<span class="badge on" data-testid="reward-badge" data-available="true"
        ><span aria-hidden="true">★</span> Reward available</span
      >`
    : html`<span class="badge" data-testid="reward-badge" data-available="false">No reward yet</span>`;
}

function tierHtml(tier: TierView, unit: string, locale: string): SafeHtml {
  const next = tier.next;
  const percent = next ? Math.round(next.progress * 100) : 100;
  return html`<div class="panel" data-testid="tier">
    <p class="row">
      <span><b data-testid="tier-name">${tier.name}</b> tier</span>
      <span class="muted" data-testid="tier-points">${formatNumber(tier.points, locale)} tier ${unit}</span>
    </p>
    ${
      next
        ? html`<div
              class="bar"
              role="progressbar"
              aria-label="Progress to ${next.name}"
              aria-valuemin="0"
              aria-valuemax="100"
              aria-valuenow="${percent}"
            >
              <i style="width:${next.progress * 100}%"></i>
            </div>
            <p class="muted small" data-testid="next-tier">
              ${formatNumber(next.pointsToGo, locale)} ${unit} to ${next.name}
            </p>`
        : html`<p class="muted small" data-testid="next-tier">You have reached the top tier.</p>`
    }
  </div>`;
}

function cardErrorHtml(): SafeHtml {
  return html`<section
    class="card"
    aria-label="Loyalty card"
    data-testid="loyalty-card"
    data-signed-in="unknown"
  >
    <div role="alert" class="stack">
      <p class="lead">We could not load your points just now.</p>
      <p class="muted">Your points are safe. Please try again in a moment.</p>
    </div>
    <div class="foot"><button type="button" class="btn" data-action="retry">Try again</button></div>
  </section>`;
}

/** Shown while a host's signed member token is traded for a session, so no visitor card flashes first. */
export function loadingHtml(): SafeHtml {
  return html`<section
    class="card"
    aria-busy="true"
    aria-label="Loading your loyalty points"
    data-testid="loyalty-card-skeleton"
  >
    <div class="bone" style="height:16px;width:128px"></div>
    <div class="bone" style="height:48px;width:160px"></div>
    <div class="bone" style="height:24px;width:112px"></div>
    <div class="bone" style="height:56px"></div>
    <div class="bone" style="height:64px"></div>
    <span class="sr">Loading…</span>
  </section>`;
}
