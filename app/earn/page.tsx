import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EarnOffersSection } from '@/components/earn/earn-offers-section';
import { PageBesideCard } from '@/components/member-pages/page-beside-card';

export const metadata: Metadata = { title: 'Earn points' };

export default function EarnPage() {
  return (
    <PageBesideCard
      returnTo="/earn"
      title="Earn points"
      intro="Follow us and stay in touch: each of these earns points once."
    >
      <Suspense fallback={<p className="text-stone-600">Loading the ways to earn…</p>}>
        <EarnOffersSection returnTo="/earn" />
      </Suspense>
    </PageBesideCard>
  );
}
