import 'server-only';
import type { Tokens } from '@wix/sdk';
import { memoizeWithTtl } from '@/lib/cache/memoize-with-ttl';
import {
  toAccountView,
  toProgramView,
  type LoyaltyCardView,
  type ProgramView,
} from '@/lib/loyalty/view-model';
import { createMemberClient, getAdminClient } from './clients';
import { readCurrentMemberAccount } from './member-reads';
import { anyAuthFailure, describeWixError, readWixFailure } from './errors';
import type { WixTiersProgram } from './types';

/** Wix answers getCurrentMemberAccount with 404 and this code for a member who never joined. */
const NO_ACCOUNT_STATUS = 404;

/** Program and tiers change a few times a year; five minutes of staleness costs nothing. */
export const PROGRAM_TTL_MS = 5 * 60 * 1000;

export type ProgramSnapshot = { program: ProgramView; tiersProgram: WixTiersProgram };

/** Program and tiers, cached: every card and every award needs them. */
export const loadProgramSnapshot = memoizeWithTtl(async (): Promise<ProgramSnapshot> => {
  const admin = getAdminClient();
  const [programResponse, tiersProgram] = await Promise.all([
    admin.programs.getLoyaltyProgram(),
    admin.tiers.getTiersProgram(),
  ]);
  return { program: toProgramView(programResponse.loyaltyProgram ?? {}), tiersProgram };
}, PROGRAM_TTL_MS);

export type SessionInput = { tokens: Tokens; role: 'member' | 'visitor' } | null;

export type LoyaltyCardResult =
  { ok: true; view: LoyaltyCardView; sessionRejected: boolean } | { ok: false; code: 'UPSTREAM_UNAVAILABLE' };

/**
 * Everything the loyalty card shows, fetched concurrently: the cached program and tiers, the member's
 * account and the member's name. A token Wix rejects is reported as a visitor with `sessionRejected`,
 * so the caller can clear the cookie instead of looping on a dead session.
 */
export async function loadLoyaltyCard(
  session: SessionInput,
  sessionEnded = false,
): Promise<LoyaltyCardResult> {
  if (!session || session.role !== 'member') {
    return visitorCard(sessionEnded);
  }

  const member = createMemberClient(session.tokens);
  const [snapshot, account, profile] = await Promise.allSettled([
    loadProgramSnapshot(),
    readCurrentMemberAccount(session.tokens),
    member.members.getCurrentMember(),
  ]);

  if (snapshot.status === 'rejected') return unavailable('program', snapshot.reason);
  const { program, tiersProgram } = snapshot.value;

  if (anyAuthFailure([account, profile])) {
    return { ok: true, view: { status: 'visitor', program, sessionEnded: true }, sessionRejected: true };
  }

  const memberName = profile.status === 'fulfilled' ? displayName(profile.value.member) : null;
  if (profile.status === 'rejected')
    console.warn(`[loyalty] member profile: ${describeWixError(profile.reason)}`);

  if (account.status === 'rejected') {
    if (readWixFailure(account.reason).status === NO_ACCOUNT_STATUS) {
      return { ok: true, view: { status: 'no-account', program, memberName }, sessionRejected: false };
    }
    return unavailable('member account', account.reason);
  }
  if (!account.value.account) return unavailable('member account', new Error('empty account response'));

  return {
    ok: true,
    view: {
      status: 'member',
      program,
      memberName,
      account: toAccountView(account.value.account, tiersProgram),
    },
    sessionRejected: false,
  };
}

async function visitorCard(sessionEnded: boolean): Promise<LoyaltyCardResult> {
  try {
    const { program } = await loadProgramSnapshot();
    return { ok: true, view: { status: 'visitor', program, sessionEnded }, sessionRejected: false };
  } catch (error) {
    return unavailable('program', error);
  }
}

function unavailable(what: string, error: unknown): LoyaltyCardResult {
  console.error(`[loyalty] could not load ${what}: ${describeWixError(error)}`);
  return { ok: false, code: 'UPSTREAM_UNAVAILABLE' };
}

type MemberProfile = {
  profile?: { nickname?: string | null } | null;
  contact?: { firstName?: string | null } | null;
};

function displayName(member: MemberProfile | undefined): string | null {
  return member?.contact?.firstName?.trim() || member?.profile?.nickname?.trim() || null;
}
