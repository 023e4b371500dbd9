import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { PageBesideCard } from '@/components/member-pages/page-beside-card';
import { RewardsSection } from '@/components/rewards/rewards-section';
import { RewardsSkeleton } from '@/components/rewards/rewards-skeleton';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Metadata'))('rewardsTitle') };
}

export default async function RewardsPage() {
  const t = await getTranslations('Pages');
  return (
    <PageBesideCard returnTo="/rewards" title={t('rewardsTitle')} intro={t('rewardsIntro')}>
      <Suspense fallback={<RewardsSkeleton />}>
        <RewardsSection returnTo="/rewards" />
      </Suspense>
    </PageBesideCard>
  );
}
