import { z } from 'zod';
import type { Tokens } from '@wix/sdk';

/**
 * The member session is the SDK's own tokens in one httpOnly cookie. This module is the only place that
 * knows the cookies' names, attributes and encoding; everything else speaks `SessionState`.
 */

/**
 * `first-party`: the app's own pages, `SameSite=Lax`. `embedded`: the app inside a cross-site iframe,
 * where only a `SameSite=None; Secure; Partitioned` (CHIPS) cookie survives third-party-cookie blocking;
 * being partitioned, it is keyed to the embedding site.
 */
export type CookieVariant = 'first-party' | 'embedded';

export const COOKIE_VARIANTS: readonly CookieVariant[] = ['first-party', 'embedded'];

/**
 * Each variant has a cookie of its own, so an embed on the app's own site (where the partitioned cookie
 * and the first-party one would share a jar) can never overwrite or clear the first-party session.
 *
 * `endedHeader` is set on the request by the proxy (and stripped from what browsers send) when Wix refused
 * to renew that session. A header, not the cookie: Next hands the render the cookies the proxy's response
 * sets, and that response clears the session cookie.
 */
const SESSION_NAMES: Record<CookieVariant, { cookie: string; endedHeader: string }> = {
  'first-party': { cookie: 'wix_session', endedHeader: 'x-loyalty-session-ended' },
  embedded: { cookie: 'wix_embed_session', endedHeader: 'x-loyalty-embed-session-ended' },
};

export function sessionCookieName(variant: CookieVariant = 'first-party'): string {
  return SESSION_NAMES[variant].cookie;
}

export function sessionEndedHeader(variant: CookieVariant = 'first-party'): string {
  return SESSION_NAMES[variant].endedHeader;
}

/** The app's own session cookie. */
export const SESSION_COOKIE = sessionCookieName('first-party');
export const SESSION_ENDED_HEADER = sessionEndedHeader('first-party');
export const OAUTH_FLOW_COOKIE = 'wix_oauth_flow';

const THIRTY_DAYS_IN_SECONDS = 60 * 60 * 24 * 30;
const TEN_MINUTES_IN_SECONDS = 60 * 10;

export type CookieAttributes = {
  httpOnly: true;
  secure: true;
  sameSite: 'lax' | 'none';
  path: string;
  maxAge: number;
  partitioned?: true;
};

/** The session cookie's attributes for this kind of page. */
export function sessionCookieAttributes(variant: CookieVariant = 'first-party'): CookieAttributes {
  const base = { httpOnly: true, secure: true, path: '/', maxAge: THIRTY_DAYS_IN_SECONDS } as const;
  return variant === 'embedded'
    ? { ...base, sameSite: 'none', partitioned: true }
    : { ...base, sameSite: 'lax' };
}

/** The PKCE verifier and state survive only the round trip through the hosted login page. */
export function oauthFlowCookieAttributes(variant: CookieVariant = 'first-party'): CookieAttributes {
  return { ...sessionCookieAttributes(variant), path: '/auth', maxAge: TEN_MINUTES_IN_SECONDS };
}

/** What a request knows about its shopper, before asking Wix anything. */
export type SessionState =
  | { status: 'none' }
  | { status: 'visitor'; tokens: Tokens }
  | { status: 'member'; tokens: Tokens }
  /** Wix refused to renew the member's tokens on this request: signed out, and the shopper is told so. */
  | { status: 'ended' };

/** A cookie we could not read as SDK tokens: treated as no session, and cleared by whoever can write. */
export type StoredSession = Exclude<SessionState, { status: 'ended' }> | { status: 'unreadable' };

const tokensSchema = z.object({
  accessToken: z.object({ value: z.string().min(1), expiresAt: z.number().int().nonnegative() }),
  refreshToken: z.object({ value: z.string().min(1), role: z.enum(['member', 'visitor']) }),
});

export function encodeSession(tokens: Tokens): string {
  return Buffer.from(JSON.stringify(tokens), 'utf8').toString('base64url');
}

export function parseSession(raw: string | undefined): StoredSession {
  if (raw === undefined || raw === '') return { status: 'none' };
  const parsed = tokensSchema.safeParse(decodeJson(raw));
  if (!parsed.success) return { status: 'unreadable' };
  const tokens: Tokens = parsed.data;
  return parsed.data.refreshToken.role === 'member'
    ? { status: 'member', tokens }
    : { status: 'visitor', tokens };
}

/**
 * The session as pages and features see it: an unreadable cookie is simply no session, and a session the
 * proxy ended on this request is `ended`.
 */
export function toSessionState(stored: StoredSession, endedHeader: string | null): SessionState {
  if (endedHeader === '1') return { status: 'ended' };
  return stored.status === 'unreadable' ? { status: 'none' } : stored;
}

const REFRESH_MARGIN_SECONDS = 30;

/** True when the access token is gone or about to expire, so the next Wix call would need a new one. */
export function needsRefresh(tokens: Tokens, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return tokens.accessToken.expiresAt - REFRESH_MARGIN_SECONDS <= nowSeconds;
}

/** True once the access token can no longer be used at all. */
export function isExpired(tokens: Tokens, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return tokens.accessToken.expiresAt <= nowSeconds;
}

/** A widget's popup nonce: at least 128 random bits, base64url. */
export const HANDOFF_NONCE_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

const oauthFlowSchema = z.object({
  codeVerifier: z.string().min(1),
  codeChallenge: z.string().min(1),
  state: z.string().min(1),
  redirectUri: z.url(),
  originalUri: z.string(),
  /**
   * Set when the login runs in a popup opened by an embedded widget: the callback then hands the tokens to
   * that widget through a one-time code bound to this nonce, instead of signing in the app's own pages.
   */
  handoffNonce: z.string().regex(HANDOFF_NONCE_PATTERN).optional(),
});

export type OAuthFlow = z.infer<typeof oauthFlowSchema>;

export function encodeOAuthFlow(flow: OAuthFlow): string {
  return Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
}

export function parseOAuthFlow(raw: string | undefined): OAuthFlow | null {
  if (!raw) return null;
  const parsed = oauthFlowSchema.safeParse(decodeJson(raw));
  return parsed.success ? parsed.data : null;
}

function decodeJson(raw: string): unknown {
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
