import 'server-only';
import { logger } from '@/lib/observability/logger';
import { failure, type ActivityErrorCode, type Failure } from '@/lib/errors/codes';
import {
  cursorAfter,
  toActivityEntry,
  type ActivityCursor,
  type ActivityEntryView,
  type ActivityPage,
  type ActivityView,
} from '@/lib/loyalty/activity-view';
import type { SessionState } from '@/lib/session/cookies';
import { getAdminClient } from './clients';
import { knownAccountId } from './known-accounts';
import { loadMemberContext } from './member-context';
import { logFailure } from './observe-calls';
import { loadProgramSnapshot } from './site-catalog';

export const ACTIVITY_PAGE_SIZE = 20;

export type ActivityResult = { ok: true; view: ActivityView } | Failure<ActivityErrorCode>;

/**
 * A page of the member's history, newest first. The account is always the one from the member's own token;
 * the cursor can only move the page within it. Reading transactions needs the API key, so a defensive check
 * keeps any entry of another account out of the answer should a query ever return one.
 */
async function readHistory(accountId: string, cursor: ActivityCursor | null): Promise<ActivityPage> {
  let query = getAdminClient()
    .transactions.queryLoyaltyTransactions()
    .eq('accountId', accountId)
    .descending('_createdDate', '_id');
  if (cursor) query = query.le('_createdDate', cursor.before);
  const skip = cursor?.seen ?? 0;
  const result = await query.limit(skip + ACTIVITY_PAGE_SIZE).find();

  const own = result.items.filter((item) => item.accountId === accountId);
  if (own.length !== result.items.length)
    logger.error(
      { method: 'transactions.queryLoyaltyTransactions' },
      'a history query returned another account',
    );
  const entries = own.flatMap((item) => {
    const entry = toActivityEntry(item);
    return entry ? [entry] : [];
  });
  // The page after a cursor starts with the entries stamped at its time that the previous page showed.
  let skipped = 0;
  while (skipped < skip && entries[skipped]?.date === cursor?.before) skipped++;
  const page: ActivityEntryView[] = entries.slice(skipped);
  return { entries: page, nextCursor: cursorAfter(page, result.hasNext(), cursor) };
}

/**
 * The activity page for this viewer: their history, or a sign-in or join call to action. When this server
 * already knows the account for the member's token, its history is read alongside the member context, in
 * one round trip; it is shown only if the context returns that same account, and read again for the right
 * one otherwise, so a stale or wrong entry can never show another account's history.
 */
export async function loadActivity(
  session: SessionState,
  cursor: ActivityCursor | null,
): Promise<ActivityResult> {
  const knownId = session.status === 'member' ? knownAccountId(session.tokens) : null;
  const [settled, early] = await Promise.allSettled([
    loadMemberContext(session),
    knownId ? readHistory(knownId, cursor) : null,
  ]);
  // The member context settles, never rejects: it reports Wix's failures as its own states.
  const context = settled.status === 'fulfilled' ? settled.value : ({ status: 'unavailable' } as const);
  switch (context.status) {
    case 'unavailable':
      return failure('UPSTREAM_UNAVAILABLE');
    case 'no-account':
      return { ok: true, view: { status: 'no-account', program: context.snapshot.program } };
    case 'member':
      try {
        const page = await ownPage(context.accountId, knownId, early, cursor);
        return { ok: true, view: { status: 'member', program: context.snapshot.program, page } };
      } catch (error) {
        logFailure(error, 'activity: history');
        return failure('UPSTREAM_UNAVAILABLE');
      }
    case 'signed-out':
      try {
        return { ok: true, view: { status: 'visitor', program: (await loadProgramSnapshot()).program } };
      } catch (error) {
        logFailure(error, 'activity: program');
        return failure('UPSTREAM_UNAVAILABLE');
      }
  }
}

/** The page read ahead if it was read for this account, else this account's page. */
async function ownPage(
  accountId: string,
  knownId: string | null,
  early: PromiseSettledResult<ActivityPage | null>,
  cursor: ActivityCursor | null,
): Promise<ActivityPage> {
  if (accountId !== knownId) return readHistory(accountId, cursor);
  if (early.status === 'rejected') throw early.reason;
  return early.value ?? readHistory(accountId, cursor);
}
