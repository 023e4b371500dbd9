import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { readSession } from '@/lib/session/request-session';
import { joinWithLimits } from '@/lib/wix/earn-requests';
import { readWidgetInput, readWidgetRequest, renderWidget, widgetReply } from '../../widget-response';

export const dynamic = 'force-dynamic';

/** Nothing is read from the body; it only has to be JSON from the widget's own origin. */
const anyBody = z.unknown();

/** Joins the program from the widget, as the card's join button does, and returns the widget as it is now. */
export async function POST(request: NextRequest) {
  const post = await readWidgetInput(request, anyBody);
  if (!post.ok) return post.reply;
  const session = await readSession('embedded');
  const result = await joinWithLimits(session, request.headers.get('x-forwarded-for'));
  const code = result.ok ? null : result.code;
  const rendered = await renderWidget(readWidgetRequest(request), session, code);
  // The earn view shows no balance; the host still hears the new account's.
  return widgetReply(result.ok ? { ...rendered, balance: result.account.balance } : rendered, code);
}
