import 'server-only';
import { useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { JoinPanel, SectionError, SignInPanel } from '@/components/member-pages/call-to-action';
import type { RewardsPageView } from '@/lib/loyalty/rewards-view';
import { readSession } from '@/lib/session/request-session';
import { loadRewardsPage } from '@/lib/wix/rewards-page';
import { RewardCard } from './reward-card';
import { RewardsBoard } from './rewards-board';

/** Server half of the rewards page: the rewards and the member's coupons are in the first HTML. */
export async function RewardsSection({ returnTo }: { returnTo: string }) {
  const [result, locale, t] = await Promise.all([
    loadRewardsPage(await readSession()),
    getLocale(),
    getTranslations('Rewards'),
  ]);
  if (!result.ok) return <SectionError>{t('loadFailed')}</SectionError>;

  const { view } = result;
  if (view.status === 'member') return <RewardsBoard view={view} locale={locale} returnTo={returnTo} />;
  const unit = view.program.pointsName.toLowerCase();
  return (
    <div className="flex flex-col gap-6">
      {view.status === 'visitor' ? (
        <SignInPanel returnTo={returnTo}>{t('visitorPrompt', { unit })}</SignInPanel>
      ) : (
        <JoinPanel program={view.program}>{t('joinPrompt', { program: view.program.name, unit })}</JoinPanel>
      )}
      <RewardPreview view={view} />
    </div>
  );
}

/** What members of the base tier can spend their points on, for shoppers who cannot redeem yet. */
function RewardPreview({ view }: { view: Exclude<RewardsPageView, { status: 'member' }> }) {
  const t = useTranslations('Rewards');
  return (
    <section aria-labelledby="rewards-heading" className="flex flex-col gap-4">
      <h2 id="rewards-heading" className="text-xl font-bold">
        {t('onOffer')}
      </h2>
      {view.rewards.length === 0 ? (
        <p className="text-stone-600" data-testid="rewards-empty">
          {t('empty')}
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {view.rewards.map((reward) => (
            <RewardCard key={reward.id} reward={reward} pointsName={view.program.pointsName}>
              <p className="text-sm text-stone-600">
                {view.status === 'visitor' ? t('signInToRedeem') : t('joinToRedeem')}
              </p>
            </RewardCard>
          ))}
        </ul>
      )}
    </section>
  );
}
