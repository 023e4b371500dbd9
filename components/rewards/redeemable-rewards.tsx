'use client';

import { useTranslations } from 'next-intl';
import type { RewardView } from '@/lib/loyalty/rewards-view';
import { RewardCard, RewardProgress } from './reward-card';

type Props = {
  rewards: RewardView[];
  balance: number;
  pointsName: string;
  tierName: string | null;
  /** A redemption is running: no other may start from this page. */
  pending: boolean;
  onRedeem: (reward: RewardView, opener: HTMLButtonElement) => void;
};

/** The member's rewards: "Redeem" where the balance covers the cost, how far there is to go elsewhere. */
export function RedeemableRewards({ rewards, balance, pointsName, tierName, pending, onRedeem }: Props) {
  const t = useTranslations('Rewards');
  return (
    <section aria-labelledby="rewards-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="rewards-heading" className="text-xl font-bold">
          {t('onOffer')}
        </h2>
        <p className="text-sm text-stone-600" data-testid="rewards-balance">
          {t('youHave', { count: balance, unit: pointsName.toLowerCase() })}
        </p>
      </div>
      {rewards.length === 0 ? (
        <p className="text-stone-600" data-testid="rewards-empty">
          {t('empty')}
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {rewards.map((reward) => (
            <RewardCard key={reward.id} reward={reward} pointsName={pointsName} tierName={tierName}>
              {reward.pointsToGo === 0 ? (
                <button
                  type="button"
                  disabled={pending}
                  onClick={(event) => onRedeem(reward, event.currentTarget)}
                  className="w-full rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 disabled:cursor-not-allowed disabled:opacity-60"
                >
                  {t('redeem')}
                  <span className="sr-only"> {reward.name}</span>
                </button>
              ) : (
                <RewardProgress reward={reward} pointsName={pointsName} />
              )}
            </RewardCard>
          ))}
        </ul>
      )}
    </section>
  );
}
