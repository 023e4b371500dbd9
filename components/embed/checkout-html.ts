import type { FullTranslator } from '@/components/earn/earn-messages';
import { benefitPhrase, type ReferralWording } from '@/components/refer/referral-words';
import type { CheckoutContent } from '@/lib/embed/widget-data';
import {
  flexibleDiscount,
  holdsCheckout,
  removable,
  type CheckoutDiscountView,
  type CheckoutPointsView,
  type FlexibleRewardView,
  type ReferralRewardOffer,
} from '@/lib/loyalty/checkout-view';
import type { CouponView, RewardView } from '@/lib/loyalty/rewards-view';
import { html, type SafeHtml } from './html';
import * as parts from './widget-parts';
import type { RenderContext } from './widget-parts';

/** Stand-ins the frame script replaces with the chosen points and the money they take off. */
const POINTS_MARK = '%POINTS%';
const AMOUNT_MARK = '%AMOUNT%';

/**
 * Points at checkout: the balance, what can be applied to this checkout (rewards the balance covers, unused
 * coupons, flexible points with a slider) and the loyalty discount already on it. Every apply posts only
 * the checkout id and the one thing chosen; the server decides the rest.
 */
export function checkoutHtml(content: CheckoutContent, context: RenderContext): SafeHtml {
  const { t } = context;
  const unit = content.pointsName.toLowerCase();
  const signedIn = content.state !== 'signed-out';
  return html`<section
    class="card"
    aria-labelledby="checkout-heading"
    data-testid="checkout-points"
    data-signed-in="${String(signedIn)}"
  >
    <h2 id="checkout-heading" class="title">${t('Checkout.heading', { unit })}</h2>
    ${parts.noticeHtml(context.notice, t)}
    <p role="status" aria-live="polite" class="status small" data-testid="checkout-status">
      ${outcomeText(content, t)}
    </p>
    ${typeof content.state === 'string' ? stateHtml(content.state, unit, t) : readyHtml(content.state, unit, context)}
    ${signedIn ? html`<div class="foot">${parts.signOutHtml(t)}</div>` : html`<div class="foot">${parts.signInHtml(t('Card.signIn'))}</div>`}
  </section>`;
}

function outcomeText(content: CheckoutContent, t: FullTranslator): string {
  const { outcome } = content;
  if (!outcome) return '';
  const unit = content.pointsName.toLowerCase();
  if (outcome.action === 'apply') {
    return outcome.ok ? t('Checkout.applyDone') : t(`Checkout.failure.${outcome.code}`);
  }
  if (!outcome.ok) return t(`Checkout.removeFailure.${outcome.code}`);
  const held = typeof content.state !== 'string' && content.state.discount?.kind === 'coupon';
  return held ? t('Checkout.removeDoneCoupon') : t('Checkout.removeDone', { unit });
}

function stateHtml(
  state: Exclude<CheckoutContent['state'], CheckoutPointsView>,
  unit: string,
  t: FullTranslator,
) {
  switch (state) {
    case 'signed-out':
      return html`<p class="lead">${t('Checkout.visitor', { unit })}</p>
        ${parts.popupBlockedHtml(t)}`;
    case 'no-account':
      return html`<p data-testid="no-account">${t('Checkout.noAccount', { unit })}</p>
        <p><button type="button" class="btn" data-action="join">${t('Checkout.join')}</button></p>`;
    case 'no-checkout':
      return html`<p class="warn" data-testid="no-checkout">${t('Checkout.noCheckout', { unit })}</p>`;
    case 'program-inactive':
      return html`<p class="warn">${t('Checkout.programInactive')}</p>`;
    case 'unavailable':
      return html`<p class="warn" role="alert">${t('Checkout.unavailable', { unit })}</p>
        <p><button type="button" class="btn" data-action="retry">${t('Card.retry')}</button></p>`;
  }
}

