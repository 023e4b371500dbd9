import type { NextRequest, NextResponse } from 'next/server';
import { getConfig } from '@/lib/config/env';
import { securityHeadersFor } from '@/lib/embed/frame-policy';
import { refuseBadServerAction } from '@/lib/http/server-action-guard';
import { REQUEST_ID_HEADER, requestIdFor, withRequestId } from '@/lib/observability/request-id';
import { keepSessionUsable } from '@/lib/session/renewal';

/**
 * Runs before every page, route and server action: the request gets its id (the caller's, when well
 * formed), passed on to the render and returned on the response; posts that could only make Next's action
 * decoder fail are answered here with a 4xx; the session is renewed, cleared or ended, once, by lib/session;
 * and every response says who may frame it (only `/embed`, and only by the allowed origins).
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
  request.headers.set(REQUEST_ID_HEADER, requestId);
  const response: NextResponse = await withRequestId(
    requestId,
    async () => (await refuseBadServerAction(request)) ?? (await keepSessionUsable(request)),
  );
  const headers = securityHeadersFor(request.nextUrl.pathname, getConfig().embed.allowedOrigins);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: [
    '/((?!_next/static|_next/image|favicon.ico|icon.svg|embed.js|embed-launcher.js|embed-frame.js).*)',
  ],
};
