import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { PageBesideCard } from '@/components/member-pages/page-beside-card';
import { TiersSection } from '@/components/tiers/tiers-section';
import { TiersSkeleton } from '@/components/tiers/tiers-skeleton';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Tiers'))('title') };
}

export default async function TiersPage() {
  const t = await getTranslations('Tiers');
  return (
    <PageBesideCard returnTo="/tiers" title={t('title')} intro={t('intro')}>
      <Suspense fallback={<TiersSkeleton />}>
        <TiersSection returnTo="/tiers" />
      </Suspense>
    </PageBesideCard>
  );
}
