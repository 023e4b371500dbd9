import 'server-only';
import { failure, type RedeemErrorCode } from '@/lib/errors/codes';
import { afterRedemption, type RedeemResult } from '@/lib/loyalty/redeem-result';
import {
  rewardTermsFor,
  spentAtCheckout,
  toCouponView,
  toRewardViews,
  type RewardTerms,
} from '@/lib/loyalty/rewards-view';
import type { SessionState } from '@/lib/session/cookies';
import type { KeyLock, LockLease } from '@/lib/stores/key-lock';
import { getSharedStores } from '@/lib/stores/shared-stores';
import { createMemberClient } from './clients';
import type { MemberWithAccount } from './earn-state';
import { classifyWixFailure } from './errors';
import { loadMemberContext, type MemberContext } from './member-context';
import { logFailure } from './observe-calls';
import { loadRewards } from './site-catalog';
import type { WixReward } from './types';

const CODE_FOR_STATUS: Record<Exclude<MemberContext['status'], 'member'>, RedeemErrorCode> = {
  'signed-out': 'SIGN_IN_REQUIRED',
  'no-account': 'NO_LOYALTY_ACCOUNT',
  unavailable: 'UPSTREAM_UNAVAILABLE',
};

/** Longer than any redemption takes; a holder that dies mid-call frees the member after this. */
const REDEMPTION_LEASE_MS = 30_000;
/**
 * How long a redemption of one reward answers a repeat with RECENTLY_REDEEMED. A second tab, a double click
 * or a retry that arrives just after the first redemption finished would otherwise find the lock free and the
 * balance still large enough, and spend again.
 */
export const REPEAT_WINDOW_MS = 10_000;

export type RedeemOptions = {
  /** A last say before any write, given the member's account id: the per-member rate limit. */
  guard?: (accountId: string) => Promise<RedeemErrorCode | null>;
  /** The shared key lock by default (Redis with `REDIS_URL`), so the guard holds across instances. */
  lock?: KeyLock;
};

/**
 * Spends the signed-in member's points on a reward. Wix decides whose points from the member's own token;
 * the reward, its cost for the member's tier and whether the balance covers it are checked here first, so a
 * refusal costs no write. Wix takes no idempotency key for this call, so only one redemption per member may
 * be in flight (REDEMPTION_IN_PROGRESS), and the same reward is not redeemed again within a few seconds
 * (RECENTLY_REDEEMED): a double click, a second tab or a retry spends nothing.
 */
export async function redeemReward(
  session: SessionState,
  rewardId: string,
  { guard = async () => null, lock = getSharedStores().keyLock }: RedeemOptions = {},
): Promise<RedeemResult> {
  const [context, catalog] = await Promise.allSettled([loadMemberContext(session), loadRewards()]);
  // The member context settles, never rejects: it reports Wix's failures as its own states.
  const member = context.status === 'fulfilled' ? context.value : ({ status: 'unavailable' } as const);
  if (member.status !== 'member') return failure(CODE_FOR_STATUS[member.status]);
  if (!member.snapshot.program.active) return failure('PROGRAM_INACTIVE');
  if (catalog.status === 'rejected') {
    logFailure(catalog.reason, 'redeem: rewards');
    return failure('UPSTREAM_UNAVAILABLE');
  }

  const reward = catalog.value.find(
    (candidate) => candidate._id === rewardId && candidate.active && !spentAtCheckout(candidate),
  );
  if (!reward) return failure('REWARD_UNAVAILABLE');
  const terms = rewardTermsFor(reward, member.tierId);
  if (!terms) return failure('REWARD_NOT_IN_TIER');
  if (member.account.balance < terms.cost) return failure('NOT_ENOUGH_POINTS');
  const refusal = await guard(member.accountId);
  if (refusal) return failure(refusal);

  const inFlight = await takeSpendLease(lock, member.accountId);
  if (inFlight === undefined) return failure('UPSTREAM_UNAVAILABLE');
  if (!inFlight) return failure('REDEMPTION_IN_PROGRESS');
  try {
    const repeatKey = `redeemed:${member.accountId}:${rewardId}`;
    const repeat = await takeRepeatWindow(lock, repeatKey);
    if (repeat === undefined) return failure('UPSTREAM_UNAVAILABLE');
    if (!repeat) return failure('RECENTLY_REDEEMED');
    try {
      return await redeem(member, rewardId, terms, catalog.value);
    } catch (error) {
      const code = await explainRefusal(member, terms, error);
      // Wix refused, so nothing was spent and the member may try again at once. After an outage we cannot
      // tell, so the window stays: a quick retry must not spend twice.
      if (code !== 'UPSTREAM_UNAVAILABLE') await letGo(repeat);
      return failure(code);
    }
  } finally {
    await letGo(inFlight);
  }
}

