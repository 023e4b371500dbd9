import 'server-only';
import { failure, type Failure, type LoyaltyErrorCode } from '@/lib/errors/codes';
import type { LoyaltyCardView } from '@/lib/loyalty/view-model';
import type { MemberContext } from './member-context';
import { logFailure } from './observe-calls';
import { loadProgramSnapshot } from './site-catalog';

/** Visitors get a view, not a code: the card still shows them the program. */
export type LoyaltyCardResult =
  { ok: true; view: LoyaltyCardView } | Failure<Exclude<LoyaltyErrorCode, 'SIGN_IN_REQUIRED'>>;

/** Everything the loyalty card shows, from the request's member context. */
export async function loadLoyaltyCard(context: MemberContext): Promise<LoyaltyCardResult> {
  switch (context.status) {
    case 'unavailable':
      return failure('UPSTREAM_UNAVAILABLE');
    case 'no-account':
      return {
        ok: true,
        view: { status: 'no-account', program: context.snapshot.program, memberName: context.memberName },
      };
    case 'member':
      return {
        ok: true,
        view: {
          status: 'member',
          program: context.snapshot.program,
          memberName: context.memberName,
          account: context.account,
        },
      };
    case 'signed-out':
      try {
        const { program } = await loadProgramSnapshot();
        return {
          ok: true,
          view: { status: 'visitor', program, sessionEnded: context.reason !== 'no-session' },
        };
      } catch (error) {
        logFailure(error, 'loyalty card: program');
        return failure('UPSTREAM_UNAVAILABLE');
      }
  }
}
