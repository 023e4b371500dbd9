import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { ActivitySection } from '@/components/activity/activity-section';
import { ActivitySkeleton } from '@/components/activity/activity-skeleton';
import { PageBesideCard } from '@/components/member-pages/page-beside-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Metadata'))('activityTitle') };
}

export default async function ActivityPage() {
  const t = await getTranslations('Pages');
  return (
    <PageBesideCard returnTo="/activity" title={t('activityTitle')} intro={t('activityIntro')}>
      <Suspense fallback={<ActivitySkeleton />}>
        <ActivitySection returnTo="/activity" />
      </Suspense>
    </PageBesideCard>
  );
}
