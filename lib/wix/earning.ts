import 'server-only';
import type { Tokens } from '@wix/sdk';
import { failure, type EarnErrorCode } from '@/lib/errors/codes';
import { LOYALTY_APP_ID, type SocialChannel } from '@/lib/loyalty/earn-config';
import { offerForEveryTier, type EarnOffer } from '@/lib/loyalty/earn-offers';
import type { EarnResult } from '@/lib/loyalty/earn-result';
import { toAccountView } from '@/lib/loyalty/view-model';
import { isExpired, type SessionState } from '@/lib/session/cookies';
import { createMemberClient, getAdminClient } from './clients';
import { paidOffers } from './earn-history';
import {
  earnStateFrom,
  isSettling,
  listFollows,
  loadEarnState,
  type EarnState,
  type MemberWithAccount,
} from './earn-state';
import { classifyWixFailure } from './errors';
import { idempotencyKeyFor } from './idempotency';
import { knownAccountId } from './known-accounts';
import { loadMemberContext } from './member-context';
import { logFailure } from './observe-calls';
import { loadEarningRules, loadProgramSnapshot } from './site-catalog';

const CODE_FOR_STATE: Record<Exclude<EarnState['status'], 'ready'>, EarnErrorCode> = {
  'signed-out': 'SIGN_IN_REQUIRED',
  'no-account': 'NO_LOYALTY_ACCOUNT',
  unavailable: 'UPSTREAM_UNAVAILABLE',
};

const CODE_FOR_FAILURE: Partial<Record<ReturnType<typeof classifyWixFailure>, EarnErrorCode>> = {
  unauthenticated: 'SIGN_IN_REQUIRED',
  precondition: 'ACTIVITY_DISABLED',
};

export type ClaimOptions = {
  /**
   * A last say before any write, given the member's account id: the per-member rate limit. A claim whose
   * account is known before it reads anything asks it first; should the account Wix then returns differ,
   * it asks again for that one before any further write.
   */
  guard?: (accountId: string) => Promise<EarnErrorCode | null>;
  /** The clock that decides whether an unpaid follow was abandoned; tests move it. */
  now?: () => number;
};

/**
 * Awards an offer to the signed-in member. Everything that matters is decided here: the account comes
 * from the member's own token, the points from the site's earning rules, and the idempotency key from the
 * two, so no input from the browser can change whose account or how many points.
 */
export async function claimOffer(
  session: SessionState,
  offerId: string,
  options: ClaimOptions = {},
): Promise<EarnResult> {
  const ahead = session.status === 'member' ? await claimWithKnownAccount(session, offerId, options) : null;
  if (ahead) return ahead;

  const { guard = async () => null, now = Date.now } = options;
  const state = await loadEarnState(session, { history: false });
  if (state.status !== 'ready') return failure(CODE_FOR_STATE[state.status]);
  const { member, catalog } = state;
  if (!member.snapshot.program.active) return failure('PROGRAM_INACTIVE');

  const offer = catalog.offers.find((candidate) => candidate.id === offerId);
  if (!offer) {
    return failure(catalog.disabledOfferIds.includes(offerId) ? 'ACTIVITY_DISABLED' : 'INVALID_ACTIVITY');
  }
  const refusal = await guard(member.accountId);
  if (refusal) return failure(refusal);

  try {
    if (!offer.channel) return await claimActivity(member, offer);
    const follow = state.follows.get(offer.channel);
    return follow
      ? await recoverFollow(member, offer, isSettling(follow, now()))
      : await claimFollow(member, offer);
  } catch (error) {
    return awardFailure(offer, error);
  }
}

/**
 * A claim whose account this server already knows for the member's token (`knownAccountId`): the limit is
 * counted on it before anything is read, so the claim's first step runs alongside the member context
 * instead of after it, recording the follow or reading the account's history. A follow Wix pays for, or a
 * one-time activity, then costs two round trips. Everything is decided as on the other path: the member
 * context still says whose account it is and what the offer pays, and a history read made for another
 * account is read again. A follow recorded while the member context failed is left to a later claim, like
 * one whose payment was lost (`recoverFollow`). Null, before any write or limit, when the claim cannot start
 * this way (no known account, the program paused, an offer some tier cannot earn): the other path then
 * gives every answer.
 */