function readyHtml(view: CheckoutPointsView, unit: string, context: RenderContext): SafeHtml {
  const { t, locale } = context;
  const held = view.discount !== null && holdsCheckout(view.discount.status);
  const referralWords: ReferralWording = { t, locale, pointsName: unit, currency: view.total.currency };
  const choices = !held && [
    view.rewards.length > 0 &&
      listHtml(
        t('Checkout.rewardsHeading'),
        view.rewards.map((reward) => rewardHtml(reward, unit, t)),
      ),
    view.coupons.length > 0 &&
      listHtml(
        t('Checkout.couponsHeading'),
        view.coupons.map((coupon) => couponHtml(coupon, t)),
      ),
    view.referralRewards.length > 0 &&
      listHtml(
        t('Checkout.referralHeading'),
        view.referralRewards.map((reward) => referralRewardHtml(reward, referralWords)),
      ),
    view.flexible && flexibleHtml(view.flexible, view, unit, context),
    view.rewards.length === 0 &&
      view.coupons.length === 0 &&
      view.referralRewards.length === 0 &&
      !view.flexible &&
      html`<p class="muted" data-testid="checkout-nothing">${t('Checkout.nothing')}</p>`,
  ];
  return html`<div class="stack" data-checkout-id="${view.checkoutId}">
    <p data-testid="checkout-balance" data-balance="${view.balance}">
      ${t('Checkout.youHave', { count: view.balance, unit })}
    </p>
    ${
      view.total.amount !== null &&
      html`<p class="small muted" data-testid="checkout-total">
        ${t('Checkout.total', { money: formatMoney(view.total.amount, view.total.currency, locale) })}
      </p>`
    }
    ${view.discount && discountHtml(view.discount, view, unit, context)} ${choices}
  </div>`;
}

function listHtml(heading: string, items: SafeHtml[]): SafeHtml {
  return html`<div class="stack">
    <h2>${heading}</h2>
    <ul class="offers">
      ${items}
    </ul>
  </div>`;
}

const APPLY_TARGETS = {
  reward: (id: string) => html`data-reward-id="${id}"`,
  coupon: (id: string) => html`data-coupon-id="${id}"`,
  referral: (id: string) => html`data-referral-reward-id="${id}"`,
};

function applyButton(t: FullTranslator, what: keyof typeof APPLY_TARGETS, id: string): SafeHtml {
  const target = APPLY_TARGETS[what](id);
  return html`<button
    type="button"
    class="btn"
    data-action="apply"
    ${target}
    data-busy-label="${t('Checkout.applying')}"
  >
    ${t('Checkout.apply')}
  </button>`;
}

function rewardHtml(reward: RewardView, unit: string, t: FullTranslator): SafeHtml {
  return html`<li class="offer" data-testid="checkout-reward-${reward.id}">
    <div>
      <span>${reward.name}</span>
      <span class="small muted">${t('Checkout.cost', { count: reward.cost, unit })}</span>
    </div>
    ${applyButton(t, 'reward', reward.id)}
  </li>`;
}

function couponHtml(coupon: CouponView, t: FullTranslator): SafeHtml {
  return html`<li class="offer" data-testid="checkout-coupon-${coupon.id}">
    <div>
      <span>${coupon.rewardName}</span>
      <span class="small muted">${coupon.code}</span>
    </div>
    ${applyButton(t, 'coupon', coupon.id)}
  </li>`;
}

/** A friend's coupon from joining with a referral code: free to apply, shown with what it takes off and its code. */
function referralRewardHtml(reward: ReferralRewardOffer, words: ReferralWording): SafeHtml {
  const { t } = words;
  return html`<li class="offer" data-testid="checkout-referral-${reward.id}">
    <div>
      <span
        >${
          reward.benefit
            ? t('Checkout.referralRewardOf', { benefit: benefitPhrase(reward.benefit, words) })
            : t('Checkout.referralReward')
        }</span
      >
      ${reward.code && html`<span class="small muted">${reward.code}</span>`}
    </div>
    ${applyButton(t, 'referral', reward.id)}
  </li>`;
}

/**
 * The slider and the number move together, and the sentence under them says what the chosen points take off:
 * the frame script works that out from these attributes, and the server works it out again on apply.
 */
