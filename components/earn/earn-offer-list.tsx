'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { EarnOfferView } from '@/lib/loyalty/earn-page-view';
import { signInHref } from '@/components/loyalty-card/sign-in-link';
import { OfferCard } from './offer-card';

/** The offers, with one polite live region that reads out each action's result. */
export function EarnOfferList({
  offers,
  pointsName,
  returnTo,
}: {
  offers: EarnOfferView[];
  pointsName: string;
  returnTo: string;
}) {
  const t = useTranslations('Earn');
  const [announcement, setAnnouncement] = useState('');

  return (
    <section aria-labelledby="earn-heading" className="w-full">
      <h2 id="earn-heading" className="mb-4 text-xl font-bold">
        {t('heading')}
      </h2>
      <p
        role="status"
        aria-live="polite"
        data-testid="earn-status"
        className="mb-4 min-h-6 text-sm font-medium"
      >
        {announcement}
      </p>
      {offers.length === 0 ? (
        <p className="text-stone-600">{t('nothing')}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {offers.map((offer) => (
            <OfferCard
              key={offer.id}
              offer={offer}
              pointsName={pointsName}
              signInHref={signInHref(returnTo)}
              onAnnounce={setAnnouncement}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
