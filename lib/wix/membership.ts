import 'server-only';
import { earnFailure, type JoinResult } from '@/lib/loyalty/earn-result';
import { toAccountView } from '@/lib/loyalty/view-model';
import { createMemberClient, getAdminClient } from './clients';
import { anyAuthFailure, describeWixError, firstFailure, readWixFailure } from './errors';
import { loadProgramSnapshot, type SessionInput } from './loyalty';
import { readCurrentMemberAccount } from './member-reads';

/**
 * Joins the signed-in member to the loyalty program. The contact comes from the member's own token;
 * creating an account is admin-only in Wix, so the API-key client does it on their behalf.
 */
export async function joinProgram(session: SessionInput): Promise<JoinResult> {
  if (!session || session.role !== 'member') return earnFailure('SIGN_IN_REQUIRED');

  const member = createMemberClient(session.tokens);
  const [profile, existing, snapshot] = await Promise.allSettled([
    member.members.getCurrentMember(),
    readCurrentMemberAccount(session.tokens),
    loadProgramSnapshot(),
  ]);
  if (anyAuthFailure([profile, existing])) return earnFailure('SIGN_IN_REQUIRED');
  if (existing.status === 'fulfilled') return earnFailure('ALREADY_MEMBER');
  if (
    readWixFailure(existing.reason).status !== 404 ||
    profile.status === 'rejected' ||
    snapshot.status === 'rejected'
  ) {
    const reason = firstFailure([profile, snapshot]) ?? existing.reason;
    console.error(`[join] member lookup: ${describeWixError(reason)}`);
    return earnFailure('UPSTREAM_UNAVAILABLE');
  }
  if (!snapshot.value.program.active) return earnFailure('PROGRAM_INACTIVE');

  const contactId = profile.value.member?.contactId;
  if (!contactId) return earnFailure('UPSTREAM_UNAVAILABLE');

  try {
    const { account } = await getAdminClient().accounts.createAccount(contactId);
    if (!account) return earnFailure('UPSTREAM_UNAVAILABLE');
    return { ok: true, account: toAccountView(account, snapshot.value.tiersProgram) };
  } catch (error) {
    const { status } = readWixFailure(error);
    if (status === 409) return earnFailure('ALREADY_MEMBER');
    if (status === 428 || status === 412) return earnFailure('PROGRAM_INACTIVE');
    console.error(`[join] create account: ${describeWixError(error)}`);
    return earnFailure('UPSTREAM_UNAVAILABLE');
  }
}