function flexibleHtml(
  flexible: FlexibleRewardView,
  view: CheckoutPointsView,
  unit: string,
  { t, locale }: RenderContext,
): SafeHtml {
  const heading = html`<h2>${t('Checkout.flexibleHeading', { unit })}</h2>`;
  if (flexible.maxPoints < flexible.minPoints) {
    return html`<div class="panel stack" data-testid="checkout-flexible">
      ${heading}
      <p class="muted">${t('Checkout.flexibleTooFew', { count: flexible.minPoints, unit })}</p>
    </div>`;
  }
  const start = flexible.maxPoints;
  const gives = (points: string, amount: string) =>
    t('Checkout.flexibleGives', { points, unit, money: amount });
  const bounds = { min: flexible.minPoints, max: flexible.maxPoints, step: flexible.step, value: start };
  return html`<div
    class="panel stack"
    data-testid="checkout-flexible"
    data-flexible
    data-step="${flexible.step}"
    data-unit-amount="${flexible.unitAmount}"
    data-currency="${view.total.currency ?? ''}"
    data-locale="${locale}"
    data-template="${gives(POINTS_MARK, AMOUNT_MARK)}"
  >
    ${heading}
    <label for="flexible-points" class="small">${t('Checkout.flexibleLabel', { unit })}</label>
    <div class="row">
      <input
        type="range"
        id="flexible-points"
        min="${bounds.min}"
        max="${bounds.max}"
        step="${bounds.step}"
        value="${bounds.value}"
        data-points-range
      />
      <input
        type="number"
        min="${bounds.min}"
        max="${bounds.max}"
        step="${bounds.step}"
        value="${bounds.value}"
        aria-label="${t('Checkout.flexibleLabel', { unit })}"
        data-points-number
        data-testid="flexible-number"
      />
    </div>
    <p class="small" data-flexible-gives data-testid="flexible-gives">
      ${gives(
        new Intl.NumberFormat(locale).format(start),
        formatMoney(flexibleDiscount(start, flexible), view.total.currency, locale),
      )}
    </p>
    <p>
      <button
        type="button"
        class="btn"
        data-action="apply"
        data-flexible-apply
        data-busy-label="${t('Checkout.applying')}"
      >
        ${t('Checkout.applyPoints', { unit })}
      </button>
    </p>
  </div>`;
}

/**
 * The loyalty discount on the checkout: what it takes off (the checkout's own figure, in its currency), what it
 * cost, its status and, while it waits on the checkout, Remove.
 */
function discountHtml(
  discount: CheckoutDiscountView,
  view: CheckoutPointsView,
  unit: string,
  { t, locale }: RenderContext,
): SafeHtml {
  const holds = holdsCheckout(discount.status);
  const amountOff = holds && discount.amountOff !== null ? discount.amountOff : null;
  const cost =
    holds &&
    (discount.kind === 'coupon'
      ? html`<p class="small" data-testid="discount-cost">${t('Checkout.paidWithCoupon')}</p>`
      : discount.pointsSpent !== null &&
        html`<p class="small" data-testid="discount-cost" data-points="${discount.pointsSpent}">
          ${t('Checkout.pointsSpent', { count: discount.pointsSpent, unit })}
        </p>`);
  return html`<div
    class="panel row"
    data-testid="checkout-discount"
    data-discount-id="${discount.id}"
    data-status="${discount.status}"
  >
    <div>
      <p>${t('Checkout.applied', { name: discount.name ?? t('Checkout.appliedUnnamed') })}</p>
      ${
        amountOff !== null
          ? html`<p data-testid="discount-amount-off" data-amount-off="${amountOff}">
              ${t('Checkout.amountOff', { money: formatMoney(amountOff, view.total.currency, locale) })}
            </p>`
          : // Right after an apply Wix's figure is not read yet: the frame asks for the view at once, and the
            // line keeps its place meanwhile, so the widget does not jump when it arrives.
            holds && html`<p aria-hidden="true" data-amount-pending> </p>`
      }
      ${cost}
      <p class="small ${holds ? 'good' : 'muted'}">${t(`Checkout.status.${discount.status}`)}</p>
    </div>
    ${
      removable(discount.status) &&
      html`<button type="button" class="btn" data-action="remove" data-busy-label="${t('Checkout.removing')}">
        ${t('Checkout.remove')}
      </button>`
    }
  </div>`;
}

/** Money in the shopper's language; without a currency (Wix always sends one), a plain number. */
export function formatMoney(amount: number, currency: string | null, locale: string): string {
  try {
    if (currency) return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // An unknown currency code falls through to the plain number.
  }
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}
