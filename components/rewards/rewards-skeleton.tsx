import { useTranslations } from 'next-intl';

/** The rewards section while it loads: the same blocks, pulsing, announced as busy. */
export function RewardsSkeleton() {
  const t = useTranslations('Rewards');
  return (
    <div aria-busy="true" data-testid="rewards-skeleton" className="flex flex-col gap-4">
      <span className="sr-only">{t('loading')}</span>
      <div className="h-6 w-32 animate-pulse rounded bg-stone-200" />
      <div className="grid gap-4 sm:grid-cols-2">
        {[0, 1, 2, 3].map((key) => (
          <div key={key} className="h-36 animate-pulse rounded-2xl bg-stone-200" />
        ))}
      </div>
      <div className="h-6 w-40 animate-pulse rounded bg-stone-200" />
      <div className="h-20 animate-pulse rounded-2xl bg-stone-200" />
    </div>
  );
}
