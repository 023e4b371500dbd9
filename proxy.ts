import type { NextRequest } from 'next/server';
import { keepSessionUsable } from '@/lib/session/renewal';

/** Runs before every page and route: the session is renewed, cleared or ended here, once, by lib/session. */
export function proxy(request: NextRequest) {
  return keepSessionUsable(request);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|embed.js).*)'],
};
