import 'server-only';
import { getTranslations } from 'next-intl/server';
import { readSession } from '@/lib/session/request-session';
import { loadEarnOffers } from '@/lib/wix/earn-page';
import { loadProgramSnapshot } from '@/lib/wix/site-catalog';
import { EarnOfferList } from './earn-offer-list';

export async function EarnOffersSection({ returnTo }: { returnTo: string }) {
  const [offers, snapshot] = await Promise.all([
    loadEarnOffers(await readSession()),
    loadProgramSnapshot().catch(() => null),
  ]);
  if (!offers.ok) {
    const t = await getTranslations('Earn');
    return (
      <p role="alert" className="rounded-xl bg-amber-50 p-4 text-amber-900">
        {t('loadFailed')}
      </p>
    );
  }
  const pointsName = snapshot?.program.pointsName ?? 'Points';
  return <EarnOfferList offers={offers.offers} pointsName={pointsName} returnTo={returnTo} />;
}
