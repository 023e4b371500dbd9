import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import type { Tokens } from '@wix/sdk';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { encodeSession, parseSession, sessionCookieName, sessionEndedHeader } from './cookies';
import { keepSessionUsable } from './renewal';

/** The proxy's upkeep of both sessions, against the sandbox's token endpoint through the real SDK. */
const sandbox = setUpRoutedSandbox();

const EMBEDDED = sessionCookieName('embedded');
const FIRST_PARTY = sessionCookieName('first-party');

async function memberTokens(name: string, { expired }: { expired: boolean }): Promise<Tokens> {
  const { tokens } = await loginAs(oauthClient(), name);
  if (!expired) return tokens;
  return { ...tokens, accessToken: { ...tokens.accessToken, expiresAt: Math.floor(Date.now() / 1000) - 60 } };
}

function requestWith(cookies: Record<string, Tokens>): NextRequest {
  const header = Object.entries(cookies)
    .map(([name, tokens]) => `${name}=${encodeSession(tokens)}`)
    .join('; ');
  return new NextRequest('http://localhost:3000/embed', { headers: { cookie: header } });
}

const setCookieFor = (response: Response, name: string) =>
  response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));

describe('keepSessionUsable', () => {
  it("renews an embedded member's expiring token into the partitioned cookie, leaving the app's own alone", async () => {
    const embedded = await memberTokens('Elena Rodriguez', { expired: true });
    const firstParty = await memberTokens('Johna Linskey', { expired: false });
    const request = requestWith({ [EMBEDDED]: embedded, [FIRST_PARTY]: firstParty });

    const response = await keepSessionUsable(request);

    const written = setCookieFor(response, EMBEDDED);
    expect(written).toMatch(/; Secure/i);
    expect(written).toMatch(/; SameSite=none/i);
    expect(written).toMatch(/; Partitioned/i);
    const renewed = parseSession(response.cookies.get(EMBEDDED)?.value);
    expect(renewed.status === 'member' && renewed.tokens.refreshToken.value).toBe(
      embedded.refreshToken.value,
    );
    expect(renewed.status === 'member' && renewed.tokens.accessToken.value).not.toBe(
      embedded.accessToken.value,
    );
    expect(request.cookies.get(EMBEDDED)?.value).toBe(response.cookies.get(EMBEDDED)?.value);
    expect(setCookieFor(response, FIRST_PARTY)).toBeUndefined();
  });

  it('ends only the embedded session when Wix refuses its refresh token', async () => {
    const embedded = await memberTokens('Elena Rodriguez', { expired: true });
    const firstParty = await memberTokens('Johna Linskey', { expired: false });
    const request = requestWith({ [EMBEDDED]: embedded, [FIRST_PARTY]: firstParty });
    await sandbox.control.injectFault({ pathPrefix: '/oauth2/token', status: 400, times: 1 });

    const response = await keepSessionUsable(request);

    expect(setCookieFor(response, EMBEDDED)).toMatch(/Max-Age=0/i);
    expect(setCookieFor(response, EMBEDDED)).toMatch(/; Partitioned/i);
    expect(request.headers.get(sessionEndedHeader('embedded'))).toBe('1');
    expect(request.headers.get(sessionEndedHeader('first-party'))).toBeNull();
    expect(setCookieFor(response, FIRST_PARTY)).toBeUndefined();
  });

  it('strips an ended signal a browser sent itself', async () => {
    const request = new NextRequest('http://localhost:3000/embed', {
      headers: { [sessionEndedHeader('embedded')]: '1', [sessionEndedHeader('first-party')]: '1' },
    });
    await keepSessionUsable(request);
    expect(request.headers.get(sessionEndedHeader('embedded'))).toBeNull();
    expect(request.headers.get(sessionEndedHeader('first-party'))).toBeNull();
  });
});
