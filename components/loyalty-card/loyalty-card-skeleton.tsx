import { useTranslations } from 'next-intl';
import { CardShell } from './card-shell';

function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-stone-200 ${className}`} />;
}

export function LoyaltyCardSkeleton() {
  const t = useTranslations('Card');
  return (
    <CardShell busy label={t('loadingLabel')} testId="loyalty-card-skeleton">
      <Bar className="h-4 w-32" />
      <Bar className="h-12 w-40" />
      <Bar className="h-6 w-28" />
      <div className="grid grid-cols-2 gap-3">
        <Bar className="h-10" />
        <Bar className="h-10" />
        <Bar className="h-10" />
        <Bar className="h-10" />
      </div>
      <Bar className="h-16 w-full" />
      <span className="sr-only">{t('loading')}</span>
    </CardShell>
  );
}
