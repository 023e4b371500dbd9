import 'server-only';
import type { Tokens } from '@wix/sdk';
import { getConfig } from '@/lib/config/env';
import type { AuthErrorCode } from '@/lib/errors/codes';
import type { OAuthFlow } from '@/lib/session/cookies';
import { createOAuth } from './clients';
import { isTokenRefusal } from './errors';
import { logFailure } from './observe-calls';

/**
 * Every conversation with Wix's OAuth endpoints: starting and finishing the hosted login, renewing a
 * member's tokens, and leaving. Routes and the proxy call these; none of them touches `OAuthStrategy`.
 */

export type LoginStart =
  { ok: true; authUrl: string; flow: OAuthFlow; visitorTokens: Tokens } | { ok: false; code: AuthErrorCode };

/**
 * Creates the PKCE flow and Wix's redirect session. The redirect session needs visitor tokens; they are
 * handed back so the caller can keep them and spare the next login a token round trip.
 */
export async function startLogin(
  callbackUrl: string,
  returnTo: string,
  existing: Tokens | null,
): Promise<LoginStart> {
  const auth = createOAuth(existing ?? undefined);
  const flow = auth.generateOAuthData(callbackUrl, returnTo);
  try {
    const { authUrl } = await auth.getAuthUrl(flow, { responseMode: 'query', prompt: 'login' });
    return { ok: true, authUrl, flow, visitorTokens: auth.getTokens() };
  } catch (error) {
    logFailure(error, 'auth: start login');
    return { ok: false, code: 'LOGIN_UNAVAILABLE' };
  }
}

export type LoginFinish = { ok: true; tokens: Tokens; returnTo: string } | { ok: false; code: AuthErrorCode };

/** Checks Wix's answer on the callback URL against the pending flow and trades the code for member tokens. */
export async function finishLogin(callbackUrl: string, flow: OAuthFlow | null): Promise<LoginFinish> {
  const auth = createOAuth();
  const { code, state, error } = auth.parseFromUrl(callbackUrl, 'query');
  if (error) return { ok: false, code: error === 'access_denied' ? 'LOGIN_CANCELLED' : 'LOGIN_FAILED' };
  if (!flow) return { ok: false, code: 'LOGIN_EXPIRED' };
  if (!code) return { ok: false, code: 'MISSING_CODE' };
  if (state !== flow.state) return { ok: false, code: 'STATE_MISMATCH' };
  try {
    return { ok: true, tokens: await auth.getMemberTokens(code, state, flow), returnTo: flow.originalUri };
  } catch (cause) {
    logFailure(cause, 'auth: code exchange');
    return { ok: false, code: 'LOGIN_FAILED' };
  }
}

export type Renewal =
  | { ok: true; tokens: Tokens }
  /** `refused`: the refresh token is dead, the session is over. `unavailable`: try again next request. */
  | { ok: false; reason: 'refused' | 'unavailable' };

/** The SDK's token calls have no timeout of their own; a hanging token endpoint must not hang every page. */
const TOKEN_CALL_TIMEOUT_MS = 5_000;

/** A fresh access token for the member's refresh token. */
export async function renewMemberTokens(tokens: Tokens): Promise<Renewal> {
  try {
    const renewed = await withTimeout(createOAuth().renewToken(tokens.refreshToken), 'token renewal');
    return { ok: true, tokens: renewed };
  } catch (error) {
    // The door logged a refusal or an outage of Wix; only a timeout of ours is left to say.
    logFailure(error, 'session: token renewal');
    return { ok: false, reason: isTokenRefusal(error) ? 'refused' : 'unavailable' };
  }
}

export type ExternalSignIn =
  | { ok: true; tokens: Tokens }
  /** `refused`: Wix knows no such member (or will not sign them in). `unavailable`: try again later. */
  | { ok: false; reason: 'refused' | 'unavailable' };

/**
 * Member tokens for a member someone else has signed in (a storefront vouching with a signed token): Wix's
 * external login, which takes the API key and a live visitor token, so no second login is asked of the
 * shopper. Only call it for a member id this server has verified.
 */
export async function signInExternalMember(memberId: string): Promise<ExternalSignIn> {
  const auth = createOAuth();
  try {
    auth.setTokens(await withTimeout(auth.generateVisitorTokens(), 'visitor tokens'));
    const tokens = await withTimeout(
      auth.getMemberTokensForExternalLogin(memberId, getConfig().wix.apiKey),
      'external login',
    );
    return { ok: true, tokens };
  } catch (error) {
    logFailure(error, 'auth: external login');
    return { ok: false, reason: isTokenRefusal(error) ? 'refused' : 'unavailable' };
  }
}

async function withTimeout<T>(call: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out`)), TOKEN_CALL_TIMEOUT_MS);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Where to send the browser so Wix's hosted login forgets the member too; `returnTo` itself when Wix
 * cannot be reached, so signing out always works locally.
 */
export async function logoutDestination(tokens: Tokens | null, returnTo: string): Promise<string> {
  if (!tokens) return returnTo;
  try {
    return (await createOAuth(tokens).logout(returnTo)).logoutUrl;
  } catch (error) {
    logFailure(error, 'auth: Wix logout (signed out locally)');
    return returnTo;
  }
}
