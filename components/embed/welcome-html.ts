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

/** A visitor's way in: a sign-up and a sign-in, both through the site's sign-in popup. */
function signInHtml(welcome: ReferralWelcomeView, { t }: ReferralWording): SafeHtml {
  return html`<p class="muted">
      ${welcome.friendReward ? t('Refer.welcome.hint') : t('Refer.welcome.hintPlain')}
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
    ${popupBlockedHtml(t)}`;
}

/**
 * A member already signed in: one button uses the invite (the frame posts the code it holds, once), and
 * "Not now" drops the code and shows their card, so the welcome never stands in their way.
 */
function inviteHtml(welcome: ReferralWelcomeView, { t }: ReferralWording): SafeHtml {
  const name = welcome.referrerName;
  return html`<p class="muted">
      ${welcome.friendReward ? t('Refer.welcome.memberHint') : t('Refer.welcome.memberHintPlain')}
    </p>
    <p>
      <button
        type="button"
        class="btn"
        data-action="use-referral"
        data-busy-label="${t('Refer.welcome.using')}"
        data-testid="welcome-use-invite"
      >
        ${name ? t('Refer.welcome.useInvite', { name }) : t('Refer.welcome.useInviteAnonymous')}
      </button>
    </p>
    <p class="small">
      <button type="button" class="link" data-action="skip-referral" data-testid="welcome-not-now">
        ${t('Refer.welcome.notNow')}
      </button>
    </p>`;
}

/**
 * The welcome a friend sees on arriving with a member's link: who invited them and what they get, then a
 * sign-up or a sign-in (both open the site's sign-in popup, whose hosted page lets a new customer create an
 * account), or, already signed in, the invite to use. The code stays in the frame's address, never in this
 * HTML.
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
      ${
        widget.reward
          ? rewardHtml(widget.reward, words)
          : widget.signedIn
            ? inviteHtml(widget.welcome, words)
            : signInHtml(widget.welcome, words)
      }`,
  );
}
