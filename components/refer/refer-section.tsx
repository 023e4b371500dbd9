import 'server-only';
import type { ReactNode } from 'react';
import { getLocale } from 'next-intl/server';
import { formatDate } from '@/components/loyalty-card/format';
import { SectionError, SignInPanel } from '@/components/member-pages/call-to-action';
import { getConfig } from '@/lib/config/env';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import type { ReferView } from '@/lib/loyalty/referral-view';
import { readSession } from '@/lib/session/request-session';
import { requestAppOrigin } from '@/lib/wix/app-origin';
import { loadReferPage } from '@/lib/wix/refer-page';
import { loadProgramSnapshot } from '@/lib/wix/site-catalog';
import { ReferralLink } from './referral-link';
import {
  benefitPhrase,
  offerDetails,
  offerHeadline,
  shareText,
  type ReferralWording,
} from './referral-words';

type MemberView = Extract<ReferView, { status: 'member' }>;

/**
 * Server half of the refer page: the offer, the member's link, their friends and rewards are in the first
 * HTML, worded as the widget's refer view words them.
 */
export async function ReferSection({ returnTo }: { returnTo: string }) {
  const asked = await getLocale();
  const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
  const [result, t, snapshot] = await Promise.all([
    loadReferPage(await readSession(), await requestAppOrigin()),
    translatorFor(locale),
    loadProgramSnapshot().catch(() => null),
  ]);
  if (!result.ok) return <SectionError>{t('Refer.loadFailed')}</SectionError>;
  const { view } = result;
  if (view.status === 'inactive') {
    return (
      <p className="rounded-2xl bg-amber-50 p-5 text-amber-900" data-testid="refer-inactive">
        {t('Refer.inactive')}
      </p>
    );
  }
  const words: ReferralWording = {
    t,
    locale,
    pointsName: snapshot?.program.pointsName ?? 'Points',
    currency: getConfig().storeCurrency,
  };
  return (
    <div className="flex flex-col gap-6" data-testid="refer">
      <div className="flex flex-col gap-1">
        <p className="text-lg font-semibold" data-testid="refer-offer">
          {offerHeadline(view.offer, words)}
        </p>
        {offerDetails(view.offer, words).map((line) => (
          <p key={line} className="text-sm text-stone-600">
            {line}
          </p>
        ))}
      </div>
      {view.status === 'visitor' ? (
        <SignInPanel returnTo={returnTo}>{t('Refer.visitor')}</SignInPanel>
      ) : (
        <Member view={view} words={words} />
      )}
    </div>
  );
}

function Member({ view, words }: { view: MemberView; words: ReferralWording }) {
  const { t, locale } = words;
  const timeZone = 'UTC';
  return (
    <>
      <ReferralLink link={view.link} shareText={shareText(view.offer, words)} />
      <Subsection
        id="refer-friends"
        heading={t('Refer.friendsHeading')}
        empty={view.friends.length === 0 && t('Refer.noFriends')}
      >
        <ul className="flex flex-col gap-2">
          {view.friends.map((friend) => (
            <li
              key={friend.id}
              data-testid="refer-friend"
              className="flex justify-between rounded-xl bg-stone-50 p-3"
            >
              <span>
                <bdi>{friend.displayName ?? t('Refer.aFriend')}</bdi>
                {friend.since && (
                  <span className="block text-sm text-stone-600">
                    {t('Refer.joined', { date: formatDate(friend.since, locale, timeZone) })}
                  </span>
                )}
              </span>
              <span data-status={friend.status} className="text-sm font-semibold">
                {t(friend.status === 'ordered' ? 'Refer.status.ordered' : 'Refer.status.signedUp')}
              </span>
            </li>
          ))}
        </ul>
      </Subsection>
      <Subsection
        id="refer-rewards"
        heading={t('Refer.rewardsHeading')}
        empty={view.rewards.length === 0 && t('Refer.noRewards')}
      >
        {view.pointsEarned > 0 && (
          <p className="mb-2 font-semibold text-emerald-800" data-testid="refer-points-earned">
            {t('Refer.pointsEarned', { count: view.pointsEarned, unit: words.pointsName.toLowerCase() })}
          </p>
        )}
        <ul className="flex flex-col gap-2">
          {view.rewards.map((reward) => (
            <li key={reward.id} data-testid="refer-reward" className="rounded-xl bg-stone-50 p-3">
              {reward.benefit.kind === 'points'
                ? benefitPhrase(reward.benefit, words)
                : t('Refer.couponReward', { you: benefitPhrase(reward.benefit, words) })}
              {reward.date && (
                <span className="block text-sm text-stone-600">
                  {t('Refer.earnedOn', { date: formatDate(reward.date, locale, timeZone) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      </Subsection>
    </>
  );
}

/** A heading over a list, or the words that say it is empty. */
function Subsection({
  id,
  heading,
  empty,
  children,
}: {
  id: string;
  heading: string;
  empty: string | false;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`} className="mb-2 text-xl font-semibold">
        {heading}
      </h2>
      {empty ? <p className="text-stone-600">{empty}</p> : children}
    </section>
  );
}
