import 'server-only';
import { failure, type Failure, type ReferralErrorCode } from '@/lib/errors/codes';
import {
  referralWelcome,
  referrerFirstName,
  type ReferralBenefit,
  type ReferralWelcomeView,
} from '@/lib/loyalty/referral-view';
import { parseReferralCode } from '@/lib/loyalty/referral-code';
import type { SessionState } from '@/lib/session/cookies';
import { getAdminClient } from './clients';
import { classifyWixFailure, wixFailureDetails } from './errors';
import { rememberReferredFriend } from './friend-referral-rewards';
import { logFailure } from './observe-calls';
import {
  createMyReferredFriend,
  getReferralProgram,
  getReferringCustomerByCode,
  queryReferralRewards,
} from './referrals';

/**
 * The friend's side of a referral: the welcome a link's code opens, and recording the friend once they are
 * signed in, as Wix's own flow does (Create Referred Friend with the friend's member identity and the code).
 * The code is only ever a key to its owner's first name and the program's offer: nothing here says who else
 * holds an account.
 */

/**
 * The referrer's first name: their loyalty account's contact name (the account the program pays). A referrer
 * without one is simply not named ("A friend gives you…").
 */
async function referrerFirst(contactId: string): Promise<string | null> {
  try {
    const { account } = await getAdminClient().accounts.getAccountBySecondaryId({ contactId });
    return referrerFirstName(account?.contact?.name);
  } catch (error) {
    if (classifyWixFailure(error) !== 'not-found') logFailure(error, 'referral welcome: referrer name');
    return null;
  }
}

/**
 * The welcome for a code from a link or a widget's attribute, or null: a malformed or unknown code, a
 * program that is not active, or Wix unavailable. A code that opens no welcome shows the widget as usual.
 */
export async function loadReferralWelcome(code: string | null): Promise<ReferralWelcomeView | null> {
  const valid = parseReferralCode(code);
  if (!valid) return null;
  try {
    const [program, customer] = await Promise.all([getReferralProgram(), getReferringCustomerByCode(valid)]);
    return referralWelcome(program, await referrerFirst(customer.contactId));
  } catch (error) {
    const kind = classifyWixFailure(error);
    if (kind !== 'not-found' && kind !== 'invalid') logFailure(error, 'referral welcome');
    return null;
  }
}

/** The friend's own reward once recorded: what it gives, and its coupon's code when Wix has made it. */
export type FriendReward = { benefit: ReferralBenefit | null; couponCode: string | null };

export type AcceptReferralResult =
  { ok: true; welcome: ReferralWelcomeView; reward: FriendReward } | Failure<ReferralErrorCode>;

/** Wix's refusals of Create Referred Friend, by the code its error carries (`docs/wix-referrals.md`). */
const CODE_BY_WIX_CODE: Record<string, ReferralErrorCode> = {
  REFERRING_CUSTOMER_NOT_FOUND: 'REFERRAL_CODE_UNKNOWN',
  SELF_REFERRAL_NOT_ALLOWED: 'SELF_REFERRAL',
  REFERRED_FRIEND_ALREADY_EXISTS: 'ALREADY_REFERRED',
  NOT_ELIGIBLE_FOR_REFERRAL: 'ALREADY_CUSTOMER',
  REFERRAL_PROGRAM_NOT_ACTIVE: 'REFERRAL_PROGRAM_INACTIVE',
};

function explainRefusal(error: unknown): ReferralErrorCode {
  const known = CODE_BY_WIX_CODE[wixFailureDetails(error).code ?? ''];
  if (known) return known;
  const kind = classifyWixFailure(error);
  if (kind === 'unauthenticated') return 'SIGN_IN_REQUIRED';
  if (kind === 'not-found') return 'REFERRAL_CODE_UNKNOWN';
  // A refusal Wix gives no code for: the code is not one (validation), or the member may not be a friend.
  if (kind === 'invalid') return 'REFERRAL_CODE_INVALID';
  if (kind === 'conflict') return 'ALREADY_REFERRED';
  if (kind === 'precondition') return 'ALREADY_CUSTOMER';
  logFailure(error, 'referral: create referred friend');
  return 'UPSTREAM_UNAVAILABLE';
}

/**
 * Records the signed-in member as the code's owner's referred friend, then reads what they were given. The
 * code is checked before anything is sent; Wix decides the rest (self-referral, a second attribution, an
 * existing customer), and a refusal records nothing. Asking again with the same code answers the same
 * friend and reward, as Wix's method does, so a retry after a lost reply is harmless.
 */
export async function acceptReferral(session: SessionState, code: unknown): Promise<AcceptReferralResult> {
  const valid = parseReferralCode(code);
  if (!valid) return failure('REFERRAL_CODE_INVALID');
  if (session.status !== 'member') return failure('SIGN_IN_REQUIRED');
  let friend: { id: string; contactId: string };
  try {
    friend = await createMyReferredFriend(session.tokens, valid);
  } catch (error) {
    return failure(explainRefusal(error));
  }
  // Recorded: what follows only words it. Each read that fails leaves that part unsaid, never the referral.
  // The checkout remembers the friend for this session, so it offers the reward without looking them up.
  const [welcome, rewards] = await Promise.allSettled([
    loadReferralWelcome(valid),
    queryReferralRewards({ filter: { rewardedReferredFriendId: friend.id } }),
    rememberReferredFriend(session.tokens, friend.contactId, friend.id),
  ]);
  const shown = welcome.status === 'fulfilled' ? welcome.value : null;
  if (rewards.status === 'rejected') logFailure(rewards.reason, 'referral: friend reward');
  const record = rewards.status === 'fulfilled' ? rewards.value.items[0] : undefined;
  return {
    ok: true,
    welcome: shown ?? { referrerName: null, friendReward: null },
    reward: { benefit: shown?.friendReward ?? null, couponCode: record?.coupon?.code ?? null },
  };
}
