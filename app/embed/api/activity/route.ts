import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { activityRowsHtml } from '@/components/embed/activity-html';
import { readSession } from '@/lib/session/request-session';
import { checkActivityCursor, loadMoreActivity } from '@/lib/wix/activity-requests';
import { loadProgramSnapshot } from '@/lib/wix/site-catalog';
import { readWidgetInput, readWidgetRequest, renderContextFor, widgetReply } from '../../widget-response';

export const dynamic = 'force-dynamic';

/** Any object; only the position in it is read. */
const moreInput = z.looseObject({ cursor: z.unknown() });

/**
 * "Show more" in the widget's activity view: the next page of the embedded session's member's own history,
 * as list items to append (`rows`), the position after them (`next`, null at the end) and what to announce.
 * The position can only move within that history; whose history is the session's.
 */
export async function POST(request: NextRequest) {
  const post = await readWidgetInput(request, moreInput);
  if (!post.ok) return post.reply;
  const { t, ...context } = await renderContextFor(readWidgetRequest(request));
  const input = checkActivityCursor(post.input.cursor);
  if (!input.ok) {
    return widgetReply(null, input.code, { announcement: t(`Activity.failure.${input.code}`) });
  }

  const [result, snapshot] = await Promise.all([
    loadMoreActivity(await readSession('embedded'), input.position),
    loadProgramSnapshot().catch(() => null),
  ]);
  if (!result.ok)
    return widgetReply(null, result.code, { announcement: t(`Activity.failure.${result.code}`) });
  const unit = (snapshot?.program.pointsName ?? 'Points').toLowerCase();
  return widgetReply(null, null, {
    rows: activityRowsHtml(result.page.entries, unit, { t, ...context }).markup,
    next: result.page.nextCursor,
    announcement: t('Activity.moreShown', { count: result.page.entries.length }),
  });
}
