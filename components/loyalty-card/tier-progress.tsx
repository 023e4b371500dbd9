import { useTranslations } from 'next-intl';
import type { TierView } from '@/lib/loyalty/view-model';
import { ProgressBar } from './progress-bar';

export function TierProgress({ tier, pointsName }: { tier: TierView; pointsName: string }) {
  const t = useTranslations('Card');
  const unit = pointsName.toLowerCase();
  const next = tier.next;
  return (
    <div data-testid="tier" className="rounded-xl bg-stone-50 p-3">
      <p className="flex items-baseline justify-between text-sm">
        <span>
          {t.rich('tier', {
            tier: tier.name,
            strong: (chunks) => (
              <span className="font-semibold" data-testid="tier-name">
                {chunks}
              </span>
            ),
          })}
        </span>
        <span className="text-stone-600" data-testid="tier-points">
          {t('tierPoints', { count: tier.points, unit })}
        </span>
      </p>
      {next ? (
        <>
          <ProgressBar
            label={t('progressTo', { name: next.name })}
            progress={next.progress}
            className="mt-2"
          />
          <p className="mt-1 text-xs text-stone-600" data-testid="next-tier">
            {t('toNextTier', { count: next.pointsToGo, unit, tier: next.name })}
          </p>
        </>
      ) : (
        <p className="mt-1 text-xs text-stone-600" data-testid="next-tier">
          {t('topTier')}
        </p>
      )}
    </div>
  );
}
