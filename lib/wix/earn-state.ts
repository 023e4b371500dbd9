import 'server-only';
import { buildEarnOffers, type EarnOfferCatalog } from '@/lib/loyalty/earn-offers';
import type { SessionState } from '@/lib/session/cookies';
import { createMemberClient } from './clients';
import { anyUnauthenticated, describeWixError, firstFailure } from './errors';
import { loadMemberContext, type MemberContext } from './member-context';
import { loadEarningRules } from './site-catalog';

export type MemberWithAccount = Extract<MemberContext, { status: 'member' }>;

/** What a member can earn and has already earned, or why we cannot tell. */
export type EarnState =
  | { status: 'ready'; member: MemberWithAccount; catalog: EarnOfferCatalog; claimedOfferIds: Set<string> }
  | { status: 'signed-out' | 'no-account' | 'unavailable' };

/**
 * Reads, concurrently with the member context, the site's earning rules and the follows already recorded
 * (a follow is recorded only after its points were awarded), so a claim still starts with one round trip.
 */
export async function loadEarnState(session: SessionState): Promise<EarnState> {
  if (session.status !== 'member') return { status: 'signed-out' };
  const [context, followed, rules] = await Promise.allSettled([
    loadMemberContext(session),
    createMemberClient(session.tokens).socialMedia.listFollowedChannels(),
    loadEarningRules(),
  ]);
  // The member context settles, never rejects: it reports Wix's failures as its own states.
  const member = context.status === 'fulfilled' ? context.value : ({ status: 'unavailable' } as const);
  if (member.status === 'signed-out' || anyUnauthenticated([followed])) return { status: 'signed-out' };
  if (member.status !== 'member') return { status: member.status };
  if (followed.status === 'rejected' || rules.status === 'rejected') {
    console.error(`[earn] offers or follows: ${describeWixError(firstFailure([followed, rules]))}`);
    return { status: 'unavailable' };
  }

  const catalog = buildEarnOffers(rules.value, member.tierId);
  const channels = new Set((followed.value.followedChannels ?? []).map((follow) => follow.channel));
  const claimedOfferIds = new Set(
    catalog.offers.filter((offer) => offer.channel && channels.has(offer.channel)).map((offer) => offer.id),
  );
  return { status: 'ready', member, catalog, claimedOfferIds };
}
