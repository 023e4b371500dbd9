import 'server-only';
import { failure, type EarnOffersErrorCode, type Failure } from '@/lib/errors/codes';
import { buildEarnOffers } from '@/lib/loyalty/earn-offers';
import { toEarnOfferView, type EarnOfferView, type OfferMode } from '@/lib/loyalty/earn-page-view';
import type { SessionState } from '@/lib/session/cookies';
import { loadEarnState } from './earn-state';
import { logFailure } from './observe-calls';
import { loadEarningRules } from './site-catalog';

export type EarnOffersResult = { ok: true; offers: EarnOfferView[] } | Failure<EarnOffersErrorCode>;

/**
 * The offers as this viewer should see them: with the member's tier amounts and claimed ones marked done,
 * or with the base amounts and a sign-in (visitor) or join (no account yet) call to action.
 */
export async function loadEarnOffers(session: SessionState): Promise<EarnOffersResult> {
  const state = await loadEarnState(session, { history: true });
  switch (state.status) {
    case 'ready':
      return {
        ok: true,
        offers: state.catalog.offers.map((offer) =>
          toEarnOfferView(offer, 'claim', state.claimedOfferIds.has(offer.id)),
        ),
      };
    case 'unavailable':
      return failure('UPSTREAM_UNAVAILABLE');
    case 'no-account':
      return baseOffers('join-first');
    case 'signed-out':
      return baseOffers('sign-in');
  }
}

async function baseOffers(mode: OfferMode): Promise<EarnOffersResult> {
  try {
    const { offers } = buildEarnOffers(await loadEarningRules(), null);
    return { ok: true, offers: offers.map((offer) => toEarnOfferView(offer, mode, false)) };
  } catch (error) {
    logFailure(error, 'earn offers');
    return failure('UPSTREAM_UNAVAILABLE');
  }
}
