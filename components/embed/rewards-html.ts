import type { FullTranslator } from '@/components/earn/earn-messages';
import { formatDate } from '@/components/loyalty-card/format';
import { benefitMessage } from '@/components/rewards/rewards-messages';
import type { RedeemResult } from '@/lib/loyalty/redeem-result';
import type { CouponView, RewardKind, RewardsPageView, RewardView } from '@/lib/loyalty/rewards-view';
import type { RewardsPageResult } from '@/lib/wix/rewards-page';
import { html, type SafeHtml } from './html';
import {
  copyButtonHtml,
  joinHtml,
  loadFailedHtml,
  popupBlockedHtml,
  signInHtml,
  signOutHtml,
  subsectionHtml,
  viewSectionHtml,
  type RenderContext,
} from './widget-parts';

type RewardsWidget = { rewards: RewardsPageResult; signedIn: boolean };

/**
 * The rewards page in the widget: the tier's rewards with Redeem or how far there is to go, then the
 * member's coupons. Each Redeem has its confirmation beside it, rendered here and hidden, so the frame script
 * asks "Spend N points?" without a round trip; the redemption itself goes to `/embed/api/redeem`.
 */
export function rewardsHtml({ rewards, signedIn }: RewardsWidget, context: RenderContext): SafeHtml {
  const { t } = context;
  const view = rewards.ok ? rewards.view : null;
  return viewSectionHtml(
    {
      id: 'rewards-heading',
      testId: 'embed-rewards',
      title: t('Rewards.onOffer'),
      signedIn,
      balance: view?.status === 'member' ? view.balance : null,
    },
    context,
    view ? viewBodyHtml(view, context) : loadFailedHtml(t('Rewards.loadFailed'), t),
  );
}

function viewBodyHtml(view: RewardsPageView, context: RenderContext): SafeHtml {
  const { t } = context;
  const unit = view.program.pointsName.toLowerCase();
  if (view.status !== 'member') {
    const visitor = view.status === 'visitor';
    const note = visitor ? t('Rewards.signInToRedeem') : t('Rewards.joinToRedeem');
    return html`<p>
        ${
          visitor
            ? t('Rewards.visitorPrompt', { unit })
            : t('Rewards.joinPrompt', { program: view.program.name, unit })
        }
      </p>
      ${
        visitor
          ? html`<p>${signInHtml(t('Card.signIn'))}</p>
              ${popupBlockedHtml(t)}`
          : joinHtml(view.program, t)
      }
      ${rewardListHtml(view.rewards, () => html`<p class="muted small">${note}</p>`, unit, context)}`;
  }
  return html`<p class="muted" data-testid="rewards-balance">
      ${t('Rewards.youHave', { count: view.balance, unit })}
    </p>
    <p role="status" aria-live="polite" class="status small" data-testid="rewards-status"></p>
    <div data-redeemed-slot></div>
    ${rewardListHtml(view.rewards, (reward) => redeemStepHtml(reward, unit, context), unit, context, view.tierName)}
    ${couponsHtml(view.coupons, context)}
    <div class="foot">${signOutHtml(t)}</div>`;
}

function rewardListHtml(
  rewards: RewardView[],
  action: (reward: RewardView) => SafeHtml,
  unit: string,
  context: RenderContext,
  tierName: string | null = null,
): SafeHtml {
  const { t } = context;
  if (rewards.length === 0)
    return html`<p class="muted" data-testid="rewards-empty">${t('Rewards.empty')}</p>`;
  return html`<ul class="offers" data-testid="rewards-list">
    ${rewards.map(
      (reward) =>
        html`<li class="offer" data-testid="reward-${reward.id}">
          <div>
            <span>${reward.name}</span>
            <span class="small">
              <span class="good" data-testid="reward-cost"
                >${t('Rewards.cost', { count: reward.cost, unit })}</span
              >
              · ${benefitHtml(reward.kind, reward.value, t)}
            </span>
            ${
              reward.tierExclusive &&
              tierName &&
              html`<span class="small muted">${t('Rewards.membersOnly', { tier: tierName })}</span>`
            }
          </div>
          ${action(reward)}
        </li>`,
    )}
  </ul>`;
}

