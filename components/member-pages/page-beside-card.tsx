import { Suspense, type ReactNode } from 'react';
import { LoyaltyCardSection } from '@/components/loyalty-card/loyalty-card-section';
import { LoyaltyCardSkeleton } from '@/components/loyalty-card/loyalty-card-skeleton';

/** A page with the loyalty card beside its content (above it on a phone), each streaming in on its own. */
export function PageBesideCard({
  returnTo,
  title,
  intro,
  children,
}: {
  returnTo: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-12 md:flex-row md:items-start">
      <div className="md:sticky md:top-8 md:w-80 md:shrink-0">
        <Suspense fallback={<LoyaltyCardSkeleton />}>
          <LoyaltyCardSection returnTo={returnTo} />
        </Suspense>
      </div>
      <div className="flex-1">
        <h1 className="mb-2 text-3xl font-bold">{title}</h1>
        <p className="mb-8 text-stone-600">{intro}</p>
        {children}
      </div>
    </main>
  );
}
