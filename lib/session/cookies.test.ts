import { describe, expect, it } from 'vitest';
import {
  encodeOAuthFlow,
  encodeSession,
  isExpired,
  needsRefresh,
  oauthFlowCookieAttributes,
  parseOAuthFlow,
  parseSession,
  sessionCookieAttributes,
  sessionCookieName,
  sessionEndedHeader,
  toSessionState,
} from './cookies';

const memberTokens = {
  accessToken: { value: 'access', expiresAt: 2_000 },
  refreshToken: { value: 'refresh', role: 'member' },
};
const visitorTokens = { ...memberTokens, refreshToken: { value: 'refresh', role: 'visitor' } };
const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('session cookie', () => {
  it('round-trips SDK tokens into the member or visitor state their role says', () => {
    expect(parseSession(encodeSession(memberTokens))).toEqual({ status: 'member', tokens: memberTokens });
    expect(parseSession(encodeSession(visitorTokens))).toEqual({ status: 'visitor', tokens: visitorTokens });
  });

  it('reads a missing cookie as no session, and a session the proxy ended as ended', () => {
    expect(parseSession(undefined)).toEqual({ status: 'none' });
    expect(parseSession('')).toEqual({ status: 'none' });
    expect(toSessionState(parseSession(undefined), '1')).toEqual({ status: 'ended' });
    expect(toSessionState(parseSession(encodeSession(memberTokens)), null)).toMatchObject({
      status: 'member',
    });
  });

  it.each([
    ['text that is not base64 JSON', 'not base64 json'],
    ['JSON that is not tokens', encodeJson({ accessToken: 1 })],
    [
      'a role the SDK never issues',
      encodeJson({ ...memberTokens, refreshToken: { value: 'r', role: 'admin' } }),
    ],
  ])('marks %s unreadable, which pages see as no session', (_label, raw) => {
    const stored = parseSession(raw);
    expect(stored).toEqual({ status: 'unreadable' });
    expect(toSessionState(stored, null)).toEqual({ status: 'none' });
  });

  it('is httpOnly, Secure and Lax on the app, and Partitioned with SameSite=None when embedded', () => {
    expect(sessionCookieAttributes()).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 2_592_000,
    });
    expect(sessionCookieAttributes('embedded')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'none',
      partitioned: true,
    });
    expect(oauthFlowCookieAttributes()).toMatchObject({ path: '/auth', maxAge: 600, sameSite: 'lax' });
  });

  it('gives the embedded session a cookie and an ended signal of its own', () => {
    expect(sessionCookieName('embedded')).not.toBe(sessionCookieName('first-party'));
    expect(sessionCookieName()).toBe('wix_session');
    expect(sessionEndedHeader('embedded')).not.toBe(sessionEndedHeader('first-party'));
  });

  it('asks for a refresh shortly before the access token expires, and calls it expired only after', () => {
    expect(needsRefresh(memberTokens, 1_000)).toBe(false);
    expect(needsRefresh(memberTokens, 1_980)).toBe(true);
    expect(isExpired(memberTokens, 1_980)).toBe(false);
    expect(isExpired(memberTokens, 2_000)).toBe(true);
  });
});

describe('oauth flow cookie', () => {
  const flow = {
    codeVerifier: 'verifier',
    codeChallenge: 'challenge',
    state: 'state',
    redirectUri: 'http://localhost:3000/auth/callback',
    originalUri: '/',
  };

  it('round-trips and rejects tampering', () => {
    expect(parseOAuthFlow(encodeOAuthFlow(flow))).toEqual(flow);
    expect(parseOAuthFlow('garbage')).toBeNull();
    expect(parseOAuthFlow(encodeJson({ ...flow, redirectUri: 'not a url' }))).toBeNull();
    expect(parseOAuthFlow(undefined)).toBeNull();
  });

  it('carries a popup nonce only in the shape a widget generates', () => {
    const nonce = 'n'.repeat(43);
    expect(parseOAuthFlow(encodeOAuthFlow({ ...flow, handoffNonce: nonce }))?.handoffNonce).toBe(nonce);
    expect(parseOAuthFlow(encodeJson({ ...flow, handoffNonce: 'short' }))).toBeNull();
    expect(parseOAuthFlow(encodeJson({ ...flow, handoffNonce: `${'n'.repeat(30)}<script>` }))).toBeNull();
  });
});
