import type { NextRequest } from 'next/server';
import { refuseBadServerAction } from '@/lib/http/server-action-guard';
import { keepSessionUsable } from '@/lib/session/renewal';

/**
 * Runs before every page, route and server action: posts that could only make Next's action decoder
 * fail are answered here with a 4xx, and the session is renewed, cleared or ended, once, by lib/session.
 */
export async function proxy(request: NextRequest) {
  return (await refuseBadServerAction(request)) ?? keepSessionUsable(request);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|embed.js).*)'],
};
