import { NextResponse, type NextRequest } from 'next/server';
import type { Tokens } from '@wix/sdk';
import { renewMemberTokens } from '@/lib/wix/auth';
import { clearSession, writeSession } from './cookie-writer';
import {
  COOKIE_VARIANTS,
  encodeSession,
  needsRefresh,
  parseSession,
  sessionCookieName,
  sessionEndedHeader,
  type CookieVariant,
} from './cookies';

type Upkeep =
  | { kind: 'keep' }
  | { kind: 'renewed'; tokens: Tokens }
  /** `ended`: Wix refused the refresh token, and the shopper is told so. */
  | { kind: 'cleared'; ended: boolean };

/**
 * Keeps the session cookies usable before any page or route reads them: the app's own and, in a request
 * from an embedded widget, the partitioned one. Server components cannot write cookies, so this is where an
 * expiring member token is renewed and written back, where a cookie we cannot read is cleared, and where a
 * refresh Wix refuses ends the session visibly instead of letting the SDK fall back to anonymous tokens
 * behind our back.
 */
export async function keepSessionUsable(request: NextRequest): Promise<NextResponse> {
  for (const variant of COOKIE_VARIANTS) request.headers.delete(sessionEndedHeader(variant));
  const upkeep = await Promise.all(
    COOKIE_VARIANTS.map(async (variant) => ({ variant, result: await upkeepOf(request, variant) })),
  );

  // The request first (the render reads it), then the response that tells the browser.
  for (const { variant, result } of upkeep) {
    const name = sessionCookieName(variant);
    if (result.kind === 'renewed') request.cookies.set(name, encodeSession(result.tokens));
    if (result.kind === 'cleared') {
      request.cookies.delete(name);
      if (result.ended) request.headers.set(sessionEndedHeader(variant), '1');
    }
  }
  const response = NextResponse.next({ request: { headers: request.headers } });
  for (const { variant, result } of upkeep) {
    if (result.kind === 'renewed') writeSession(response.cookies, result.tokens, variant);
    if (result.kind === 'cleared') clearSession(response.cookies, variant);
  }
  return response;
}

async function upkeepOf(request: NextRequest, variant: CookieVariant): Promise<Upkeep> {
  const stored = parseSession(request.cookies.get(sessionCookieName(variant))?.value);
  if (stored.status === 'unreadable') return { kind: 'cleared', ended: false };
  if (stored.status !== 'member' || !needsRefresh(stored.tokens)) return { kind: 'keep' };

  const renewed = await renewMemberTokens(stored.tokens);
  if (renewed.ok) return { kind: 'renewed', tokens: renewed.tokens };
  // An outage keeps the cookie: the member context reports an expired token as unavailable, and the next
  // request tries the renewal again.
  return renewed.reason === 'refused' ? { kind: 'cleared', ended: true } : { kind: 'keep' };
}
