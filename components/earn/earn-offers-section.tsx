import 'server-only';
import { loadProgramSnapshot } from '@/lib/wix/loyalty';
import { loadEarnOffers } from '@/lib/wix/earn-page';
import { readRequestSession } from '@/lib/wix/request-session';
import { EarnOfferList } from './earn-offer-list';

export async function EarnOffersSection({ returnTo }: { returnTo: string }) {
  const { session } = await readRequestSession();
  const [offers, snapshot] = await Promise.all([
    loadEarnOffers(session),
    loadProgramSnapshot().catch(() => null),
  ]);
  if (!offers.ok) {
    return (
      <p role="alert" className="rounded-xl bg-amber-50 p-4 text-amber-900">
        We could not load the ways to earn points just now. Please reload the page in a moment.
      </p>
    );
  }
  const pointsName = snapshot?.program.pointsName ?? 'Points';
  return <EarnOfferList offers={offers.offers} pointsName={pointsName} returnTo={returnTo} />;
}
