import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS } from './seed';
import type { RunningSandbox } from './server';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { startRoutedSandbox } from '@/testing/routed-sandbox';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startRoutedSandbox({ tokenTtlSeconds: 1 });
});

afterAll(async () => {
  await sandbox.close();
});

it('expires access tokens after the TTL and lets the SDK renew them with the refresh token', async () => {
  const client = oauthClient();
  const { tokens } = await loginAs(client, 'Elena Rodriguez');
  expect((await client.accounts.getCurrentMemberAccount()).account?._id).toBe(DEMO_ACCOUNT_IDS.elena);

  await new Promise((resolve) => setTimeout(resolve, 2100));

  const expired = await fetch(`${sandbox.origin}/loyalty-accounts/v1/accounts/my-account`, {
    headers: { authorization: tokens.accessToken.value },
  });
  expect(expired.status).toBe(401);

  // The SDK notices the expiry itself and renews with the member's refresh token, staying a member.
  const { account } = await client.accounts.getCurrentMemberAccount();
  expect(account?._id).toBe(DEMO_ACCOUNT_IDS.elena);
  const renewed = client.auth.getTokens();
  expect(renewed.accessToken.value).not.toBe(tokens.accessToken.value);
  expect(renewed.refreshToken.value).toBe(tokens.refreshToken.value);
  expect(renewed.refreshToken.role).toBe('member');
});
