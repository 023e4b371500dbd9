import 'server-only';
import type { Tokens } from '@wix/sdk';
import { signInExternalMember, startLogin } from '@/lib/wix/auth';
import { createOAuth } from '@/lib/wix/clients';
import { isTokenRefusal } from '@/lib/wix/errors';
import { probe } from './probe';
import { row, type CheckRow } from './report';

/** `WIX_CLIENT_ID` gets a visitor token: it is an OAuth app Wix knows. */
export async function checkOAuthClient(): Promise<CheckRow> {
  const outcome = await probe(() => createOAuth().generateVisitorTokens());
  if (outcome.kind === 'answered') return row('OAuth client', 'ok', 'WIX_CLIENT_ID gets a visitor token');
  if (outcome.kind !== 'permitted' && !isTokenRefusal(outcome.error)) {
    return row(
      'OAuth client',
      'FAILED',
      `Wix did not answer for a visitor token (${outcome.detail}). Fix: run the doctor again.`,
    );
  }
  return row(
    'OAuth client',
    'FAILED',
    'Wix gives WIX_CLIENT_ID no visitor token. Fix: set WIX_CLIENT_ID to the client id of the site’s headless OAuth app (Settings, Headless Settings).',
  );
}

/** Wix's hosted login takes the app's callback: what Sign in starts with. */
export async function checkHostedLogin(callbackUrl: string): Promise<CheckRow> {
  const login = await startLogin(callbackUrl, '/', null);
  return login.ok
    ? row(
        'hosted login',
        'ok',
        `Wix starts a login that returns to ${callbackUrl}: list it among the OAuth app’s allowed redirect URIs`,
      )
    : row(
        'hosted login',
        'FAILED',
        `Wix started no login for ${callbackUrl}. Fix: add it to the OAuth app’s allowed redirect URIs.`,
      );
}

/**
 * A member's tokens the way the storefront sign-in gets them (`getMemberTokensForExternalLogin` with the API
 * key): the doctor then calls the member's methods with them.
 */
export async function memberTokens(memberId: string): Promise<{ row: CheckRow; tokens: Tokens | null }> {
  const name = 'member tokens';
  const signedIn = await signInExternalMember(memberId);
  if (signedIn.ok) {
    return {
      tokens: signedIn.tokens,
      row: row(name, 'ok', `getMemberTokensForExternalLogin signs member ${memberId} in`),
    };
  }
  const detail =
    signedIn.reason === 'refused'
      ? `Wix refused to sign member ${memberId} in. Fix: give --member the id of a member of this site (the dashboard’s Contacts, or GET /_sandbox/members in the sandbox), and check that the API key may manage members.`
      : `Wix did not answer the external login. Fix: run the doctor again.`;
  return { tokens: null, row: row(name, 'FAILED', detail) };
}
