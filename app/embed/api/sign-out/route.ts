import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { clearSession } from '@/lib/session/cookie-writer';
import { readWidgetInput, readWidgetRequest, renderWidget, widgetReply } from '../../widget-response';

export const dynamic = 'force-dynamic';

/** Nothing is read from the body; it only has to be JSON from the widget's own origin. */
const anyBody = z.unknown();

/**
 * Signs the widget out on this site: its partitioned session is cleared and the visitor view returned. The
 * app's own session, and the widget on other sites, are separate cookies and stay as they are.
 */
export async function POST(request: NextRequest) {
  const post = await readWidgetInput(request, anyBody);
  if (!post.ok) return post.reply;
  const response = widgetReply(await renderWidget(readWidgetRequest(request), { status: 'none' }));
  clearSession(response.cookies, 'embedded');
  return response;
}
