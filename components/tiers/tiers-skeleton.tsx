import { useTranslations } from 'next-intl';

/** The tiers section while it loads: the same blocks, pulsing, announced as busy. */
export function TiersSkeleton() {
  const t = useTranslations('Tiers');
  return (
    <div aria-busy="true" data-testid="tiers-skeleton" className="flex flex-col gap-3">
      <span className="sr-only">{t('loading')}</span>
      <div className="h-20 animate-pulse rounded-2xl bg-stone-200" />
      {[0, 1, 2].map((key) => (
        <div key={key} className="h-32 animate-pulse rounded-2xl bg-stone-200" />
      ))}
    </div>
  );
}
