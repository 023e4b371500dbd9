import { ApiKeyStrategy, createClient, OAuthStrategy } from '@wix/sdk';
import { checkout } from '@wix/ecom';
import {
  accounts,
  checkoutExchange,
  coupons,
  earningRules,
  programs,
  rewards,
  socialMedia,
  tiers,
  transactions,
} from '@wix/loyalty';
import { members } from '@wix/members';
import { SANDBOX_CLIENT_ID, SANDBOX_SITE_ID } from './identity';

/**
 * Real SDK clients and a scripted hosted login, for the contract tests and the benchmark: they reach the
 * sandbox the way the app does, through `@wix/sdk` and the traffic routing, never by calling it directly.
 */

/** Pass `siteId: null` to leave out the `wix-site-id` header. */
export function adminClient(apiKey: string, siteId: string | null = SANDBOX_SITE_ID) {
  return createClient({
    modules: {
      accounts,
      programs,
      tiers,
      earningRules,
      transactions,
      members,
      socialMedia,
      rewards,
      coupons,
      checkout,
      checkoutExchange,
    },
    // An account-level key is the only way the SDK sends a key without a site id.
    auth:
      siteId === null ? ApiKeyStrategy({ apiKey, accountId: 'no-site' }) : ApiKeyStrategy({ apiKey, siteId }),
  });
}

export function oauthClient(clientId = SANDBOX_CLIENT_ID) {
  return createClient({
    modules: { accounts, members, socialMedia, tiers, rewards, coupons, checkout, checkoutExchange },
    auth: OAuthStrategy({ clientId }),
  });
}

export type OAuthClient = ReturnType<typeof oauthClient>;

export const REDIRECT_URI = 'http://localhost:3999/auth/callback';

/** Reads the member buttons off the hosted login page: `{ name: memberId }`. */
export function memberButtons(html: string): Record<string, string> {
  const buttons: Record<string, string> = {};
  for (const match of html.matchAll(
    /name="memberId" value="([^"]+)">\s*<span class="name">([^<]+)<\/span>/g,
  )) {
    const [, id, name] = match;
    if (id && name) buttons[name] = id;
  }
  return buttons;
}

function formAction(html: string, pageUrl: string): string {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('login page has no form');
  return new URL(action.replaceAll('&amp;', '&'), pageUrl).toString();
}

/** Posts the hosted login form as a browser would, without following the redirect. */
export async function submitLoginForm(authUrl: string, fields: Record<string, string>): Promise<Response> {
  const page = await fetch(authUrl);
  const html = await page.text();
  return fetch(formAction(html, authUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

/** The whole PKCE flow: auth URL, login page, member choice, code exchange. Leaves the client signed in. */
export async function loginAs(client: OAuthClient, memberName: string) {
  const oauthData = client.auth.generateOAuthData(REDIRECT_URI, 'http://localhost:3999/');
  const { authUrl } = await client.auth.getAuthUrl(oauthData, { responseMode: 'query' });
  const html = await (await fetch(authUrl)).text();
  const memberId = memberButtons(html)[memberName];
  if (!memberId) throw new Error(`${memberName} is not on the login page`);
  const response = await submitLoginForm(authUrl, { memberId });
  const location = response.headers.get('location') ?? '';
  const { code, state } = client.auth.parseFromUrl(location, 'query');
  const tokens = await client.auth.getMemberTokens(code ?? '', state ?? '', oauthData);
  client.auth.setTokens(tokens);
  return { tokens, memberId, oauthData };
}

/** A member's OAuth client, signed in through the hosted login. */
export async function signedInClient(memberName: string): Promise<OAuthClient> {
  const client = oauthClient();
  await loginAs(client, memberName);
  return client;
}

export interface WixSdkError {
  message: string;
  status?: number;
  details?: {
    applicationError?: { code?: string; description?: string };
    validationError?: { fieldViolations?: { field: string; violatedRule: string; description: string }[] };
  };
}

/** Awaits a call that must fail and returns the SDK's error for assertions. */
export async function sdkError(call: Promise<unknown>): Promise<WixSdkError> {
  try {
    await call;
  } catch (error) {
    return error as WixSdkError;
  }
  throw new Error('expected the SDK call to fail');
}
