import 'server-only';
import { failure, type Failure, type RewardsPageErrorCode } from '@/lib/errors/codes';
import { toCouponViews, toRewardViews, type RewardsPageView } from '@/lib/loyalty/rewards-view';
import { isExpired, type SessionState } from '@/lib/session/cookies';
import { createMemberClient } from './clients';
import { firstFailure } from './errors';
import { loadMemberContext } from './member-context';
import { logFailure } from './observe-calls';
import { loadProgramSnapshot, loadRewards } from './site-catalog';

export type RewardsPageResult = { ok: true; view: RewardsPageView } | Failure<RewardsPageErrorCode>;

const unavailable = (what: string, error: unknown): RewardsPageResult => {
  logFailure(error, `rewards page: ${what}`);
  return failure('UPSTREAM_UNAVAILABLE');
};

/**
 * One concurrent read: the member context, the cached rewards and the member's coupons (with their own
 * token, started before we know they have an account, so the page costs one round trip).
 */
export async function loadRewardsPage(session: SessionState): Promise<RewardsPageResult> {
  const tokens = session.status === 'member' && !isExpired(session.tokens) ? session.tokens : null;
  const [context, rewards, coupons] = await Promise.allSettled([
    loadMemberContext(session),
    loadRewards(),
    tokens ? createMemberClient(tokens).coupons.getCurrentMemberCoupons() : Promise.resolve(null),
  ]);
  const member = context.status === 'fulfilled' ? context.value : ({ status: 'unavailable' } as const);
  if (member.status === 'unavailable') return failure('UPSTREAM_UNAVAILABLE');
  if (rewards.status === 'rejected') return unavailable('rewards', rewards.reason);

  if (member.status === 'member') {
    if (coupons.status === 'rejected') return unavailable('coupons', firstFailure([coupons]));
    return {
      ok: true,
      view: {
        status: 'member',
        program: member.snapshot.program,
        balance: member.account.balance,
        tierName: member.account.tier?.name ?? null,
        rewards: toRewardViews(rewards.value, member.tierId, member.account.balance),
        coupons: toCouponViews(coupons.value?.loyaltyCoupons ?? []),
      },
    };
  }
  // Everyone else is shown what the base tier offers, priced from zero.
  const base = toRewardViews(rewards.value, null, 0);
  if (member.status === 'no-account') {
    return { ok: true, view: { status: 'no-account', program: member.snapshot.program, rewards: base } };
  }
  try {
    const { program } = await loadProgramSnapshot();
    return { ok: true, view: { status: 'visitor', program, rewards: base } };
  } catch (error) {
    return unavailable('program', error);
  }
}
