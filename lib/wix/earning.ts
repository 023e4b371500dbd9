import 'server-only';
import { v5 as uuidV5 } from 'uuid';
import { memoizeWithTtl } from '@/lib/cache/memoize-with-ttl';
import { LOYALTY_APP_ID } from '@/lib/loyalty/earn-config';
import { buildEarnOffers, type EarnOffer, type EarnOfferCatalog } from '@/lib/loyalty/earn-offers';
import { earnFailure, type EarnErrorCode, type EarnResult } from '@/lib/loyalty/earn-result';
import { toAccountView } from '@/lib/loyalty/view-model';
import { createMemberClient, getAdminClient } from './clients';
import { readCurrentMemberAccount } from './member-reads';
import { anyAuthFailure, describeWixError, firstFailure, isAuthFailure, readWixFailure } from './errors';
import { PROGRAM_TTL_MS, loadProgramSnapshot, type SessionInput } from './loyalty';
import type { WixEarningRule, WixLoyaltyAccount } from './types';

/** Namespace of this app's idempotency keys, so they never collide with keys other apps send Wix. */
const IDEMPOTENCY_NAMESPACE = '6f1c0b8e-3d52-4a77-9a0e-5b8c2f4d7e19';

/**
 * One key per (account, offer): a double click, a second tab, a replayed request or a retry after a
 * timeout all send Wix the same key, and Wix awards the first and replays it for the rest.
 */
export function idempotencyKeyFor(accountId: string, offerId: string): string {
  return uuidV5(`${accountId}:${offerId}`, IDEMPOTENCY_NAMESPACE);
}

export const loadEarningRules = memoizeWithTtl(async (): Promise<WixEarningRule[]> => {
  const response = await getAdminClient().earningRules.listEarningRules();
  return response.earningRules ?? [];
}, PROGRAM_TTL_MS);

export type MemberEarnContext =
  | { ok: true; account: WixLoyaltyAccount; catalog: EarnOfferCatalog; claimedOfferIds: Set<string> }
  | { ok: false; code: 'SIGN_IN_REQUIRED' | 'NO_LOYALTY_ACCOUNT' | 'UPSTREAM_UNAVAILABLE' };

/**
 * Reads, concurrently, what a claim needs to know about the member: their account, the offers for their
 * tier, and the follows already recorded (a follow is recorded only after its points were awarded).
 */
export async function loadMemberEarnContext(
  tokens: NonNullable<SessionInput>['tokens'],
): Promise<MemberEarnContext> {
  const member = createMemberClient(tokens);
  const [accountResult, followedResult, rulesResult] = await Promise.allSettled([
    readCurrentMemberAccount(tokens),
    member.socialMedia.listFollowedChannels(),
    loadEarningRules(),
  ]);
  if (anyAuthFailure([accountResult, followedResult])) return { ok: false, code: 'SIGN_IN_REQUIRED' };
  if (accountResult.status === 'rejected') {
    if (readWixFailure(accountResult.reason).status === 404) return { ok: false, code: 'NO_LOYALTY_ACCOUNT' };
    console.error(`[earn] member account: ${describeWixError(accountResult.reason)}`);
    return { ok: false, code: 'UPSTREAM_UNAVAILABLE' };
  }
  if (followedResult.status === 'rejected' || rulesResult.status === 'rejected') {
    console.error(
      `[earn] offers or follows: ${describeWixError(firstFailure([followedResult, rulesResult]))}`,
    );
    return { ok: false, code: 'UPSTREAM_UNAVAILABLE' };
  }
  const account = accountResult.value.account;
  if (!account?._id) return { ok: false, code: 'UPSTREAM_UNAVAILABLE' };

  const catalog = buildEarnOffers(rulesResult.value, account.tier?._id ?? null);
  const followed = new Set((followedResult.value.followedChannels ?? []).map((follow) => follow.channel));
  const claimedOfferIds = new Set(
    catalog.offers.filter((offer) => offer.channel && followed.has(offer.channel)).map((offer) => offer.id),
  );
  return { ok: true, account, catalog, claimedOfferIds };
}

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
  session: SessionInput,
  offerId: string,
  /** A last say before any write, given the member's account id: the per-member rate limit. */
  guard: (accountId: string) => Promise<EarnErrorCode | null> = async () => null,
): Promise<EarnResult> {
  if (!session || session.role !== 'member') return earnFailure('SIGN_IN_REQUIRED');

  const [context, snapshot] = await Promise.all([
    loadMemberEarnContext(session.tokens),
    loadProgramSnapshot().catch(() => null),
  ]);
  if (!context.ok) return earnFailure(context.code);
  if (!snapshot) return earnFailure('UPSTREAM_UNAVAILABLE');
  if (!snapshot.program.active) return earnFailure('PROGRAM_INACTIVE');

  const offer = context.catalog.offers.find((candidate) => candidate.id === offerId);
  if (!offer) {
    return earnFailure(
      context.catalog.disabledOfferIds.includes(offerId) ? 'ACTIVITY_DISABLED' : 'INVALID_ACTIVITY',
    );
  }
  if (context.claimedOfferIds.has(offer.id)) return earnFailure('ALREADY_CLAIMED');

  const accountId = context.account._id!;
  const refusal = await guard(accountId);
  if (refusal) return earnFailure(refusal);
  const admin = getAdminClient();
  try {
    if (offer.kind === 'activity' && (await wasAwarded(accountId, offer)))
      return earnFailure('ALREADY_CLAIMED');

    const earned = await admin.accounts.earnPoints(accountId, {
      amount: offer.points,
      idempotencyKey: idempotencyKeyFor(accountId, offer.id),
      appId: LOYALTY_APP_ID,
      activityType: offer.activityType,
      description: offer.title,
      ...(offer.channel ? { followedSocialMedia: { channel: offer.channel } } : {}),
    });
    if (!earned.account || !earned.transactionId) throw new Error('earnPoints answered without an account');
    if (offer.channel) await recordFollow(session.tokens, offer.channel);
    return {
      ok: true,
      account: toAccountView(earned.account, snapshot.tiersProgram),
      transactionId: earned.transactionId,
      points: offer.points,
    };
  } catch (error) {
    if (isAuthFailure(error)) return earnFailure('SIGN_IN_REQUIRED');
    console.error(`[earn] award ${offer.id}: ${describeWixError(error)}`);
    return earnFailure('UPSTREAM_UNAVAILABLE');
  }
}

/**
 * The follow is recorded after the award, so "followed" always means "paid". If recording fails the
 * points stay awarded; the next claim replays the same key (nothing new) and records it then.
 */
async function recordFollow(
  tokens: NonNullable<SessionInput>['tokens'],
  channel: NonNullable<EarnOffer['channel']>,
) {
  try {
    await createMemberClient(tokens).socialMedia.createFollowedChannel({ channel });
  } catch (error) {
    // 409: a concurrent claim recorded it first, which is the outcome we wanted.
    if (readWixFailure(error).status === 409) return;
    console.warn(`[earn] follow of ${channel} not recorded: ${describeWixError(error)}`);
  }
}
