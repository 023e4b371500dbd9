import { benefitPhrase, welcomeHeadline, type ReferralWording } from '@/components/refer/referral-words';
import type { ReferralWelcomeView } from '@/lib/loyalty/referral-view';
import type { FriendReward } from '@/lib/wix/referral-friend';
import { html, type SafeHtml } from './html';
import { popupBlockedHtml, viewSectionHtml, type RenderContext } from './widget-parts';

export type WelcomeWidget = {
  welcome: ReferralWelcomeView;
  signedIn: boolean;
  pointsName: string;
  currency: string | null;
  /** The friend's reward once they signed in and were recorded; null before. */
  reward?: FriendReward | null;
};

/** What a recorded friend got, and the coupon's code while there is one to show. */
function rewardHtml(reward: FriendReward, words: ReferralWording): SafeHtml {
  const { t } = words;
  return html`<div data-testid="welcome-reward">
    <p>
      ${
        reward.benefit
          ? t('Refer.welcome.rewarded', { friend: benefitPhrase(reward.benefit, words) })
          : t('Refer.welcome.joined')
      }
    </p>
    ${
      reward.couponCode &&
      html`<p class="small">
        ${t('Refer.welcome.couponCode')}
        <code class="code" data-testid="welcome-coupon-code">${reward.couponCode}</code>
      </p>`
    }
  </div>`;
}

/**
 * The welcome a friend sees on arriving with a member's link: who invited them and what they get, then a
 * sign-up or a sign-in. Both open the site's sign-in popup, whose hosted page lets a new customer create an
 * account; the code stays on the server side of that flow, never in this HTML.
 */
export function welcomeHtml(widget: WelcomeWidget, context: RenderContext): SafeHtml {
  const { t } = context;
  const words: ReferralWording = { ...context, pointsName: widget.pointsName, currency: widget.currency };
  return viewSectionHtml(
    {
      id: 'welcome-heading',
      testId: 'embed-welcome',
      title: t('Refer.welcome.title'),
      signedIn: widget.signedIn,
    },
    context,
    html`<p class="lead" data-testid="welcome-gift">${welcomeHeadline(widget.welcome, words)}</p>
      ${widget.reward && rewardHtml(widget.reward, words)}
      ${
        !widget.signedIn &&
        html`<p class="muted">
            ${widget.welcome.friendReward ? t('Refer.welcome.hint') : t('Refer.welcome.hintPlain')}
          </p>
          <p>
            <button type="button" class="btn" data-action="sign-in" data-testid="welcome-sign-up">
              ${t('Refer.welcome.signUp')}
            </button>
          </p>
          <p class="small">
            ${t('Refer.welcome.haveAccount')}
            <button type="button" class="link" data-action="sign-in" data-testid="welcome-sign-in">
              ${t('Refer.welcome.signIn')}
            </button>
          </p>
          ${popupBlockedHtml(t)}`
      }`,
  );
}
