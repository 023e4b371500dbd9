import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { failure } from '@/lib/errors/codes';
import { welcomeContent } from '@/lib/embed/widget-data';
import { withinClientLimit } from '@/lib/rate-limit/earn-limits';
import { readSession } from '@/lib/session/request-session';
import { acceptReferral } from '@/lib/wix/referral-friend';
import {
  readWidgetInput,
  readWidgetRequest,
  renderLoaded,
  renderWidget,
  widgetReply,
} from '../../widget-response';

export const dynamic = 'force-dynamic';

/** Only the code is read; it is checked by the links' own rule before anything else happens. */
const referralInput = z.object({ referralCode: z.unknown() });

/**
 * The friend, just signed in inside the widget or already signed in and using the invite, asks to be
 * recorded as referred by the code the frame held since the page gave it. The member is the session's, never the body's. Recorded: the reply is the welcome
 * with their reward. Refused: the widget as it is, with the reason above it, and nothing recorded.
 */
export async function POST(request: NextRequest) {
  const post = await readWidgetInput(request, referralInput);
  if (!post.ok) return post.reply;
  const widget = readWidgetRequest(request);
  const session = await readSession('embedded');
  const result = (await withinClientLimit(request.headers.get('x-forwarded-for')))
    ? await acceptReferral(session, post.input.referralCode)
    : failure('RATE_LIMITED');
  if (!result.ok) {
    // The code is spent either way: the widget shown after a refusal is the one asked for, not the welcome.
    const asked = { ...widget, options: { ...widget.options, referralCode: null } };
    return widgetReply(await renderWidget(asked, session, result.code), result.code);
  }
  const content = await welcomeContent(widget.options.view, result.welcome, result.reward);
  return widgetReply(await renderLoaded(widget, { content, sessionRejected: false }));
}
