import 'server-only';
import { headers } from 'next/headers';
import { JoinPanel, SectionError, SignInPanel } from '@/components/member-pages/call-to-action';
import type { RewardsPageView } from '@/lib/loyalty/rewards-view';
import { localeFromAcceptLanguage } from '@/lib/loyalty/viewer-locale';
import { readSession } from '@/lib/session/request-session';
import { loadRewardsPage } from '@/lib/wix/rewards-page';
import { RewardCard } from './reward-card';
import { RewardsBoard } from './rewards-board';

/** Server half of the rewards page: the rewards and the member's coupons are in the first HTML. */
export async function RewardsSection({ returnTo }: { returnTo: string }) {
  const [result, headerStore] = await Promise.all([loadRewardsPage(await readSession()), headers()]);
  const locale = localeFromAcceptLanguage(headerStore.get('accept-language'));
  if (!result.ok) return <SectionError>We could not load the rewards just now.</SectionError>;

  const { view } = result;
  if (view.status === 'member') return <RewardsBoard view={view} locale={locale} returnTo={returnTo} />;
  const unit = view.program.pointsName.toLowerCase();
  return (
    <div className="flex flex-col gap-6">
      {view.status === 'visitor' ? (
        <SignInPanel returnTo={returnTo}>
          Sign in to see your {unit}, redeem rewards and find your coupons.
        </SignInPanel>
      ) : (
        <JoinPanel program={view.program}>
          Join {view.program.name} to earn {unit} and spend them on these rewards.
        </JoinPanel>
      )}
      <RewardPreview view={view} locale={locale} />
    </div>
  );
}

/** What members of the base tier can spend their points on, for shoppers who cannot redeem yet. */
function RewardPreview({
  view,
  locale,
}: {
  view: Exclude<RewardsPageView, { status: 'member' }>;
  locale: string;
}) {
  return (
    <section aria-labelledby="rewards-heading" className="flex flex-col gap-4">
      <h2 id="rewards-heading" className="text-xl font-bold">
        Rewards on offer
      </h2>
      {view.rewards.length === 0 ? (
        <p className="text-stone-600" data-testid="rewards-empty">
          There are no rewards to redeem right now.
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {view.rewards.map((reward) => (
            <RewardCard key={reward.id} reward={reward} pointsName={view.program.pointsName} locale={locale}>
              <p className="text-sm text-stone-600">
                {view.status === 'visitor' ? 'Sign in to redeem.' : 'Join the program to redeem.'}
              </p>
            </RewardCard>
          ))}
        </ul>
      )}
    </section>
  );
}
