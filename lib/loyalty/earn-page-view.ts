import type { EarnOffer } from './earn-offers';
import type { SocialChannel } from './earn-config';
import { SOCIAL_PROFILES } from './earn-config';

/** How a visitor, a member without an account, and a member each meet an offer. */
export type OfferMode = 'sign-in' | 'join-first' | 'claim';

/** An offer as the earn page shows it; the words around it come from the components. */
export type EarnOfferView = {
  id: string;
  kind: EarnOffer['kind'];
  channel: SocialChannel | null;
  points: number;
  profileUrl: string | null;
  /** The network's own name, shown as is in every language. */
  channelLabel: string | null;
  claimed: boolean;
  mode: OfferMode;
};

export function toEarnOfferView(offer: EarnOffer, mode: OfferMode, claimed: boolean): EarnOfferView {
  return {
    id: offer.id,
    kind: offer.kind,
    channel: offer.channel,
    points: offer.points,
    profileUrl: offer.profileUrl,
    channelLabel: offer.channel ? SOCIAL_PROFILES[offer.channel].label : null,
    claimed,
    mode,
  };
}
