import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ActivitySection } from '@/components/activity/activity-section';
import { ActivitySkeleton } from '@/components/activity/activity-skeleton';
import { LoyaltyCardSection } from '@/components/loyalty-card/loyalty-card-section';
import { LoyaltyCardSkeleton } from '@/components/loyalty-card/loyalty-card-skeleton';

export const metadata: Metadata = { title: 'Your activity' };

export default function ActivityPage() {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-12 md:flex-row md:items-start">
      <div className="md:sticky md:top-8 md:w-80 md:shrink-0">
        <Suspense fallback={<LoyaltyCardSkeleton />}>
          <LoyaltyCardSection returnTo="/activity" />
        </Suspense>
      </div>
      <div className="flex-1">
        <h1 className="mb-2 text-3xl font-bold">Your activity</h1>
        <p className="mb-6 text-stone-600">Every time your balance changed, newest first.</p>
        <Suspense fallback={<ActivitySkeleton />}>
          <ActivitySection returnTo="/activity" />
        </Suspense>
      </div>
    </main>
  );
}
