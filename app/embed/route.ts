import { NextResponse, type NextRequest } from 'next/server';
import { widgetBodyHtml, widgetDocumentHtml } from '@/components/embed/widget-html';
import { translatorFor } from '@/lib/i18n/translator';
import { clearSession } from '@/lib/session/cookie-writer';
import { readSession } from '@/lib/session/request-session';
import { readWidgetRequest, renderWidget } from './widget-response';

export const dynamic = 'force-dynamic';

/**
 * The widget document that `embed.js` puts in an iframe: server-rendered HTML with its data, inline styles
 * and one small script, in place of an App Router page and its runtime. Who may frame it is decided by the
 * proxy's `frame-ancestors`; its session is the partitioned `embedded` one.
 */
export async function GET(request: NextRequest) {
  const widget = readWidgetRequest(request);
  const { options, locale } = widget;
  const t = await translatorFor(locale);
  // A host that passed a member token gets a loading card (or line); the script trades the token for a session.
  const rendered = options.awaitingMemberToken
    ? null
    : await renderWidget(widget, await readSession('embedded'));
  const body = rendered
    ? { markup: rendered.html }
    : widgetBodyHtml(options.view === 'preview' ? 'loading-preview' : 'loading', {
        locale,
        t,
        timeZone: options.timeZone,
        now: Date.now(),
        notice: null,
      });

  const response = new NextResponse(widgetDocumentHtml(options, { locale, t }, body), {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
  if (rendered?.sessionRejected) clearSession(response.cookies, 'embedded');
  return response;
}
