import 'server-only';
import { failure, type JoinErrorCode } from '@/lib/errors/codes';
import type { JoinResult } from '@/lib/loyalty/earn-result';
import { toAccountView } from '@/lib/loyalty/view-model';
import type { SessionState } from '@/lib/session/cookies';
import { getAdminClient } from './clients';
import { classifyWixFailure } from './errors';
import { loadMemberContext, type MemberContext } from './member-context';
import { logFailure } from './observe-calls';

/** Only a member without an account can join; everyone else is told why not. */
const REFUSAL_BY_STATUS: Record<Exclude<MemberContext['status'], 'no-account'>, JoinErrorCode> = {
  'signed-out': 'SIGN_IN_REQUIRED',
  unavailable: 'UPSTREAM_UNAVAILABLE',
  member: 'ALREADY_MEMBER',
};

/**
 * Joins the signed-in member to the loyalty program. The contact comes from the member's own profile;
 * creating an account is admin-only in Wix, so the API-key client does it on their behalf.
 */
export async function joinProgram(session: SessionState): Promise<JoinResult> {
  const context = await loadMemberContext(session);
  if (context.status !== 'no-account') return failure(REFUSAL_BY_STATUS[context.status]);
  if (!context.snapshot.program.active) return failure('PROGRAM_INACTIVE');
  if (!context.contactId) return failure('UPSTREAM_UNAVAILABLE');

  try {
    const { account } = await getAdminClient().accounts.createAccount(context.contactId);
    if (!account) return failure('UPSTREAM_UNAVAILABLE');
    return { ok: true, account: toAccountView(account, context.snapshot.tiersProgram) };
  } catch (error) {
    const kind = classifyWixFailure(error);
    if (kind === 'conflict') return failure('ALREADY_MEMBER');
    if (kind === 'precondition') return failure('PROGRAM_INACTIVE');
    logFailure(error, 'join: create account');
    return failure('UPSTREAM_UNAVAILABLE');
  }
}
