import { useTranslations } from 'next-intl';

/** The history while it loads: rows of the same height, pulsing, announced as busy. */
export function ActivitySkeleton() {
  const t = useTranslations('Activity');
  return (
    <div aria-busy="true" data-testid="activity-skeleton" className="flex flex-col gap-2">
      <span className="sr-only">{t('loading')}</span>
      {[0, 1, 2, 3, 4].map((key) => (
        <div key={key} className="h-16 animate-pulse rounded-xl bg-stone-200" />
      ))}
    </div>
  );
}
