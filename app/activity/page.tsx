import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ActivitySection } from '@/components/activity/activity-section';
import { ActivitySkeleton } from '@/components/activity/activity-skeleton';
import { PageBesideCard } from '@/components/member-pages/page-beside-card';

export const metadata: Metadata = { title: 'Your activity' };

export default function ActivityPage() {
  return (
    <PageBesideCard
      returnTo="/activity"
      title="Your activity"
      intro="Every time your balance changed, newest first."
    >
      <Suspense fallback={<ActivitySkeleton />}>
        <ActivitySection returnTo="/activity" />
      </Suspense>
    </PageBesideCard>
  );
}
