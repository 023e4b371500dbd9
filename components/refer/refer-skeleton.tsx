import { useTranslations } from 'next-intl';

/** The refer section while it loads: the same blocks, pulsing, announced as busy. */
export function ReferSkeleton() {
  const t = useTranslations('Refer');
  return (
    <div aria-busy="true" data-testid="refer-skeleton" className="flex flex-col gap-3">
      <span className="sr-only">{t('loading')}</span>
      {[0, 1, 2].map((key) => (
        <div key={key} className="h-24 animate-pulse rounded-2xl bg-stone-200" />
      ))}
    </div>
  );
}
