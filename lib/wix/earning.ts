import 'server-only';
import { v5 as uuidV5 } from 'uuid';
import { failure, type EarnErrorCode } from '@/lib/errors/codes';
import { LOYALTY_APP_ID } from '@/lib/loyalty/earn-config';
import type { EarnOffer } from '@/lib/loyalty/earn-offers';
import type { EarnResult } from '@/lib/loyalty/earn-result';
import { toAccountView } from '@/lib/loyalty/view-model';
import type { SessionState } from '@/lib/session/cookies';
import type { Tokens } from '@wix/sdk';
import { createMemberClient, getAdminClient } from './clients';
import { loadEarnState, type EarnState } from './earn-state';
import { classifyWixFailure, describeWixError } from './errors';

/** Namespace of this app's idempotency keys, so they never collide with keys other apps send Wix. */
const IDEMPOTENCY_NAMESPACE = '6f1c0b8e-3d52-4a77-9a0e-5b8c2f4d7e19';

/**
 * One key per (account, offer): a double click, a second tab, a replayed request or a retry after a
 * timeout all send Wix the same key, and Wix awards the first and replays it for the rest.
 */
export function idempotencyKeyFor(accountId: string, offerId: string): string {
  return uuidV5(`${accountId}:${offerId}`, IDEMPOTENCY_NAMESPACE);
}

const CODE_FOR_STATE: Record<Exclude<EarnState['status'], 'ready'>, EarnErrorCode> = {
  'signed-out': 'SIGN_IN_REQUIRED',
  'no-account': 'NO_LOYALTY_ACCOUNT',
  unavailable: 'UPSTREAM_UNAVAILABLE',
};

/** Whether a one-time activity without a follow record was already awarded: Wix keeps the key on the transaction. */
async function wasAwarded(accountId: string, offer: EarnOffer): Promise<boolean> {
  const { items } = await getAdminClient()
    .transactions.queryLoyaltyTransactions()
    .eq('accountId', accountId)
    .eq('idempotencyKey', idempotencyKeyFor(accountId, offer.id))
    .limit(1)
    .find();
  return items.length > 0;
}

/**
 * Awards an offer to the signed-in member. Everything that matters is decided here: the account comes
 * from the member's own token, the points from the site's earning rules, and the idempotency key from
 * the two, so no input from the browser can change whose account or how many points.
 */
export async function claimOffer(
  session: SessionState,
  offerId: string,
  /** A last say before any write, given the member's account id: the per-member rate limit. */
  guard: (accountId: string) => Promise<EarnErrorCode | null> = async () => null,
): Promise<EarnResult> {
  const state = await loadEarnState(session);
  if (state.status !== 'ready') return failure(CODE_FOR_STATE[state.status]);
  const { member, catalog, claimedOfferIds } = state;
  if (!member.snapshot.program.active) return failure('PROGRAM_INACTIVE');

  const offer = catalog.offers.find((candidate) => candidate.id === offerId);
  if (!offer) {
    return failure(catalog.disabledOfferIds.includes(offerId) ? 'ACTIVITY_DISABLED' : 'INVALID_ACTIVITY');
  }
  if (claimedOfferIds.has(offer.id)) return failure('ALREADY_CLAIMED');

  const refusal = await guard(member.accountId);
  if (refusal) return failure(refusal);
  try {
    if (offer.kind === 'activity' && (await wasAwarded(member.accountId, offer)))
      return failure('ALREADY_CLAIMED');

    const earned = await getAdminClient().accounts.earnPoints(member.accountId, {
      amount: offer.points,
      idempotencyKey: idempotencyKeyFor(member.accountId, offer.id),
      appId: LOYALTY_APP_ID,
      activityType: offer.activityType,
      description: offer.wixDescription,
      ...(offer.channel ? { followedSocialMedia: { channel: offer.channel } } : {}),
    });
    if (!earned.account || !earned.transactionId) throw new Error('earnPoints answered without an account');
    if (offer.channel) await recordFollow(member.tokens, offer.channel);
    return {
      ok: true,
      account: toAccountView(earned.account, member.snapshot.tiersProgram),
      transactionId: earned.transactionId,
      points: offer.points,
    };
  } catch (error) {
    if (classifyWixFailure(error) === 'unauthenticated') return failure('SIGN_IN_REQUIRED');
    console.error(`[earn] award ${offer.id}: ${describeWixError(error)}`);
    return failure('UPSTREAM_UNAVAILABLE');
  }
}

/**
 * The follow is recorded after the award, so "followed" always means "paid". If recording fails the
 * points stay awarded; the next claim replays the same key (nothing new) and records it then.
 */
async function recordFollow(tokens: Tokens, channel: NonNullable<EarnOffer['channel']>) {
  try {
    await createMemberClient(tokens).socialMedia.createFollowedChannel({ channel });
  } catch (error) {
    // A concurrent claim recorded it first, which is the outcome we wanted.
    if (classifyWixFailure(error) === 'conflict') return;
    console.warn(`[earn] follow of ${channel} not recorded: ${describeWixError(error)}`);
  }
}
