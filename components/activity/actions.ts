'use server';

import { z } from 'zod';
import { failure, type ActivityErrorCode, type Failure } from '@/lib/errors/codes';
import { decodeActivityCursor, type ActivityPage } from '@/lib/loyalty/activity-view';
import { readSession } from '@/lib/session/request-session';
import { loadActivity } from '@/lib/wix/activity';

export type MoreActivityResult = { ok: true; page: ActivityPage } | Failure<ActivityErrorCode>;

const moreInput = z.object({ cursor: z.string().min(1).max(512) });

/**
 * The next page of the member's own history. The cursor only says where in that history to continue; whose
 * history is decided from the session, whatever the cursor holds.
 */
export async function loadMoreActivityAction(cursor: unknown): Promise<MoreActivityResult> {
  const parsed = moreInput.safeParse({ cursor });
  const position = parsed.success ? decodeActivityCursor(parsed.data.cursor) : null;
  if (!position) return failure('INVALID_INPUT');

  const session = await readSession();
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
