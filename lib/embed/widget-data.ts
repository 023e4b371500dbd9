import 'server-only';
import { getConfig } from '@/lib/config/env';
import type { CheckoutErrorCode, CheckoutRemoveErrorCode } from '@/lib/errors/codes';
import type { CheckoutPointsView } from '@/lib/loyalty/checkout-view';
import type { ReferPageResult, ReferralWelcomeView } from '@/lib/loyalty/referral-view';
import type { SessionState } from '@/lib/session/cookies';
import { loadActivity, type ActivityResult } from '@/lib/wix/activity';
import { loadCheckoutView, type CheckoutState } from '@/lib/wix/checkout-points';
import { loadEarnOffers, type EarnOffersResult } from '@/lib/wix/earn-page';
import { loadEarnPreview, type EarnPreviewResult } from '@/lib/wix/earn-preview';
import { loadLoyaltyCard, type LoyaltyCardResult } from '@/lib/wix/loyalty-card';
import { loadMemberContext } from '@/lib/wix/member-context';
import { loadReferPage } from '@/lib/wix/refer-page';
import { loadRewardsPage, type RewardsPageResult } from '@/lib/wix/rewards-page';
import { loadReferralWelcome, type FriendReward } from '@/lib/wix/referral-friend';
import { loadProgramSnapshot } from '@/lib/wix/site-catalog';
import { loadTiersPage, type TiersPageResult } from '@/lib/wix/tiers-page';
import type { WidgetOptions, WidgetView } from './widget-options';

/** What an apply or a removal just made answered, for the view's status line. */
export type CheckoutOutcome =
  | { action: 'apply'; ok: true }
  | { action: 'apply'; ok: false; code: CheckoutErrorCode }
  | { action: 'remove'; ok: true }
  | { action: 'remove'; ok: false; code: CheckoutRemoveErrorCode };

/** The checkout view's state, with the program's points name and the outcome of an apply or removal. */
export type CheckoutContent = {
  state: Exclude<CheckoutState, { status: 'ready' }>['status'] | CheckoutPointsView;
  pointsName: string;
  outcome: CheckoutOutcome | null;
};

/**
 * The friend's welcome, shown in place of the view they asked for (`over`) while the widget carries a
 * referral code: to a visitor with a sign-up, to a member already signed in with the invite to use
 * (`signedIn`, no `reward` yet), and once recorded with their own reward (`reward`).
 */
export type WelcomeContent = {
  view: 'welcome';
  over: WidgetView;
  welcome: ReferralWelcomeView;
  reward: FriendReward | null;
  signedIn: boolean;
  pointsName: string;
  currency: string;
};

/**
 * What one widget shows: the card's view model, the offers as the earn page shows them, the rewards, activity
 * and tiers pages' own view models, or a checkout. `signedIn` is the session's say where a failed read leaves
 * no view to ask.
 */
export type WidgetContent =
  | { view: 'card'; card: LoyaltyCardResult }
  | { view: 'earn'; offers: EarnOffersResult; pointsName: string; signedIn: boolean }
  | { view: 'rewards'; rewards: RewardsPageResult; signedIn: boolean }
  | { view: 'activity'; activity: ActivityResult; signedIn: boolean }
  | { view: 'tiers'; tiers: TiersPageResult; signedIn: boolean }
  | ({ view: 'checkout' } & CheckoutContent)
  | { view: 'preview'; preview: EarnPreviewResult; signedIn: boolean }
  | {
      view: 'refer';
      refer: ReferPageResult;
      signedIn: boolean;
      pointsName: string;
      /** The store's currency, for a reward of money off. */
      currency: string;
    }
  | WelcomeContent;

export type LoadedWidget = {
  content: WidgetContent;
  /** Wix refused the session's tokens: the caller clears the embedded cookie. */
  sessionRejected: boolean;
};

const DEFAULT_POINTS_NAME = 'Points';

/** The order the preview view is about, as the host page gave it (validated). */
export type PreviewOrder = Pick<WidgetOptions, 'amount' | 'currency'>;

const NO_ORDER: PreviewOrder = { amount: null, currency: null };

/**
 * The refer view: the member's referrals beside the cached program's points name. `appOrigin` is the app's
 * public origin, where a member's link lands unless `REFERRAL_LANDING_URL` says otherwise.
 */
async function loadReferWidget(session: SessionState, appOrigin: string): Promise<LoadedWidget> {
  const [refer, snapshot] = await Promise.all([
    loadReferPage(session, appOrigin),
    loadProgramSnapshot().catch(() => null),
  ]);
  const pointsName = snapshot?.program.pointsName ?? DEFAULT_POINTS_NAME;
  const member = session.status === 'member';
  // A paused program says nothing of who is signed in: the session's say stands.
  const shown = refer.ok && refer.view.status !== 'inactive' ? refer.view.status : null;
  return {
    content: {
      view: 'refer',
      refer,
      signedIn: shown === null ? member : shown === 'member',
      pointsName,
      currency: getConfig().storeCurrency,
    },
    sessionRejected: member && shown === 'visitor',
  };
}

/**
 * The welcome stands in for the card only (a launcher's panel opens on it): a storefront with a card and a
 * list of ways to earn greets the friend once. Every widget carries the code, and the one they sign in from
 * records it.
 */
const WELCOME_OVER: readonly WidgetView[] = ['card'];

/**
 * The welcome content around a welcome (and a reward, once recorded), in the program's points name. A
 * recorded friend is signed in; before that, `signedIn` says whether they still have to.
 */
