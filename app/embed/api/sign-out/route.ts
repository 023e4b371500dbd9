import type { NextRequest } from 'next/server';
import { readSameOriginJson } from '@/lib/http/json-post';
import { clearSession } from '@/lib/session/cookie-writer';
import { readWidgetRequest, renderWidget, widgetReply } from '../../widget-response';

export const dynamic = 'force-dynamic';

/**
 * Signs the widget out on this site: its partitioned session is cleared and the visitor view returned. The
 * app's own session, and the widget on other sites, are separate cookies and stay as they are.
 */
export async function POST(request: NextRequest) {
  const post = await readSameOriginJson(request);
  if (!post.ok) return widgetReply(null, post.code);
  const response = widgetReply(await renderWidget(readWidgetRequest(request), { status: 'none' }));
  clearSession(response.cookies, 'embedded');
  return response;
}
