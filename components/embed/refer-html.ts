import {
  benefitPhrase,
  offerDetails,
  offerHeadline,
  shareText,
  type ReferralWording,
} from '@/components/refer/referral-words';
import { formatDate } from '@/components/loyalty-card/format';
import type {
  EarnedReferralRewardView,
  ReferPageResult,
  ReferralOffer,
  ReferredFriendView,
  ReferView,
} from '@/lib/loyalty/referral-view';
import { html, type SafeHtml } from './html';
import { copyCodeHtml } from './rewards-html';
import {
  copyButtonHtml,
  loadFailedHtml,
  popupBlockedHtml,
  signInHtml,
  signOutHtml,
  subsectionHtml,
  viewSectionHtml,
  type RenderContext,
} from './widget-parts';

export type ReferWidget = {
  refer: ReferPageResult;
  signedIn: boolean;
  /** The loyalty program's points name, for a reward in points. */
  pointsName: string;
  currency: string | null;
};

/**
 * Refer a friend in the widget: the offer for both sides, the member's link to copy or share, the friends
 * referred with their status and the rewards their referrals earned. A program that is not active shows no
 * link; a visitor is asked to sign in.
 */
export function referHtml(widget: ReferWidget, context: RenderContext): SafeHtml {
  const { t } = context;
  const words: ReferralWording = { ...context, pointsName: widget.pointsName, currency: widget.currency };
  const section = { id: 'refer-heading', testId: 'embed-refer', title: t('Refer.title') };
  return viewSectionHtml(
    { ...section, signedIn: widget.signedIn },
    context,
    widget.refer.ok
      ? html`${bodyHtml(widget.refer.view, words, context)}
          <div class="foot">${widget.signedIn && signOutHtml(t)}</div>`
      : loadFailedHtml(t('Refer.loadFailed'), t),
  );
}

function bodyHtml(view: ReferView, words: ReferralWording, context: RenderContext): SafeHtml {
  const { t } = context;
  switch (view.status) {
    case 'inactive':
      return html`<p class="warn" data-testid="refer-inactive">${t('Refer.inactive')}</p>`;
    case 'visitor':
      return html`${offerHtml(view.offer, words)}
        <p>${t('Refer.visitor')}</p>
        <p>${signInHtml(t('Card.signIn'))}</p>
        ${popupBlockedHtml(t)}`;
    case 'member':
      return html`${offerHtml(view.offer, words)} ${linkHtml(view.link, view.offer, words)}
        <p role="status" aria-live="polite" class="status small" data-testid="refer-status"></p>
        ${friendsHtml(view.friends, context)} ${rewardsHtml(view, words, context)}`;
  }
}

function offerHtml(offer: ReferralOffer, words: ReferralWording): SafeHtml {
  return html`<div class="stack">
    <p class="lead" data-testid="refer-offer">${offerHeadline(offer, words)}</p>
    ${offerDetails(offer, words).map((line) => html`<p class="muted small">${line}</p>`)}
  </div>`;
}

/**
 * The link in a read-only field (left to right in every language: it is an address), with the same Copy as a
 * coupon's, and Share, which the frame script reveals only where the browser has the Web Share API.
 */
function linkHtml(link: string, offer: ReferralOffer, words: ReferralWording): SafeHtml {
  const { t } = words;
  return html`<div class="panel stack">
    <label for="refer-link" class="small">${t('Refer.linkLabel')}</label>
    <input
      id="refer-link"
      class="field"
      type="text"
      readonly
      dir="ltr"
      value="${link}"
      data-testid="refer-link"
    />
    <p class="row">
      ${copyButtonHtml(link, {
        label: t('Refer.copy'),
        copied: t('Refer.copied'),
        copyFailed: t('Refer.copyFailed'),
        className: 'btn',
      })}
      <button
        type="button"
        class="btn"
        data-action="share"
        data-share-url="${link}"
        data-share-text="${shareText(offer, words)}"
        hidden
      >
        ${t('Refer.share')}
      </button>
    </p>
  </div>`;
}

function friendsHtml(friends: ReferredFriendView[], { t, locale, timeZone }: RenderContext): SafeHtml {
  return subsectionHtml(
    { id: 'refer-friends-heading', testId: 'refer-friends', heading: t('Refer.friendsHeading') },
    html`${
      friends.length === 0
        ? html`<p class="muted" data-testid="refer-no-friends">${t('Refer.noFriends')}</p>`
        : html`<p class="small muted">${t('Refer.friendsCount', { count: friends.length })}</p>
            <ul class="entries">
              ${friends.map(
                (friend) =>
                  html`<li class="entry" data-testid="refer-friend">
                    <div>
                      <span><bdi>${friend.displayName ?? t('Refer.aFriend')}</bdi></span>
                      ${
                        friend.since &&
                        html`<span class="small muted"
                          >${t('Refer.joined', { date: formatDate(friend.since, locale, timeZone) })}</span
                        >`
                      }
                    </div>
                    <span
                      class="${friend.status === 'ordered' ? 'badge on' : 'badge'}"
                      data-status="${friend.status}"
                      >${t(friend.status === 'ordered' ? 'Refer.status.ordered' : 'Refer.status.signedUp')}</span
                    >
                  </li>`,
              )}
            </ul>`
    }`,
  );
}

function rewardsHtml(
  view: Extract<ReferView, { status: 'member' }>,
  words: ReferralWording,
  context: RenderContext,
): SafeHtml {
  const { t } = context;
  return subsectionHtml(
    { id: 'refer-rewards-heading', testId: 'refer-rewards', heading: t('Refer.rewardsHeading') },
    html`${
      view.rewards.length === 0
        ? html`<p class="muted" data-testid="refer-no-rewards">${t('Refer.noRewards')}</p>`
        : html`${
              view.pointsEarned > 0 &&
              html`<p class="good" data-testid="refer-points-earned">
                ${t('Refer.pointsEarned', {
                  count: view.pointsEarned,
                  unit: words.pointsName.toLowerCase(),
                })}
              </p>`
            }
            <ul class="entries">
              ${view.rewards.map((reward) => earnedHtml(reward, words, context))}
            </ul>`
    }`,
  );
}

function earnedHtml(
  reward: EarnedReferralRewardView,
  words: ReferralWording,
  { t, locale, timeZone }: RenderContext,
): SafeHtml {
  const phrase = benefitPhrase(reward.benefit, words);
  return html`<li class="entry" data-testid="refer-reward">
    <div>
      <span>${reward.benefit.kind === 'points' ? phrase : t('Refer.couponReward', { you: phrase })}</span>
      ${
        reward.date &&
        html`<span class="small muted"
          >${t('Refer.earnedOn', { date: formatDate(reward.date, locale, timeZone) })}</span
        >`
      }
    </div>
    ${
      reward.code &&
      html`<span class="row">
        <code class="code">${reward.code}</code>
        ${copyCodeHtml(reward.code, t('Rewards.copy'), t)}
      </span>`
    }
  </li>`;
}
