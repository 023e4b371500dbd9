import 'server-only';
import { getConfig } from '@/lib/config/env';
import { failure, type Failure, type TiersPageErrorCode } from '@/lib/errors/codes';
import { toTiersView, type TiersView, type TiersViewer } from '@/lib/loyalty/tiers-view';
import type { SessionState } from '@/lib/session/cookies';
import { loadMemberContext, type MemberContext } from './member-context';
import { logFailure } from './observe-calls';
import { loadEarningRules, loadProgramSnapshot, loadRewards } from './site-catalog';

export type TiersPageResult = { ok: true; view: TiersView } | Failure<TiersPageErrorCode>;

function viewerOf(context: MemberContext): TiersViewer {
  if (context.status === 'member') {
    return { status: 'member', tierId: context.tierId, tierPoints: context.account.tier?.points ?? 0 };
  }
  return { status: context.status === 'no-account' ? 'no-account' : 'visitor' };
}

/**
 * One concurrent read: the member context (the member's account, with their token) beside the cached
 * program, earning rules and rewards, so the page costs a member one round trip and a visitor none once the
 * catalogue is warm. A catalogue that cannot be read fails the page rather than show tiers without perks.
 */
export async function loadTiersPage(session: SessionState): Promise<TiersPageResult> {
  const [member, catalogue] = await Promise.all([
    loadMemberContext(session).catch((error: unknown): MemberContext => {
      logFailure(error, 'tiers page: member');
      return { status: 'unavailable' };
    }),
    Promise.all([loadProgramSnapshot(), loadEarningRules(), loadRewards()]).catch((error: unknown) => {
      logFailure(error, 'tiers page: catalogue');
      return null;
    }),
  ]);
  // Whatever failed was logged where it was known.
  if (member.status === 'unavailable' || !catalogue) return failure('UPSTREAM_UNAVAILABLE');

  const [{ program, tiersProgram }, earningRules, rewards] = catalogue;
  return {
    ok: true,
    view: toTiersView({
      viewer: viewerOf(member),
      program,
      tiersProgram,
      earningRules,
      rewards,
      currency: getConfig().storeCurrency,
    }),
  };
}
