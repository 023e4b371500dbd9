import 'server-only';
import { buildEarnOffers } from '@/lib/loyalty/earn-offers';
import { toEarnOfferView, type EarnOfferView } from '@/lib/loyalty/earn-page-view';
import { describeWixError } from './errors';
import { loadEarningRules, loadMemberEarnContext } from './earning';
import type { SessionInput } from './loyalty';

export type EarnOffersResult =
  { ok: true; offers: EarnOfferView[] } | { ok: false; code: 'UPSTREAM_UNAVAILABLE' };

/**
 * The offers as this viewer should see them: with the member's tier amounts and claimed ones marked done,
 * or with the base amounts and a sign-in (visitor) or join (no account yet) call to action.
 */
export async function loadEarnOffers(session: SessionInput): Promise<EarnOffersResult> {
  try {
    if (session?.role === 'member') {
      const context = await loadMemberEarnContext(session.tokens);
      if (context.ok) {
        const offers = context.catalog.offers.map((offer) =>
          toEarnOfferView(offer, 'claim', context.claimedOfferIds.has(offer.id)),
        );
        return { ok: true, offers };
      }
      if (context.code === 'UPSTREAM_UNAVAILABLE') return { ok: false, code: 'UPSTREAM_UNAVAILABLE' };
      const mode = context.code === 'NO_LOYALTY_ACCOUNT' ? 'join-first' : 'sign-in';
      return { ok: true, offers: await baseOffers(mode) };
    }
    return { ok: true, offers: await baseOffers('sign-in') };
  } catch (error) {
    console.error(`[earn] offers: ${describeWixError(error)}`);
    return { ok: false, code: 'UPSTREAM_UNAVAILABLE' };
  }
}

async function baseOffers(mode: 'sign-in' | 'join-first'): Promise<EarnOfferView[]> {
  const { offers } = buildEarnOffers(await loadEarningRules(), null);
  return offers.map((offer) => toEarnOfferView(offer, mode, false));
}
