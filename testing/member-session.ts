import { getConfig } from '@/lib/config/env';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import type { SessionState } from '@/lib/session/cookies';

/** A demo member signed in through the sandbox's hosted login with the app's OAuth client, as a session. */
export async function memberSession(name: string): Promise<{ session: SessionState; memberId: string }> {
  const { tokens, memberId } = await loginAs(oauthClient(getConfig().wix.clientId), name);
  return { session: { status: 'member', tokens }, memberId };
}
