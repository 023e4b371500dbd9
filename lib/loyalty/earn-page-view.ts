import type { EarnOffer } from './earn-offers';
import { SOCIAL_PROFILES } from './earn-config';

/** How a visitor, a member without an account, and a member each meet an offer. */
export type OfferMode = 'sign-in' | 'join-first' | 'claim';

export type EarnOfferView = {
  id: string;
  title: string;
  points: number;
  profileUrl: string | null;
  channelLabel: string | null;
  claimed: boolean;
  mode: OfferMode;
};

export function toEarnOfferView(offer: EarnOffer, mode: OfferMode, claimed: boolean): EarnOfferView {
  return {
    id: offer.id,
    title: offer.title,
    points: offer.points,
    profileUrl: offer.profileUrl,
    channelLabel: offer.channel ? SOCIAL_PROFILES[offer.channel].label : null,
    claimed,
    mode,
  };
}
