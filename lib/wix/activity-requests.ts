import 'server-only';
import { z } from 'zod';
import { failure, type ActivityErrorCode, type Failure } from '@/lib/errors/codes';
import { decodeActivityCursor, type ActivityCursor, type ActivityPage } from '@/lib/loyalty/activity-view';
import type { SessionState } from '@/lib/session/cookies';
import { loadActivity } from './activity';

/**
 * "Show more" as a browser asks for it, from the activity page (a server action) or from the embedded
 * widget (its route handler). The position only says where in the member's history to continue; whose
 * history is decided from the session, whatever the position holds.
 */

export type MoreActivityResult = { ok: true; page: ActivityPage } | Failure<ActivityErrorCode>;

const cursorInput = z.string().min(1).max(512);

/** Checked before anything else is read, so bad input touches neither the session nor Wix. */
export function checkActivityCursor(
  value: unknown,
): { ok: true; position: ActivityCursor } | Failure<'INVALID_INPUT'> {
  const parsed = cursorInput.safeParse(value);
  const position = parsed.success ? decodeActivityCursor(parsed.data) : null;
  return position ? { ok: true, position } : failure('INVALID_INPUT');
}

export async function loadMoreActivity(
  session: SessionState,
  position: ActivityCursor,
): Promise<MoreActivityResult> {
  if (session.status !== 'member') return failure('SIGN_IN_REQUIRED');
  const result = await loadActivity(session, position);
  if (!result.ok) return result;
  switch (result.view.status) {
    case 'member':
      return { ok: true, page: result.view.page };
    case 'no-account':
      return failure('NO_LOYALTY_ACCOUNT');
    case 'visitor':
      return failure('SIGN_IN_REQUIRED');
  }
}
