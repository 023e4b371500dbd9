import { describe, expect, it } from 'vitest';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { renewMemberTokens } from './auth';

/** Renewal through the real SDK against the sandbox: only a refused grant may end a session. */
const sandbox = setUpRoutedSandbox();

async function memberTokens() {
  return (await loginAs(oauthClient(), 'Johna Linskey')).tokens;
}

describe('renewMemberTokens', () => {
  it('renews a live refresh token', async () => {
    const tokens = await memberTokens();
    const renewed = await renewMemberTokens(tokens);
    expect(renewed.ok && renewed.tokens.accessToken.value).not.toBe(tokens.accessToken.value);
  });

  it('calls an unknown refresh token refused', async () => {
    const tokens = await memberTokens();
    const forged = { ...tokens, refreshToken: { ...tokens.refreshToken, value: 'forged' } };
    expect(await renewMemberTokens(forged)).toEqual({ ok: false, reason: 'refused' });
  });

  it.each([400, 401])('calls a %i from the token endpoint refused', async (status) => {
    const tokens = await memberTokens();
    await sandbox.control.injectFault({ pathPrefix: '/oauth2/token', status, times: 1 });
    expect(await renewMemberTokens(tokens)).toEqual({ ok: false, reason: 'refused' });
  });

  it.each([500, 502, 503, 429])(
    'calls a %i from the token endpoint an outage, not a sign-out',
    async (status) => {
      const tokens = await memberTokens();
      await sandbox.control.injectFault({ pathPrefix: '/oauth2/token', status, times: 1 });
      expect(await renewMemberTokens(tokens)).toEqual({ ok: false, reason: 'unavailable' });
      expect((await renewMemberTokens(tokens)).ok).toBe(true);
    },
  );

  it('calls an unreachable token endpoint an outage', async () => {
    const tokens = await memberTokens();
    await sandbox.control.setLatency(6_000);
    expect(await renewMemberTokens(tokens)).toEqual({ ok: false, reason: 'unavailable' });
  }, 15_000);
});
