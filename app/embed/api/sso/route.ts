import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { getConfig } from '@/lib/config/env';
import type { EmbedErrorCode } from '@/lib/errors/codes';
import { acceptMemberToken, MEMBER_TOKEN_MAX_LENGTH } from '@/lib/embed/member-token';
import { embedStores } from '@/lib/embed/stores';
import { clearSession, writeSession } from '@/lib/session/cookie-writer';
import { readSession } from '@/lib/session/request-session';
import { appOrigin } from '@/lib/wix/app-origin';
import { signInExternalMember } from '@/lib/wix/auth';
import {
  readWidgetInput,
  readWidgetRequest,
  renderWidget,
  widgetReply,
  type WidgetRequest,
} from '../../widget-response';

export const dynamic = 'force-dynamic';

const tokenInput = z.object({ token: z.string().min(1).max(MEMBER_TOKEN_MAX_LENGTH) });

/**
 * Signs the widget in with the storefront's signed member token (`data-member-token`), which the frame
 * script reads from its URL fragment and posts here once. A refused token signs nobody in and ends any
 * session the frame had: the host said who its shopper is, and it was not someone we could confirm.
 */
export async function POST(request: NextRequest) {
  const post = await readWidgetInput(request, tokenInput);
  if (!post.ok) return post.reply;

  const widget = readWidgetRequest(request);
  const { ssoSecret, ssoAudience } = getConfig().embed;
  if (!ssoSecret) return refuse(widget, 'MEMBER_TOKEN_DISABLED');
  const accepted = await acceptMemberToken(post.input.token, {
    secret: ssoSecret,
    audience: ssoAudience ?? appOrigin(request.url),
    usedTokenIds: embedStores().memberTokenIds,
  });
  if (!accepted.ok) return refuse(widget, accepted.code);

  const signedIn = await signInExternalMember(accepted.memberId);
  if (!signedIn.ok) {
    if (signedIn.reason === 'refused') return refuse(widget, 'MEMBER_NOT_FOUND');
    const current = await renderWidget(widget, await readSession('embedded'), 'UPSTREAM_UNAVAILABLE');
    return widgetReply(current, 'UPSTREAM_UNAVAILABLE');
  }
  const response = widgetReply(await renderWidget(widget, { status: 'member', tokens: signedIn.tokens }));
  writeSession(response.cookies, signedIn.tokens, 'embedded');
  return response;
}

async function refuse(widget: WidgetRequest, code: EmbedErrorCode) {
  const response = widgetReply(await renderWidget(widget, { status: 'none' }, code), code);
  clearSession(response.cookies, 'embedded');
  return response;
}
