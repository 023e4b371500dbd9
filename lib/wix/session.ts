import { z } from 'zod';
import type { Tokens } from '@wix/sdk';

/**
 * The member session: the SDK's own tokens, kept in one httpOnly cookie. Every cookie attribute lives here
 * so that the cross-origin embed can switch to `SameSite=None; Partitioned` in one place.
 */

export const SESSION_COOKIE = 'wix_session';
export const OAUTH_FLOW_COOKIE = 'wix_oauth_flow';

const THIRTY_DAYS_IN_SECONDS = 60 * 60 * 24 * 30;
const TEN_MINUTES_IN_SECONDS = 60 * 10;

export type CookieAttributes = {
  httpOnly: true;
  secure: true;
  sameSite: 'lax' | 'none';
  path: string;
  maxAge: number;
  partitioned?: boolean;
};

export const sessionCookieAttributes: CookieAttributes = {
  httpOnly: true,
  secure: true,
  sameSite: 'lax',
  path: '/',
  maxAge: THIRTY_DAYS_IN_SECONDS,
};

/** The PKCE verifier and state survive only the round trip through the hosted login page. */
export const oauthFlowCookieAttributes: CookieAttributes = {
  ...sessionCookieAttributes,
  path: '/auth',
  maxAge: TEN_MINUTES_IN_SECONDS,
};

const tokensSchema = z.object({
  accessToken: z.object({ value: z.string().min(1), expiresAt: z.number().int().nonnegative() }),
  refreshToken: z.object({ value: z.string().min(1), role: z.enum(['member', 'visitor']) }),
});

export type SessionRole = 'member' | 'visitor';

export type ParsedSession =
  { status: 'absent' } | { status: 'invalid' } | { status: 'valid'; tokens: Tokens; role: SessionRole };

export function encodeSession(tokens: Tokens): string {
  return Buffer.from(JSON.stringify(tokens), 'utf8').toString('base64url');
}

/** A cookie we cannot read as SDK tokens is treated as no session at all; the caller clears it. */
export function parseSession(raw: string | undefined): ParsedSession {
  if (raw === undefined || raw === '') return { status: 'absent' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return { status: 'invalid' };
  }
  const parsed = tokensSchema.safeParse(json);
  if (!parsed.success) return { status: 'invalid' };
  return { status: 'valid', tokens: parsed.data, role: parsed.data.refreshToken.role };
}

const REFRESH_MARGIN_SECONDS = 30;

/** True when the access token is gone or about to expire, so the next Wix call would need a new one. */
export function needsRefresh(tokens: Tokens, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return tokens.accessToken.expiresAt - REFRESH_MARGIN_SECONDS <= nowSeconds;
}

const oauthFlowSchema = z.object({
  codeVerifier: z.string().min(1),
  codeChallenge: z.string().min(1),
  state: z.string().min(1),
  redirectUri: z.url(),
  originalUri: z.string(),
});

export type OAuthFlow = z.infer<typeof oauthFlowSchema>;

export function encodeOAuthFlow(flow: OAuthFlow): string {
  return Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
}

export function parseOAuthFlow(raw: string | undefined): OAuthFlow | null {
  if (!raw) return null;
  try {
    const parsed = oauthFlowSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Only a path on this same origin may be a post-login destination; anything else (other hosts,
 * protocol-relative `//evil`, backslash tricks, `javascript:`) falls back to the home page.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = '/'): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) {
    return fallback;
  }
  const base = 'http://same-origin.invalid';
  try {
    const url = new URL(candidate, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
