import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { widgetBodyHtml } from '@/components/embed/widget-html';
import { navigationFor } from '@/components/embed/widget-nav-html';
import type { WidgetNotice } from '@/components/embed/embed-messages';
import type { RenderContext } from '@/components/embed/widget-parts';
import { getConfig } from '@/lib/config/env';
import type { ErrorCode } from '@/lib/errors/codes';
import { balanceOf, isSignedIn, loadWidget, type LoadedWidget } from '@/lib/embed/widget-data';
import { readSameOriginJson } from '@/lib/http/json-post';
import { parseWidgetOptions, type WidgetOptions } from '@/lib/embed/widget-options';
import { LOCALE_COOKIE, chooseLocale, type Locale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { clearSession } from '@/lib/session/cookie-writer';
import type { SessionState } from '@/lib/session/cookies';
import { appOrigin } from '@/lib/wix/app-origin';

/** A widget request's options, from the query `embed.js` built, and the locale it renders in. */
export type WidgetRequest = {
  options: WidgetOptions;
  locale: Locale;
  /** The app's public origin, where a member's referral link lands by default. */
  appOrigin: string;
};

export function readWidgetRequest(request: NextRequest): WidgetRequest {
  const origin = appOrigin(request.url);
  const framingOrigins = [origin, ...getConfig().embed.allowedOrigins];
  const options = parseWidgetOptions(request.nextUrl.searchParams, framingOrigins);
  // The host page's `data-locale` first, then the shopper's switcher choice (sent where the cookie reaches
  // the frame), then the browser's languages.
  const locale = chooseLocale({
    requested: options.locale,
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get('accept-language'),
  });
  return { options, locale, appOrigin: origin };
}

/** What the widget's HTML is written with: its language and catalogue, the viewer's time zone, the clock. */
export async function renderContextFor(
  { options, locale }: WidgetRequest,
  notice: WidgetNotice | null = null,
): Promise<RenderContext> {
  return { locale, t: await translatorFor(locale), timeZone: options.timeZone, now: Date.now(), notice };
}

/** What the frame script swaps in, and what it tells the host page. */
export type RenderedWidget = {
  html: string;
  signedIn: boolean;
  /** The member's balance when the widget shows one. */
  balance: number | null;
  sessionRejected: boolean;
};

export async function renderWidget(
  widget: WidgetRequest,
  session: SessionState,
  notice: WidgetNotice | null = null,
): Promise<RenderedWidget> {
  const { options } = widget;
  const [loaded, context] = await Promise.all([
    loadWidget(options.view, session, options.checkoutId, options, widget.appOrigin),
    renderContextFor(widget, notice),
  ]);
  return renderWith(widget, loaded, context);
}

/** Renders content already loaded (an apply that knows the checkout's state after it). */
export async function renderLoaded(
  widget: WidgetRequest,
  loaded: LoadedWidget,
  notice: WidgetNotice | null = null,
): Promise<RenderedWidget> {
  return renderWith(widget, loaded, await renderContextFor(widget, notice));
}

function renderWith(
  { options }: WidgetRequest,
  { content, sessionRejected }: LoadedWidget,
  context: RenderContext,
): RenderedWidget {
  return {
    html: widgetBodyHtml(content, context, navigationFor(options)).markup,
    signedIn: isSignedIn(content),
    balance: balanceOf(content),
    sessionRejected,
  };
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  FORBIDDEN_ORIGIN: 403,
  MEMBER_TOKEN_DISABLED: 403,
  MALFORMED_REQUEST: 400,
  INVALID_INPUT: 400,
  INVALID_ACTIVITY: 400,
  SIGN_IN_REQUIRED: 401,
  HANDOFF_INVALID: 401,
  HANDOFF_NONCE_MISMATCH: 401,
  MEMBER_TOKEN_INVALID: 401,
  MEMBER_TOKEN_EXPIRED: 401,
  MEMBER_TOKEN_REPLAYED: 401,
  MEMBER_TOKEN_WRONG_AUDIENCE: 401,
  MEMBER_NOT_FOUND: 401,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  CHECKOUT_NOT_FOUND: 404,
  REFERRAL_CODE_INVALID: 400,
  REFERRAL_CODE_UNKNOWN: 404,
};

/** The HTTP status for a widget reply: 200, or what its code means (a refusal of the request is 409). */
export function statusFor(code: ErrorCode | null): number {
  return code === null ? 200 : (STATUS_BY_CODE[code] ?? 409);
}

/**
 * A JSON reply to the frame script: `ok` and the code when refused, the widget's new content when there is
 * one, and anything else the caller adds. Never cached; a session Wix refused while rendering is cleared.
 */
export function widgetReply(
  rendered: RenderedWidget | null,
  code: ErrorCode | null = null,
  extra: Record<string, unknown> = {},
): NextResponse {
  const widget = rendered && { html: rendered.html, signedIn: rendered.signedIn, balance: rendered.balance };
  const response = NextResponse.json(
    { ok: code === null, ...(code ? { code } : {}), ...extra, ...widget },
    { status: statusFor(code), headers: { 'Cache-Control': 'private, no-store' } },
  );
  if (rendered?.sessionRejected) clearSession(response.cookies, 'embedded');
  return response;
}

export type WidgetInput<T> = { ok: true; input: T } | { ok: false; reply: NextResponse };

/** The body of a post from the frame script, past the origin and JSON checks and the route's schema. */
export async function readWidgetInput<T>(
  request: NextRequest,
  schema: z.ZodType<T>,
): Promise<WidgetInput<T>> {
  const post = await readSameOriginJson(request);
  if (!post.ok) return { ok: false, reply: widgetReply(null, post.code) };
  const parsed = schema.safeParse(post.body);
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, reply: widgetReply(null, 'MALFORMED_REQUEST') };
}
