import Link from 'next/link';
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
        {/* Not prefetched, as the card's other links: a prefetch of a member page is a render with Wix calls. */}
        <Link
          href="/tiers"
          prefetch={false}
          data-testid="tier-link"
          className="underline underline-offset-2 hover:text-stone-600 focus-visible:outline-2 focus-visible:outline-stone-900"
        >
          {t.rich('tier', {
            tier: tier.name,
            strong: (chunks) => (
              <span className="font-semibold" data-testid="tier-name">
                {chunks}
              </span>
            ),
          })}
          <span className="sr-only">{t('seeTiers')}</span>
        </Link>
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