export async function welcomeContent(
  over: WidgetView,
  welcome: ReferralWelcomeView,
  reward: FriendReward | null,
  signedIn: boolean = reward !== null,
): Promise<WelcomeContent> {
  const snapshot = await loadProgramSnapshot().catch(() => null);
  return {
    view: 'welcome',
    over,
    welcome,
    reward,
    signedIn,
    pointsName: snapshot?.program.pointsName ?? DEFAULT_POINTS_NAME,
    currency: getConfig().storeCurrency,
  };
}

/**
 * The welcome for the widget's referral code, or null to show the view asked for. A member already signed
 * in is offered the invite, not recorded: only their click on it posts the code, so no page that embeds the
 * widget can attribute a member to anyone on its own. A widget with no code costs nothing more.
 */
async function referralWelcome(
  view: WidgetView,
  session: SessionState,
  referralCode: string | null | undefined,
): Promise<WelcomeContent | null> {
  if (!referralCode || !WELCOME_OVER.includes(view)) return null;
  const welcome = await loadReferralWelcome(referralCode);
  return welcome && welcomeContent(view, welcome, null, session.status === 'member');
}

/**
 * Loads a widget from the same services as the app's pages (the member context, the card, the offers),
 * for a session passed in rather than read: right after a sign-in the new session is not in the request.
 */
export async function loadWidget(
  view: WidgetView,
  session: SessionState,
  checkoutId: string | null = null,
  order: PreviewOrder & { referralCode?: string | null } = NO_ORDER,
  appOrigin: string = getConfig().appUrl ?? '',
): Promise<LoadedWidget> {
  const welcome = await referralWelcome(view, session, order.referralCode);
  if (welcome) return { content: welcome, sessionRejected: false };
  if (view === 'refer') return loadReferWidget(session, appOrigin);
  if (view === 'preview') {
    const { preview, signedIn, sessionRejected } = await loadEarnPreview(
      session,
      order.amount,
      order.currency,
    );
    return { content: { view, preview, signedIn }, sessionRejected };
  }
  if (view === 'checkout') {
    const [state, snapshot] = await Promise.all([
      loadCheckoutView(session, checkoutId),
      loadProgramSnapshot().catch(() => null),
    ]);
    const pointsName = snapshot?.program.pointsName ?? DEFAULT_POINTS_NAME;
    const content = {
      view,
      state: state.status === 'ready' ? state.view : state.status,
      pointsName,
      outcome: null,
    };
    return { content, sessionRejected: state.status === 'signed-out' && state.rejected };
  }
  if (view === 'card') {
    const context = await loadMemberContext(session);
    return {
      content: { view, card: await loadLoyaltyCard(context) },
      sessionRejected: context.status === 'signed-out' && context.reason === 'rejected',
    };
  }
  if (view === 'rewards') {
    const rewards = await loadRewardsPage(session);
    const { signedIn, sessionRejected } = shownTo(session, rewards);
    return { content: { view, rewards, signedIn }, sessionRejected };
  }
  if (view === 'activity') {
    const activity = await loadActivity(session, null);
    const { signedIn, sessionRejected } = shownTo(session, activity);
    return { content: { view, activity, signedIn }, sessionRejected };
  }
  if (view === 'tiers') {
    const tiers = await loadTiersPage(session);
    const { signedIn, sessionRejected } = shownTo(session, tiers);
    return { content: { view, tiers, signedIn }, sessionRejected };
  }
  const [offers, snapshot] = await Promise.all([
    loadEarnOffers(session),
    loadProgramSnapshot().catch(() => null),
  ]);
  const pointsName = snapshot?.program.pointsName ?? DEFAULT_POINTS_NAME;
  const signedIn = session.status === 'member' && !(offers.ok && offers.offers[0]?.mode === 'sign-in');
  return { content: { view, offers, pointsName, signedIn }, sessionRejected: false };
}

type PageResult = { ok: true; view: { status: 'visitor' | 'no-account' | 'member' } } | { ok: false };

/**
 * Who the rewards, activity or tiers view shows. Their loaders read the member context themselves; a member session
 * that comes back as a visitor's view is one Wix refused (an expired token is `unavailable`, not a visitor).
 */
function shownTo(session: SessionState, result: PageResult) {
  const member = session.status === 'member';
  const shown = result.ok ? result.view.status : null;
  return {
    signedIn: shown === null ? member : shown !== 'visitor',
    sessionRejected: member && shown === 'visitor',
  };
}

/** The member's balance when the widget shows one, for the host's `loyalty:points-changed`. */
export function balanceOf(content: WidgetContent): number | null {
  if (content.view === 'rewards') {
    const { rewards } = content;
    return rewards.ok && rewards.view.status === 'member' ? rewards.view.balance : null;
  }
  if (content.view === 'checkout') return typeof content.state === 'string' ? null : content.state.balance;
  if (content.view !== 'card' || !content.card.ok) return null;
  return content.card.view.status === 'member' ? content.card.view.account.balance : null;
}

/** Whether the widget shows a signed-in member (with or without a loyalty account). */
export function isSignedIn(content: WidgetContent): boolean {
  if (content.view === 'checkout') return content.state !== 'signed-out';
  if (content.view === 'welcome') return content.signedIn;
  if (content.view !== 'card') return content.signedIn;
  return content.card.ok && content.card.view.status !== 'visitor';
}
