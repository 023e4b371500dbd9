import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { EarnOffersSection } from '@/components/earn/earn-offers-section';
import { PageBesideCard } from '@/components/member-pages/page-beside-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Metadata'))('earnTitle') };
}

export default async function EarnPage() {
  const t = await getTranslations('Pages');
  return (
    <PageBesideCard returnTo="/earn" title={t('earnTitle')} intro={t('earnIntro')}>
      <Suspense fallback={<p className="text-stone-600">{t('earnLoading')}</p>}>
        <EarnOffersSection returnTo="/earn" />
      </Suspense>
    </PageBesideCard>
  );
}
