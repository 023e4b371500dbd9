import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { LoyaltyCardSection } from '@/components/loyalty-card/loyalty-card-section';
import { LoyaltyCardSkeleton } from '@/components/loyalty-card/loyalty-card-skeleton';

export default async function HomePage() {
  const t = await getTranslations('Home');
  return (
    <main className="mx-auto flex max-w-3xl flex-col items-center gap-8 px-4 py-12">
      <header className="text-center">
        <h1 className="text-3xl font-bold">{t('heading')}</h1>
        <p className="mt-2 text-stone-600">{t('intro')}</p>
      </header>
      <Suspense fallback={<LoyaltyCardSkeleton />}>
        <LoyaltyCardSection returnTo="/" />
      </Suspense>
    </main>
  );
}