/**
 * The member's one spend in flight, whatever spends their points (a redemption, an apply at checkout): a
 * lease as `take` gives it.
 */
export function takeSpendLease(lock: KeyLock, accountId: string): Promise<LockLease | null | undefined> {
  return take(lock, `redeem:${accountId}`, REDEMPTION_LEASE_MS);
}

/**
 * The window in which a repeat of one spend (named by `key`) is taken for the same request, not a new one: kept
 * after a success, so it runs out by itself (`REPEAT_WINDOW_MS`).
 */
export function takeRepeatWindow(lock: KeyLock, key: string): Promise<LockLease | null | undefined> {
  return take(lock, key, REPEAT_WINDOW_MS);
}

/**
 * A lease on `key`, null while someone holds it, undefined when the store itself failed (a shared store can
 * be unreachable): then nothing is redeemed, since the guard cannot be kept.
 */
async function take(lock: KeyLock, key: string, ttlMs: number): Promise<LockLease | null | undefined> {
  try {
    return await lock.acquire(key, ttlMs);
  } catch (error) {
    logFailure(error, 'redeem: lock store');
    return undefined;
  }
}

/** A release that fails leaves the key to expire with its lease: logged, never thrown at the shopper. */
export async function letGo(lease: LockLease): Promise<void> {
  try {
    await lease.release();
  } catch (error) {
    logFailure(error, 'redeem: lock store release');
  }
}

async function redeem(
  member: MemberWithAccount,
  rewardId: string,
  terms: RewardTerms,
  catalog: WixReward[],
): Promise<RedeemResult> {
  const { coupon } = await createMemberClient(member.tokens).coupons.redeemCurrentMemberPointsForCoupon(
    rewardId,
  );
  const view = coupon ? toCouponView(coupon) : null;
  if (!view) throw new Error('redeem answered without a coupon');
  const balance = member.account.balance - terms.cost;
  const stillAvailable = toRewardViews(catalog, member.tierId, balance).some((r) => r.pointsToGo === 0);
  return {
    ok: true,
    coupon: view,
    cost: terms.cost,
    account: afterRedemption(member.account, terms.cost, stillAvailable),
  };
}

/**
 * Wix documents no error codes for this call, so a refusal we did not see coming (the balance spent
 * elsewhere a moment ago, a reward withdrawn since it was cached) is explained by reading the account again:
 * one more round trip, only on this path.
 */
async function explainRefusal(
  member: MemberWithAccount,
  terms: RewardTerms,
  error: unknown,
): Promise<RedeemErrorCode> {
  const kind = classifyWixFailure(error);
  if (kind === 'unauthenticated') return 'SIGN_IN_REQUIRED';
  if (kind === 'not-found' || kind === 'invalid') return 'REWARD_UNAVAILABLE';
  if (kind === 'precondition') {
    try {
      const { account } = await createMemberClient(member.tokens).accounts.getCurrentMemberAccount();
      return (account?.points?.balance ?? 0) < terms.cost ? 'NOT_ENOUGH_POINTS' : 'REWARD_UNAVAILABLE';
    } catch (reread) {
      logFailure(reread, 'redeem: account after a refusal');
      return 'REWARD_UNAVAILABLE';
    }
  }
  logFailure(error, 'redeem');
  return 'UPSTREAM_UNAVAILABLE';
}
