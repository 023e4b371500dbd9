import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageBesideCard } from '@/components/member-pages/page-beside-card';
import { RewardsSection } from '@/components/rewards/rewards-section';
import { RewardsSkeleton } from '@/components/rewards/rewards-skeleton';

export const metadata: Metadata = { title: 'Rewards' };

export default function RewardsPage() {
  return (
    <PageBesideCard
      returnTo="/rewards"
      title="Rewards"
      intro="Spend your points on a coupon, and find the coupons you already have."
    >
      <Suspense fallback={<RewardsSkeleton />}>
        <RewardsSection returnTo="/rewards" />
      </Suspense>
    </PageBesideCard>
  );
}