/** Redeem, and its confirmation beside it (hidden until asked); or how many points are still missing. */
function redeemStepHtml(reward: RewardView, unit: string, { t }: RenderContext): SafeHtml {
  if (reward.pointsToGo > 0) {
    return html`<p class="muted small" data-testid="points-to-go">
      ${t('Rewards.moreToGo', { count: reward.pointsToGo, unit })}
    </p>`;
  }
  const confirmId = `confirm-${reward.id}`;
  return html`<button
      type="button"
      class="btn"
      data-action="redeem"
      aria-expanded="false"
      aria-controls="${confirmId}"
    >
      ${t('Rewards.redeem')}<span class="sr"> ${reward.name}</span>
    </button>
    <div
      class="confirm"
      id="${confirmId}"
      role="group"
      aria-labelledby="${confirmId}-question"
      data-confirm
      hidden
    >
      <p id="${confirmId}-question">
        ${t('Rewards.dialogQuestion', { count: reward.cost, unit, reward: reward.name })}
      </p>
      <p class="row">
        <button type="button" class="link" data-action="cancel-redeem">${t('Rewards.cancel')}</button>
        <button
          type="button"
          class="btn"
          data-action="confirm-redeem"
          data-reward-id="${reward.id}"
          data-busy-label="${t('Rewards.redeeming')}"
        >
          ${t('Rewards.spend', { count: reward.cost, unit })}
        </button>
      </p>
    </div>`;
}

function benefitHtml(kind: RewardKind | null, value: number | null, t: FullTranslator): string {
  const message = benefitMessage(kind, value);
  return 'values' in message ? t(`Rewards.${message.key}`, message.values) : t(`Rewards.${message.key}`);
}

/** A coupon's Copy: the live region names the code it copied. */
export function copyCodeHtml(code: string, label: string, t: FullTranslator): SafeHtml {
  return copyButtonHtml(code, {
    label,
    copied: t('Rewards.copiedCode', { code }),
    copyFailed: t('Rewards.copyFailed'),
    ariaLabel: `${label} ${code}`,
  });
}

function couponsHtml(coupons: CouponView[], { locale, timeZone, t }: RenderContext): SafeHtml {
  return subsectionHtml(
    { id: 'coupons-heading', testId: 'my-coupons', heading: t('Rewards.myCoupons') },
    html`${
      coupons.length === 0
        ? html`<p class="muted" data-testid="coupons-empty">${t('Rewards.noCoupons')}</p>`
        : html`<ul class="offers">
            ${coupons.map((coupon) => {
              const usable = coupon.status === 'active' || coupon.status === 'pending';
              return html`<li class="offer" data-testid="coupon-${coupon.id}">
                <div>
                  <span>${coupon.rewardName}</span>
                  <span class="small muted">
                    ${
                      coupon.createdDate &&
                      t('Rewards.redeemedOn', { date: formatDate(coupon.createdDate, locale, timeZone) })
                    }
                    ·
                    <span data-testid="coupon-status" data-status="${coupon.status}"
                      >${t(`Rewards.status.${coupon.status}`)}</span
                    >
                  </span>
                </div>
                <span class="row">
                  <code data-testid="coupon-code" class="${usable ? 'code' : 'code used'}"
                    >${coupon.code}</code
                  >
                  ${usable && copyCodeHtml(coupon.code, t('Rewards.copy'), t)}
                </span>
              </li>`;
            })}
          </ul>`
    }`,
  );
}

/**
 * The coupon a redemption just gave, with its code to copy: the frame script puts it above the rewards and
 * moves focus to its heading. Wix's loyalty coupons carry no expiry date, so none is promised.
 */
export function redeemedCouponHtml(coupon: CouponView, { t }: RenderContext): SafeHtml {
  return html`<section class="panel stack" aria-labelledby="redeemed-heading" data-testid="redeemed-coupon">
    <h3 id="redeemed-heading" tabindex="-1">${t('Rewards.couponFor', { reward: coupon.rewardName })}</h3>
    <p class="small">${benefitHtml(coupon.kind, coupon.value, t)}</p>
    <p class="row">
      <code class="code big" data-testid="redeemed-code">${coupon.code}</code>
      ${copyCodeHtml(coupon.code, t('Rewards.copyCode'), t)}
    </p>
    <p class="muted small">${t('Rewards.noExpiry')}</p>
  </section>`;
}

/** What a redemption's result says in the status region, in the widget's language. */
export function describeRedemption(result: RedeemResult, pointsName: string, t: FullTranslator): string {
  if (!result.ok) return t(`Rewards.failure.${result.code}`);
  const unit = pointsName.toLowerCase();
  return t('Rewards.spent', {
    count: result.cost,
    unit,
    reward: result.coupon.rewardName,
    code: result.coupon.code,
  });
}
