import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { JoinPanel, SectionError, SignInPanel } from '@/components/member-pages/call-to-action';
import { readSession } from '@/lib/session/request-session';
import { loadActivity } from '@/lib/wix/activity';
import { ActivityList } from './activity-list';

/** Server half of the activity page: the first page of the history is in the first HTML. */
export async function ActivitySection({ returnTo }: { returnTo: string }) {
  const [result, locale, t] = await Promise.all([
    loadActivity(await readSession(), null),
    getLocale(),
    getTranslations('Activity'),
  ]);
  if (!result.ok) return <SectionError>{t('loadFailed')}</SectionError>;

  const { view } = result;
  const unit = view.program.pointsName.toLowerCase();
  switch (view.status) {
    case 'visitor':
      return <SignInPanel returnTo={returnTo}>{t('visitorPrompt', { unit })}</SignInPanel>;
    case 'no-account':
      return <JoinPanel program={view.program}>{t('notMember', { program: view.program.name })}</JoinPanel>;
    case 'member':
      return view.page.entries.length === 0 ? (
        <p
          className="rounded-2xl border border-stone-200 bg-white p-5 text-stone-600"
          data-testid="activity-empty"
        >
          {t('empty', { unit })}
        </p>
      ) : (
        <ActivityList initial={view.page} pointsName={view.program.pointsName} locale={locale} />
      );
  }
}
