import { describe, expect, it } from 'vitest';
import {
  encodeOAuthFlow,
  encodeSession,
  needsRefresh,
  parseOAuthFlow,
  parseSession,
  safeReturnPath,
  sessionCookieAttributes,
} from './session';

const memberTokens = {
  accessToken: { value: 'access', expiresAt: 2_000 },
  refreshToken: { value: 'refresh', role: 'member' },
};

describe('session cookie', () => {
  it('round-trips SDK tokens and reports the role', () => {
    expect(parseSession(encodeSession(memberTokens))).toEqual({
      status: 'valid',
      tokens: memberTokens,
      role: 'member',
    });
  });

  it('treats a missing cookie as absent and any unreadable cookie as invalid', () => {
    expect(parseSession(undefined)).toEqual({ status: 'absent' });
    expect(parseSession('')).toEqual({ status: 'absent' });
    expect(parseSession('not base64 json')).toEqual({ status: 'invalid' });
    expect(parseSession(Buffer.from('{"accessToken":1}').toString('base64url'))).toEqual({
      status: 'invalid',
    });
    const forgedRole = { ...memberTokens, refreshToken: { value: 'refresh', role: 'admin' } };
    expect(parseSession(Buffer.from(JSON.stringify(forgedRole)).toString('base64url'))).toEqual({
      status: 'invalid',
    });
  });

  it('is httpOnly and Secure', () => {
    expect(sessionCookieAttributes).toMatchObject({ httpOnly: true, secure: true, path: '/' });
  });

  it('asks for a refresh shortly before the access token expires', () => {
    expect(needsRefresh(memberTokens, 1_000)).toBe(false);
    expect(needsRefresh(memberTokens, 1_980)).toBe(true);
    expect(needsRefresh(memberTokens, 2_500)).toBe(true);
  });
});

describe('oauth flow cookie', () => {
  it('round-trips and rejects tampering', () => {
    const flow = {
      codeVerifier: 'verifier',
      codeChallenge: 'challenge',
      state: 'state',
      redirectUri: 'http://localhost:3000/auth/callback',
      originalUri: '/',
    };
    expect(parseOAuthFlow(encodeOAuthFlow(flow))).toEqual(flow);
    expect(parseOAuthFlow('garbage')).toBeNull();
    expect(parseOAuthFlow(undefined)).toBeNull();
  });
});

describe('safeReturnPath', () => {
  it('keeps same-origin paths', () => {
    expect(safeReturnPath('/earn?tab=social#top')).toBe('/earn?tab=social#top');
  });

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null])(
    'falls back to / for %s',
    (candidate) => {
      expect(safeReturnPath(candidate)).toBe('/');
    },
  );
});
