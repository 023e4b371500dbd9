import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { DEMO_ACCOUNT_IDS, DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { signInExternalMember } from './auth';
import { createMemberClient } from './clients';

/** The storefront sign-in's Wix half, through the real SDK against the sandbox's authorized_client grant. */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

describe('signInExternalMember', () => {
  it('returns tokens that act as the member, with no login page involved', async () => {
    const signedIn = await signInExternalMember(DEMO_MEMBER_IDS.aigneis);
    if (!signedIn.ok) throw new Error(`refused: ${signedIn.reason}`);
    expect(signedIn.tokens.refreshToken.role).toBe('member');
    const { account } = await createMemberClient(signedIn.tokens).accounts.getCurrentMemberAccount();
    expect(account?._id).toBe(DEMO_ACCOUNT_IDS.aigneis);
  });

  it('calls a member Wix does not know refused', async () => {
    expect(await signInExternalMember('00000000-0000-4000-8000-000000000000')).toEqual({
      ok: false,
      reason: 'refused',
    });
  });

  it('calls an outage of the token endpoint unavailable', async () => {
    await sandbox.control.injectFault({ pathPrefix: '/oauth2/token', status: 503, times: 1 });
    expect(await signInExternalMember(DEMO_MEMBER_IDS.aigneis)).toEqual({ ok: false, reason: 'unavailable' });
  });
});
