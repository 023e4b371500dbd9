import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { PageBesideCard } from '@/components/member-pages/page-beside-card';
import { ReferSection } from '@/components/refer/refer-section';
import { ReferSkeleton } from '@/components/refer/refer-skeleton';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Refer'))('title') };
}

export default async function ReferPage() {
  const t = await getTranslations('Refer');
  return (
    <PageBesideCard returnTo="/refer" title={t('title')} intro={t('intro')}>
      <Suspense fallback={<ReferSkeleton />}>
        <ReferSection returnTo="/refer" />
      </Suspense>
    </PageBesideCard>
  );
}
