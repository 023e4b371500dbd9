import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { redeemHandoff } from '@/lib/embed/handoff';
import { embedStores } from '@/lib/embed/stores';
import { writeSession } from '@/lib/session/cookie-writer';
import { readSession } from '@/lib/session/request-session';
import { readWidgetInput, readWidgetRequest, renderWidget, widgetReply } from '../../widget-response';

export const dynamic = 'force-dynamic';

const handoffInput = z.object({ code: z.string().max(128), nonce: z.string().max(128) });

/**
 * The popup sign-in's last step: the frame trades the one-time code its popup posted to it, with the nonce
 * it generated, for its own partitioned session, and gets the member's widget back without a reload.
 * A refused code sets nothing and leaves whatever session the frame had.
 */
export async function POST(request: NextRequest) {
  const post = await readWidgetInput(request, handoffInput);
  if (!post.ok) return post.reply;

  const widget = readWidgetRequest(request);
  const redeemed = await redeemHandoff(embedStores().handoffCodes, post.input.code, post.input.nonce);
  if (!redeemed.ok) {
    const current = await renderWidget(widget, await readSession('embedded'), redeemed.code);
    return widgetReply(current, redeemed.code);
  }
  const response = widgetReply(await renderWidget(widget, { status: 'member', tokens: redeemed.tokens }));
  writeSession(response.cookies, redeemed.tokens, 'embedded');
  return response;
}
