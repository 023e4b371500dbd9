import type { NextRequest } from 'next/server';
import { isAuthErrorCode, isEmbedErrorCode } from '@/lib/errors/codes';
import { readSession } from '@/lib/session/request-session';
import { readWidgetRequest, renderWidget, widgetReply } from '../../widget-response';

export const dynamic = 'force-dynamic';

/**
 * The widget's content again, for the frame script: after the host asks for a refresh, when another widget
 * changed the points, or with a `notice` (a code the popup reported) to show above it.
 */
export async function GET(request: NextRequest) {
  const asked = request.nextUrl.searchParams.get('notice');
  const notice = isAuthErrorCode(asked) || isEmbedErrorCode(asked) ? asked : null;
  return widgetReply(await renderWidget(readWidgetRequest(request), await readSession('embedded'), notice));
}
