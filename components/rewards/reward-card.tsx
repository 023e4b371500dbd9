import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ProgressBar } from '@/components/loyalty-card/progress-bar';
import type { RewardView } from '@/lib/loyalty/rewards-view';
import { describeBenefit } from './rewards-messages';

type Props = {
  reward: RewardView;
  pointsName: string;
  /** The member's tier, named on rewards only some tiers get. */
  tierName?: string | null;
  /** What the shopper can do: redeem, see how far they are, sign in or join. */
  children: ReactNode;
};

export function RewardCard({ reward, pointsName, tierName = null, children }: Props) {
  const t = useTranslations('Rewards');
  const unit = pointsName.toLowerCase();
  return (
    <li
      data-testid={`reward-${reward.id}`}
      className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="font-semibold">{reward.name}</h3>
        <span className="shrink-0 text-sm font-semibold text-emerald-700" data-testid="reward-cost">
          {t('cost', { count: reward.cost, unit })}
        </span>
      </div>
      <p className="text-sm text-stone-700">{describeBenefit(reward.kind, reward.value, t)}</p>
      {reward.tierExclusive && tierName && (
        <p className="w-fit rounded-full bg-amber-100 px-3 py-1 text-xs font-semibold text-amber-900">
          {t('membersOnly', { tier: tierName })}
        </p>
      )}
      <div className="mt-auto">{children}</div>
    </li>
  );
}

/** How far the balance is from a reward it does not cover yet. */
export function RewardProgress({ reward, pointsName }: { reward: RewardView; pointsName: string }) {
  const t = useTranslations('Rewards');
  return (
    <div data-testid="reward-progress">
      <ProgressBar label={t('progressTo', { name: reward.name })} progress={reward.progress} />
      <p className="mt-1 text-sm text-stone-600" data-testid="points-to-go">
        {t('moreToGo', { count: reward.pointsToGo, unit: pointsName.toLowerCase() })}
      </p>
    </div>
  );
}
