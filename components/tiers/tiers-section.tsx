import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { JoinPanel, SectionError, SignInPanel } from '@/components/member-pages/call-to-action';
import type { TiersView } from '@/lib/loyalty/tiers-view';
import { readSession } from '@/lib/session/request-session';
import { loadTiersPage } from '@/lib/wix/tiers-page';
import { TierLadder } from './tier-ladder';

/** Server half of the tiers page: the tiers, and where the member stands, are in the first HTML. */
export async function TiersSection({ returnTo }: { returnTo: string }) {
  const [result, locale, t] = await Promise.all([
    loadTiersPage(await readSession()),
    getLocale(),
    getTranslations('Tiers'),
  ]);
  if (!result.ok) return <SectionError>{t('loadFailed')}</SectionError>;

  const { view } = result;
  return (
    <div className="flex flex-col gap-6">
      {view.status === 'visitor' && <SignInPanel returnTo={returnTo}>{t('visitorPrompt')}</SignInPanel>}
      {view.status === 'no-account' && (
        <JoinPanel program={view.program}>{t('joinPrompt', { program: view.program.name })}</JoinPanel>
      )}
      {view.status === 'member' && <Standing view={view} t={t} />}
      <TierLadder view={view} locale={locale} />
    </div>
  );
}

function Standing({ view, t }: { view: TiersView; t: Awaited<ReturnType<typeof getTranslations<'Tiers'>>> }) {
  const current = view.tiers.find((tier) => tier.current);
  if (!view.standing || !current) return null;
  const unit = view.program.pointsName.toLowerCase();
  const { next } = view.standing;
  return (
    <div className="flex flex-col gap-1 rounded-2xl bg-stone-50 p-5">
      <p className="text-lg" data-testid="tiers-standing">
        {t.rich('standing', {
          tier: current.name,
          count: view.standing.points,
          unit,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <p className="text-stone-600" data-testid="tiers-next">
        {next ? t('toNext', { count: next.pointsToGo, unit, tier: next.name }) : t('top')}
      </p>
    </div>
  );
}
