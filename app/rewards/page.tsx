import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoyaltyCardSection } from '@/components/loyalty-card/loyalty-card-section';
import { LoyaltyCardSkeleton } from '@/components/loyalty-card/loyalty-card-skeleton';
import { RewardsSection } from '@/components/rewards/rewards-section';
import { RewardsSkeleton } from '@/components/rewards/rewards-skeleton';

export const metadata: Metadata = { title: 'Rewards' };

export default function RewardsPage() {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-12 md:flex-row md:items-start">
      <div className="md:sticky md:top-8 md:w-80 md:shrink-0">
        <Suspense fallback={<LoyaltyCardSkeleton />}>
          <LoyaltyCardSection returnTo="/rewards" />
        </Suspense>
      </div>
      <div className="flex-1">
        <h1 className="mb-2 text-3xl font-bold">Rewards</h1>
        <p className="mb-6 text-stone-600">
          Spend your points on a coupon, and find the coupons you already have.
        </p>
        <Suspense fallback={<RewardsSkeleton />}>
          <RewardsSection returnTo="/rewards" />
        </Suspense>
      </div>
    </main>
  );
}
