import 'server-only';
import type { Tokens } from '@wix/sdk';
import { buildEarnOffers, type EarnOfferCatalog } from '@/lib/loyalty/earn-offers';
import type { SessionState } from '@/lib/session/cookies';
import { createMemberClient } from './clients';
import { firstEarnPage, paidOffers } from './earn-history';
import { anyUnauthenticated, firstFailure } from './errors';
import { knownAccountId } from './known-accounts';
import { loadMemberContext, type MemberContext } from './member-context';
import { logFailure } from './observe-calls';
import { loadEarningRules } from './site-catalog';
import type { WixEarningRule } from './types';

export type MemberWithAccount = Extract<MemberContext, { status: 'member' }>;

export type FollowRecord = { channel: string; createdDate: Date | null };

/** What a member can earn and has already earned, or why we cannot tell. */
export type EarnState =
  | {
      status: 'ready';
      member: MemberWithAccount;
      catalog: EarnOfferCatalog;
      /** Follows recorded for this account, by channel. */
      follows: Map<string, FollowRecord>;
      /** Offers already paid or, for a follow, already taken by a claim. */
      claimedOfferIds: Set<string>;
    }
  | { status: 'signed-out' | 'no-account' | 'unavailable' };

/**
 * How long a follow may stay unpaid before we call it abandoned: the claim that recorded it settles the
 * payment within a second or two, and until then no other claim may pay for it.
 */
export const FOLLOW_SETTLE_MS = 30_000;

/** A follow too young to have been abandoned by the claim that made it. */
export function isSettling(follow: FollowRecord, now: number): boolean {
  return !follow.createdDate || now - follow.createdDate.getTime() < FOLLOW_SETTLE_MS;
}

/**
 * Reads, concurrently with the member context, the site's earning rules and the follows recorded for the
 * account, so a claim starts with one round trip. With `history` (the earn page), it reads the account's
 * history too (alongside, when the account is already known; else after), so a one-time activity paid by
 * anyone shows as done, and so does a follow that was paid or is still being settled; a follow whose
 * payment was lost can be claimed again.
 */
export async function loadEarnState(
  session: SessionState,
  { history, now = Date.now() }: { history: boolean; now?: number },
): Promise<EarnState> {
  if (session.status !== 'member') return { status: 'signed-out' };
  // A member whose account we already know (any page they saw before) has its history read alongside.
  const knownId = history ? knownAccountId(session.tokens) : null;
  const early = knownId ? firstEarnPage(knownId) : null;
  // Met, if at all, where the page is used; never an unhandled rejection when it is not.
  early?.catch(() => undefined);
  const [context, followed, rules] = await Promise.allSettled([
    loadMemberContext(session),
    listFollows(session.tokens),
    loadEarningRules(),
  ]);
  const state = earnStateFrom(context, followed, rules);
  if (state.status !== 'ready' || !history) return state;

  const { member, catalog, follows, claimedOfferIds } = state;
  const taken = catalog.offers.filter((offer) => offer.channel && follows.has(offer.channel));
  const activities = catalog.offers.filter((offer) => offer.kind === 'activity');
  let paid: Map<string, string>;
  try {
    const readAhead = member.accountId === knownId ? early : null;
    paid = await paidOffers(member.accountId, [...activities, ...taken], readAhead ?? undefined);
  } catch (error) {
    logFailure(error, 'earn state: history');
    return { status: 'unavailable' };
  }
  for (const offer of taken) {
    const follow = follows.get(offer.channel!)!;
    if (!paid.has(offer.id) && !isSettling(follow, now)) claimedOfferIds.delete(offer.id);
  }
  for (const offer of activities) if (paid.has(offer.id)) claimedOfferIds.add(offer.id);
  return { status: 'ready', member, catalog, follows, claimedOfferIds };
}

/**
 * The earn state, without history, from the member context, the account's follows and the earning rules,
 * read by the caller alongside whatever else it needed.
 */
export function earnStateFrom(
  context: PromiseSettledResult<MemberContext>,
  followed: PromiseSettledResult<Map<string, FollowRecord>>,
  rules: PromiseSettledResult<WixEarningRule[]>,
): EarnState {
  // The member context settles, never rejects: it reports Wix's failures as its own states.
  const member = context.status === 'fulfilled' ? context.value : ({ status: 'unavailable' } as const);
  if (member.status === 'signed-out' || anyUnauthenticated([followed])) return { status: 'signed-out' };
  if (member.status !== 'member') return { status: member.status };
  if (followed.status === 'rejected' || rules.status === 'rejected') {
    logFailure(firstFailure([followed, rules]), 'earn state: offers or follows');
    return { status: 'unavailable' };
  }

  const catalog = buildEarnOffers(rules.value, member.tierId);
  const follows = followed.value;
  const taken = catalog.offers.filter((offer) => offer.channel && follows.has(offer.channel));
  return { status: 'ready', member, catalog, follows, claimedOfferIds: new Set(taken.map((o) => o.id)) };
}

/** The channels this member's token has followed, with when. */
export async function listFollows(tokens: Tokens): Promise<Map<string, FollowRecord>> {
  const { followedChannels } = await createMemberClient(tokens).socialMedia.listFollowedChannels();
  const follows = new Map<string, FollowRecord>();
  for (const { channel, _createdDate } of followedChannels ?? []) {
    if (channel) follows.set(channel, { channel, createdDate: _createdDate ? new Date(_createdDate) : null });
  }
  return follows;
}
