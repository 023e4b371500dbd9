import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS, DEMO_MEMBER_IDS } from './seed';
import { oauthClient } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';

setUpRoutedSandbox();

/** A client holding visitor tokens, as a server has before it signs a member in by other means. */
async function visitorClient() {
  const client = oauthClient();
  client.auth.setTokens(await client.auth.generateVisitorTokens());
  return client;
}

describe('external login (authorized_client grant)', () => {
  it("gives a server that holds the API key the named member's tokens", async () => {
    const client = await visitorClient();
    const tokens = await client.auth.getMemberTokensForExternalLogin(DEMO_MEMBER_IDS.elena, TEST_API_KEY);
    expect(tokens.refreshToken.role).toBe('member');

    client.auth.setTokens(tokens);
    const { account } = await client.accounts.getCurrentMemberAccount();
    expect(account?._id).toBe(DEMO_ACCOUNT_IDS.elena);
    const renewed = await client.auth.renewToken(tokens.refreshToken);
    expect(renewed.accessToken.value).not.toBe(tokens.accessToken.value);
  });

  it('refuses a wrong API key', async () => {
    const client = await visitorClient();
    await expect(
      client.auth.getMemberTokensForExternalLogin(DEMO_MEMBER_IDS.elena, 'not-the-key'),
    ).rejects.toThrow(/Unauthorized.*invalid_client/);
  });

  it('refuses a caller without a live access token', async () => {
    const client = oauthClient();
    await expect(
      client.auth.getMemberTokensForExternalLogin(DEMO_MEMBER_IDS.elena, TEST_API_KEY),
    ).rejects.toThrow(/Unauthorized.*invalid_client/);
  });

  it('refuses a member id the site does not have', async () => {
    const client = await visitorClient();
    await expect(
      client.auth.getMemberTokensForExternalLogin('00000000-0000-4000-8000-000000000000', TEST_API_KEY),
    ).rejects.toThrow(/Bad Request.*invalid_grant/);
  });
});