async function claimWithKnownAccount(
  session: Extract<SessionState, { status: 'member' }>,
  offerId: string,
  { guard = async () => null, now = Date.now }: ClaimOptions,
): Promise<EarnResult | null> {
  const knownId = knownAccountId(session.tokens);
  if (!knownId || isExpired(session.tokens)) return null;
  // Cached for minutes: no round trip once warm.
  const site = await Promise.all([loadProgramSnapshot(), loadEarningRules()]).catch(() => null);
  const early = site && offerForEveryTier(site[1], offerId);
  if (!site || !site[0].program.active || !early) return null;
  const refusal = await guard(knownId);
  if (refusal) return failure(refusal);

  const { tokens } = session;
  const [context, followed, first] = await Promise.allSettled([
    loadMemberContext(session),
    listFollows(tokens),
    early.channel ? recordFollow(tokens, early.channel).then(() => null) : paidOffers(knownId, [early]),
  ]);
  const state = earnStateFrom(context, followed, { status: 'fulfilled', value: site[1] });
  if (state.status !== 'ready') return failure(CODE_FOR_STATE[state.status]);
  const { member } = state;
  const offer = state.catalog.offers.find((candidate) => candidate.id === offerId);
  if (!offer) return failure('ACTIVITY_DISABLED');
  const sameAccount = member.accountId === knownId;
  if (!sameAccount) {
    const again = await guard(member.accountId);
    if (again) return failure(again);
  }

  try {
    if (!offer.channel) {
      if (!sameAccount) return await claimActivity(member, offer);
      if (first.status === 'rejected') throw first.reason;
      return await claimActivity(member, offer, first.value ?? undefined);
    }
    if (first.status === 'fulfilled') return await settleRecordedFollow(member, offer);
    if (classifyWixFailure(first.reason) !== 'conflict') throw first.reason;
    // Someone recorded it first: a repeat, or a claim that may have lost its payment.
    const follow = state.follows.get(offer.channel);
    return follow
      ? await recoverFollow(member, offer, isSettling(follow, now()))
      : failure('ALREADY_CLAIMED');
  } catch (error) {
    return awardFailure(offer, error);
  }
}

function awardFailure(offer: EarnOffer, error: unknown): EarnResult {
  const code = CODE_FOR_FAILURE[classifyWixFailure(error)];
  if (code) return failure(code);
  logFailure(error, `earn: award ${offer.id}`);
  return failure('UPSTREAM_UNAVAILABLE');
}

/** A one-time activity Wix does not reward by itself: paid once, whoever paid it first. */
async function claimActivity(
  member: MemberWithAccount,
  offer: EarnOffer,
  paid?: Map<string, string>,
): Promise<EarnResult> {
  if ((paid ?? (await paidOffers(member.accountId, [offer]))).has(offer.id))
    return failure('ALREADY_CLAIMED');
  return payWithKey(member, offer);
}

/**
 * Wix pays for a follow by itself ("after following a social media channel, the customer's loyalty account
 * receives some loyalty points"), so recording the follow *is* the claim, and Wix lets only one claim record
 * it: every concurrent claim but one gets a conflict and pays nothing. The one that recorded it then reads
 * the account and its history; if Wix did not pay (a site or case where it does not), it pays with this
 * app's idempotency key, so a retry can never pay twice either.
 */
async function claimFollow(member: MemberWithAccount, offer: EarnOffer): Promise<EarnResult> {
  try {
    await recordFollow(member.tokens, offer.channel!);
  } catch (error) {
    if (classifyWixFailure(error) === 'conflict') return failure('ALREADY_CLAIMED');
    throw error;
  }
  return settleRecordedFollow(member, offer);
}

async function recordFollow(tokens: Tokens, channel: SocialChannel): Promise<void> {
  await createMemberClient(tokens).socialMedia.createFollowedChannel({ channel });
}

/** The claim that recorded the follow: Wix's own award if it paid, else ours. */
async function settleRecordedFollow(member: MemberWithAccount, offer: EarnOffer): Promise<EarnResult> {
  const [paid, account] = await Promise.all([
    paidOffers(member.accountId, [offer]),
    createMemberClient(member.tokens).accounts.getCurrentMemberAccount(),
  ]);
  const transactionId = paid.get(offer.id);
  if (!transactionId) return payWithKey(member, offer);
  if (!account.account) throw new Error('getCurrentMemberAccount answered without an account');
  return {
    ok: true,
    account: toAccountView(account.account, member.snapshot.tiersProgram),
    transactionId,
    points: offer.points,
  };
}

/**
 * A claim of a channel already followed. Normally it was paid and this is a repeat. If the claim that
 * followed it lost its payment (Wix did not pay and our award failed), it is paid now, with the same key;
 * but only once that claim has had time to settle, so two claims never pay for one follow.
 */
async function recoverFollow(
  member: MemberWithAccount,
  offer: EarnOffer,
  settling: boolean,
): Promise<EarnResult> {
  if ((await paidOffers(member.accountId, [offer])).has(offer.id)) return failure('ALREADY_CLAIMED');
  if (settling) return failure('UPSTREAM_UNAVAILABLE');
  return payWithKey(member, offer);
}

async function payWithKey(member: MemberWithAccount, offer: EarnOffer): Promise<EarnResult> {
  const earned = await getAdminClient().accounts.earnPoints(member.accountId, {
    amount: offer.points,
    idempotencyKey: idempotencyKeyFor(member.accountId, offer.id),
    appId: LOYALTY_APP_ID,
    activityType: offer.activityType,
    description: offer.wixDescription,
    ...(offer.channel ? { followedSocialMedia: { channel: offer.channel } } : {}),
  });
  if (!earned.account || !earned.transactionId) throw new Error('earnPoints answered without an account');
  return {
    ok: true,
    account: toAccountView(earned.account, member.snapshot.tiersProgram),
    transactionId: earned.transactionId,
    points: offer.points,
  };
}
