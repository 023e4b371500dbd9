import { z } from 'zod';
import type { WixLoyaltyTransaction } from '@/lib/wix/types';
import type { ProgramView } from './view-model';

/** The member's history as components see it. */

export type ActivityKind = 'earned' | 'redeemed' | 'adjusted' | 'expired' | 'refunded' | 'other';

export type ActivityEntryView = {
  id: string;
  kind: ActivityKind;
  /** The change to the balance, with its sign. */
  points: number;
  /** Wix's description; empty when it has none, and the component words the kind instead. */
  description: string;
  date: string | null;
};

export type ActivityPage = { entries: ActivityEntryView[]; nextCursor: string | null };

/** The activity page as this viewer should see it. */
export type ActivityView =
  | { status: 'visitor'; program: ProgramView }
  | { status: 'no-account'; program: ProgramView }
  | { status: 'member'; program: ProgramView; page: ActivityPage };

const KIND: Partial<Record<string, ActivityKind>> = {
  EARN: 'earned',
  REDEEM: 'redeemed',
  ADJUST: 'adjusted',
  EXPIRE: 'expired',
  REFUND: 'refunded',
};

/**
 * The sign comes from the type, so it is right whether Wix reports a redemption as -200 or 200: earning and
 * refunds add, redeeming and expiry take away, and an adjustment says which way it went.
 */
function signedPoints(kind: ActivityKind, amount: number): number {
  if (kind === 'earned' || kind === 'refunded') return Math.abs(amount);
  if (kind === 'redeemed' || kind === 'expired') return -Math.abs(amount);
  return amount;
}

export function toActivityEntry(transaction: WixLoyaltyTransaction): ActivityEntryView | null {
  if (!transaction._id) return null;
  const kind = KIND[transaction.transactionType ?? ''] ?? 'other';
  const date = transaction._createdDate ? new Date(transaction._createdDate) : null;
  return {
    id: transaction._id,
    kind,
    points: signedPoints(kind, transaction.amount ?? 0),
    description: transaction.description?.trim() ?? '',
    date: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
  };
}

/**
 * Where the next page starts: before `before`, skipping the `seen` entries stamped exactly `before` that the
 * previous page already showed. It only ever narrows the member's own history: whose history is always the
 * server's decision, so a forged cursor can at worst skip or repeat the member's own entries.
 */
export type ActivityCursor = { before: string; seen: number };

/** Wix pages hold at most 100 entries, and a page asks for `seen` more than it shows. */
export const MAX_SEEN = 80;

const cursorSchema = z.object({ before: z.iso.datetime(), seen: z.int().min(1).max(MAX_SEEN) });

export function encodeActivityCursor(cursor: ActivityCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor, or null when it is not one this server wrote. */
export function decodeActivityCursor(value: string): ActivityCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The cursor after a page (newest first) that `previous` led to; null when there is no next page. Entries
 * sharing the last one's time are counted, with those earlier pages already skipped at that same time.
 */
export function cursorAfter(
  entries: ActivityEntryView[],
  hasMore: boolean,
  previous: ActivityCursor | null,
): string | null {
  const last = entries.at(-1)?.date;
  if (!hasMore || !last) return null;
  const carried = previous?.before === last ? previous.seen : 0;
  const seen = Math.min(MAX_SEEN, carried + entries.filter((entry) => entry.date === last).length);
  return encodeActivityCursor({ before: last, seen });
}
