import 'server-only';
import { headers } from 'next/headers';
import { JoinPanel, SectionError, SignInPanel } from '@/components/member-pages/call-to-action';
import { localeFromAcceptLanguage } from '@/lib/loyalty/viewer-locale';
import { readSession } from '@/lib/session/request-session';
import { loadActivity } from '@/lib/wix/activity';
import { ActivityList } from './activity-list';

/** Server half of the activity page: the first page of the history is in the first HTML. */
export async function ActivitySection({ returnTo }: { returnTo: string }) {
  const [result, headerStore] = await Promise.all([loadActivity(await readSession(), null), headers()]);
  const locale = localeFromAcceptLanguage(headerStore.get('accept-language'));
  if (!result.ok) return <SectionError>We could not load your activity just now.</SectionError>;

  const { view } = result;
  const unit = view.program.pointsName.toLowerCase();
  switch (view.status) {
    case 'visitor':
      return (
        <SignInPanel returnTo={returnTo}>Sign in to see how you earned and spent your {unit}.</SignInPanel>
      );
    case 'no-account':
      return (
        <JoinPanel program={view.program}>
          You are not a member of {view.program.name} yet, so there is no activity to show.
        </JoinPanel>
      );
    case 'member':
      return view.page.entries.length === 0 ? (
        <p
          className="rounded-2xl border border-stone-200 bg-white p-5 text-stone-600"
          data-testid="activity-empty"
        >
          No activity yet. Your {unit} will show here as you earn and spend them.
        </p>
      ) : (
        <ActivityList initial={view.page} pointsName={view.program.pointsName} locale={locale} />
      );
  }
}
