import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EarnOffersSection } from '@/components/earn/earn-offers-section';
import { LoyaltyCardSection } from '@/components/loyalty-card/loyalty-card-section';
import { LoyaltyCardSkeleton } from '@/components/loyalty-card/loyalty-card-skeleton';

export const metadata: Metadata = { title: 'Earn points' };

export default function EarnPage() {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-12 md:flex-row md:items-start">
      <div className="md:sticky md:top-8 md:w-80 md:shrink-0">
        <Suspense fallback={<LoyaltyCardSkeleton />}>
          <LoyaltyCardSection returnTo="/earn" />
        </Suspense>
      </div>
      <div className="flex-1">
        <h1 className="mb-2 text-3xl font-bold">Earn points</h1>
        <p className="mb-8 text-stone-600">Follow us and stay in touch: each of these earns points once.</p>
        <Suspense fallback={<p className="text-stone-600">Loading the ways to earn…</p>}>
          <EarnOffersSection returnTo="/earn" />
        </Suspense>
      </div>
    </main>
  );
}
