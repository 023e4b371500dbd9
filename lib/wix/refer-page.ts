import 'server-only';
import { TokenRole, type Tokens } from '@wix/sdk';
import { getConfig } from '@/lib/config/env';
import { failure } from '@/lib/errors/codes';
import {
  referView,
  type ReferPageResult,
  type ReferredFriendData,
  type ReferView,
} from '@/lib/loyalty/referral-view';
import { isExpired, type SessionState } from '@/lib/session/cookies';
import { getSharedStores } from '@/lib/stores/shared-stores';
import { getAdminClient } from './clients';
import { classifyWixFailure } from './errors';
import { logFailure } from './observe-calls';
import type { ReferralProgram, ReferralRewardRecord, ReferredFriend } from './referral-types';
import { generateMyReferringCustomer, queryReferralRewards, queryReferredFriends } from './referrals';
import { sessionKey } from './session-key';
import { loadReferralProgram } from './site-catalog';

/**
 * What the refer view remembers of a member: their referring customer (its id and code never change) and
 * the contacts of the friends they had, so a later view reads the friends, the rewards and the friends'
 * names beside Generate Referring Customer, in one round trip, instead of after it.
 */
type RememberedReferrer = { customerId: string; code: string; friendContactIds: string[] };

/** A month: the entry only saves reads, and a member who comes back after it pays them once again. */
const REMEMBER_MS = 30 * 24 * 60 * 60 * 1000;

/** The newest friends shown; List Accounts takes at most 50 contact ids, so all of them get a name. */
const FRIENDS_SHOWN = 50;
const REWARDS_SHOWN = 100;

const remembered = () => getSharedStores().rememberedValues<RememberedReferrer>('referrer');

const newestFirst = (filter: Record<string, unknown>, limit: number) => ({
  filter,
  sort: [{ fieldName: 'createdDate', order: 'DESC' as const }],
  cursorPaging: { limit },
});

const friendsOf = (customerId: string) =>
  queryReferredFriends(newestFirst({ referringCustomerId: { $eq: customerId } }, FRIENDS_SHOWN)).then(
    (page) => page.items,
  );

const rewardsOf = (customerId: string) =>
  queryReferralRewards(newestFirst({ rewardedReferringCustomerId: { $eq: customerId } }, REWARDS_SHOWN)).then(
    (page) => page.items,
  );

type Names = Map<string, { first: string; last: string | null }>;

/**
 * The friends' names by contact. Wix's referred friend holds only a contact id; the loyalty account of that
 * contact carries its name (List Accounts by contact ids, one call for all). A friend with no account, or a
 * read that fails, leaves the name out and the view says "A friend": the name is a courtesy, and the friend
 * and their status still show.
 */
async function namesOf(contactIds: string[]): Promise<Names> {
  const names: Names = new Map();
  if (contactIds.length === 0) return names;
  try {
    const { accounts } = await getAdminClient().accounts.listAccounts({
      contactIds: contactIds.slice(0, FRIENDS_SHOWN),
      cursorPaging: { limit: FRIENDS_SHOWN },
    });
    for (const account of accounts ?? []) {
      const [first, ...rest] = (account.contact?.name ?? '').trim().split(/\s+/);
      if (first && account.contactId) names.set(account.contactId, { first, last: rest.at(-1) ?? null });
    }
  } catch (error) {
    logFailure(error, 'refer page: friends’ names');
  }
  return names;
}

/** The member's part of the view, or why it cannot be shown. */
type MemberPart =
  | {
      status: 'ok';
      customer: { id: string; referralCode: string };
      friends: ReferredFriendData[];
      rewards: ReferralRewardRecord[];
    }
  | { status: 'rejected' }
  | { status: 'unavailable' };

const contactsOf = (friends: ReferredFriend[]) => friends.map((friend) => friend.contactId);

