import { welcomeHeadline, type ReferralWording } from '@/components/refer/referral-words';
import type { ReferralWelcomeView } from '@/lib/loyalty/referral-view';
import { html, type SafeHtml } from './html';
import { popupBlockedHtml, viewSectionHtml, type RenderContext } from './widget-parts';

export type WelcomeWidget = {
  welcome: ReferralWelcomeView;
  signedIn: boolean;
  pointsName: string;
  currency: string | null;
};

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
