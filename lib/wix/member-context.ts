import 'server-only';
import { cache } from 'react';
import { TokenRole, type Tokens } from '@wix/sdk';
import { toAccountView, type AccountView } from '@/lib/loyalty/view-model';
import { isExpired, type SessionState } from '@/lib/session/cookies';
import { readSession } from '@/lib/session/request-session';
import { createMemberClient } from './clients';
import { anyUnauthenticated, classifyWixFailure } from './errors';
import { forgetAccountId, rememberAccountId } from './known-accounts';
import { logFailure } from './observe-calls';
import { loadProgramSnapshot, type ProgramSnapshot } from './site-catalog';

/**
 * Who the shopper is to the loyalty program, for one request. Every feature (the card, the offers, a claim,
 * joining) starts from this instead of asking Wix on its own.
 */
export type MemberContext =
  | {
      status: 'signed-out';
      /**
       * `ended`: the proxy could not renew the session and already cleared it. `rejected`: Wix refused the
       * member's tokens during this request, so the cookie is still set and whoever can write cookies
       * clears it.
       */
      reason: 'no-session' | 'ended' | 'rejected';
    }
  | {
      status: 'no-account';
      tokens: Tokens;
      snapshot: ProgramSnapshot;
      memberName: string | null;
      /** Null when the member's profile could not be read; joining then has to wait. */
      contactId: string | null;
    }
  | {
      status: 'member';
      tokens: Tokens;
      snapshot: ProgramSnapshot;
      memberName: string | null;
      accountId: string;
      /** The account's owner, which live updates are addressed to. */
      contactId: string | null;
      /** The tier the member is in (null for the base tier), which decides what offers pay. */
      tierId: string | null;
      account: AccountView;
    }
  | { status: 'unavailable' };

type MemberProfile = {
  contactId?: string | null;
  profile?: { nickname?: string | null } | null;
  contact?: { firstName?: string | null } | null;
};

function displayName(member: MemberProfile | undefined): string | null {
  return member?.contact?.firstName?.trim() || member?.profile?.nickname?.trim() || null;
}

function unavailable(what: string, error: unknown): MemberContext {
  logFailure(error, `member context: ${what}`);
  return { status: 'unavailable' };
}

/**
 * One concurrent read: the cached program and tiers, the member's own account and their profile, all with
 * the member's token (program and tiers with the API key). Cached per request and per session object, so a
 * page's card and offers share a single read; outside a render (tests, the benchmark) it reads every time.
 */
export const loadMemberContext = cache(async (session: SessionState): Promise<MemberContext> => {
  if (session.status === 'ended') return { status: 'signed-out', reason: 'ended' };
  if (session.status !== 'member') return { status: 'signed-out', reason: 'no-session' };

  const { tokens } = session;
  // A visitor's tokens are no member's session. Told apart here, before Wix: its 403 for them would read as
  // a missing permission (`forbidden`), which is not an ended session.
  if (tokens.refreshToken.role !== TokenRole.MEMBER) return { status: 'signed-out', reason: 'rejected' };
  // The proxy could not renew an expired token (Wix was unreachable). Calling Wix with it would make the SDK
  // swap in anonymous tokens and report a signed-out shopper; the truth is that we cannot tell right now.
  if (isExpired(tokens)) return { status: 'unavailable' };
  const member = createMemberClient(tokens);
  const [snapshot, account, profile] = await Promise.allSettled([
    loadProgramSnapshot(),
    member.accounts.getCurrentMemberAccount(),
    member.members.getCurrentMember(),
  ]);

  if (anyUnauthenticated([account, profile])) return { status: 'signed-out', reason: 'rejected' };
  if (snapshot.status === 'rejected') return unavailable('program', snapshot.reason);

  const profileMember = profile.status === 'fulfilled' ? profile.value.member : undefined;
  // A profile Wix could not give only costs the card its greeting; the door logged why.
  const memberName = displayName(profileMember);

  if (account.status === 'rejected') {
    if (classifyWixFailure(account.reason) !== 'not-found') return unavailable('account', account.reason);
    const contactId = profileMember?.contactId ?? null;
    forgetAccountId(tokens);
    return { status: 'no-account', tokens, snapshot: snapshot.value, memberName, contactId };
  }
  const wixAccount = account.value.account;
  if (!wixAccount?._id) return unavailable('account', new Error('empty account response'));
  rememberAccountId(tokens, wixAccount._id);

  return {
    status: 'member',
    tokens,
    snapshot: snapshot.value,
    memberName,
    accountId: wixAccount._id,
    contactId: wixAccount.contactId ?? profileMember?.contactId ?? null,
    tierId: wixAccount.tier?._id ?? null,
    account: toAccountView(wixAccount, snapshot.value.tiersProgram),
  };
});

/** The member context of the request being handled. */
export async function getMemberContext(): Promise<MemberContext> {
  return loadMemberContext(await readSession());
}
