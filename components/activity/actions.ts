'use server';

import { readSession } from '@/lib/session/request-session';
import { checkActivityCursor, loadMoreActivity, type MoreActivityResult } from '@/lib/wix/activity-requests';

/** The next page of the member's own history; the cursor is only a position in it. */
export async function loadMoreActivityAction(cursor: unknown): Promise<MoreActivityResult> {
  const input = checkActivityCursor(cursor);
  if (!input.ok) return input;
  return loadMoreActivity(await readSession(), input.position);
}