async function loadMemberPart(tokens: Tokens): Promise<MemberPart> {
  // Keyed by the session (`sessionKey`): an entry is written only from Wix's answer to that session's own
  // token, and nothing read with it is shown until Generate Referring Customer has named the same customer.
  const key = sessionKey(tokens);
  const known = await remembered()
    .get(key)
    .catch((error: unknown) => {
      logFailure(error, 'refer page: remembered referrer');
      return null;
    });
  // With the member remembered, everything starts at once; the first view has to learn the customer first.
  const ahead = known && {
    friends: friendsOf(known.customerId),
    rewards: rewardsOf(known.customerId),
    names: namesOf(known.friendContactIds),
  };
  ahead?.friends.catch(() => undefined);
  ahead?.rewards.catch(() => undefined);
  try {
    const customer = await generateMyReferringCustomer(tokens);
    const same = ahead && known.customerId === customer.id;
    const [friends, rewards] = await Promise.all([
      same ? ahead.friends : friendsOf(customer.id),
      same ? ahead.rewards : rewardsOf(customer.id),
    ]);
    const names: Names = same ? await ahead.names : new Map();
    const unnamed = contactsOf(friends).filter(
      (id) => !names.has(id) && !known?.friendContactIds.includes(id),
    );
    for (const [id, name] of await namesOf(same ? unnamed : contactsOf(friends))) names.set(id, name);
    await rememberReferrer(key, known, {
      customerId: customer.id,
      code: customer.referralCode,
      friendContactIds: contactsOf(friends),
    });
    return {
      status: 'ok',
      customer,
      rewards,
      friends: friends.map((friend) => ({ ...friend, name: names.get(friend.contactId) ?? null })),
    };
  } catch (error) {
    if (classifyWixFailure(error) === 'unauthenticated') return { status: 'rejected' };
    logFailure(error, 'refer page: member');
    return { status: 'unavailable' };
  }
}

async function rememberReferrer(
  key: string,
  known: RememberedReferrer | null,
  now: RememberedReferrer,
): Promise<void> {
  if (known && JSON.stringify(known) === JSON.stringify(now)) return;
  await remembered()
    .set(key, now, REMEMBER_MS)
    .catch((error: unknown) => logFailure(error, 'refer page: remember referrer'));
}

/** The link's landing page: `REFERRAL_LANDING_URL`, or the app's own public origin. */
export function referralLandingUrl(appOrigin: string): string {
  return getConfig().referralLandingUrl ?? appOrigin;
}

/**
 * The refer view: the cached program beside the member's referring customer (made on first view, the same
 * afterwards), their friends with names and their rewards. A member seen before costs one round trip; the
 * first view two, and three when the member already has friends to name. A visitor, or a member whose
 * session Wix refused, gets the offer and a sign-in; a program that is not active says so, and nothing else.
 */
export async function loadReferPage(session: SessionState, appOrigin: string): Promise<ReferPageResult> {
  // An expired token the proxy could not renew says nothing of who this is: not a visitor, just unknown now.
  if (session.status === 'member' && isExpired(session.tokens)) return failure('UPSTREAM_UNAVAILABLE');
  // A visitor's tokens in a member's cookie are no member: Wix would refuse them, so the view is a visitor's.
  const member =
    session.status === 'member' && session.tokens.refreshToken.role === TokenRole.MEMBER
      ? session.tokens
      : null;
  const [program, part] = await Promise.all([
    loadReferralProgram().catch((error: unknown): ReferralProgram | null => {
      logFailure(error, 'refer page: program');
      return null;
    }),
    member ? loadMemberPart(member) : null,
  ]);
  if (!program || part?.status === 'unavailable') return failure('UPSTREAM_UNAVAILABLE');

  const view: ReferView | null =
    part?.status === 'ok'
      ? referView({
          status: 'member',
          program,
          customer: part.customer,
          friends: part.friends,
          rewards: part.rewards,
          landingUrl: referralLandingUrl(appOrigin),
        })
      : referView({ status: 'visitor', program });
  if (!view) {
    logFailure(new Error('no referral link from the code and the landing page'), 'refer page: link');
    return failure('UPSTREAM_UNAVAILABLE');
  }
  return { ok: true, view };
}
