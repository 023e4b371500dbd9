import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ApiKeyStrategy, createClient, OAuthStrategy } from '@wix/sdk';
import { accounts, earningRules, programs, socialMedia, tiers, transactions } from '@wix/loyalty';
import { members } from '@wix/members';
import { routeWixTrafficToSandbox } from './route-wix-traffic';
import { SANDBOX_CLIENT_ID, SANDBOX_SITE_ID } from './seed';
import { startSandbox, type RunningSandbox } from './server';

/** Shared by the contract tests, which drive the sandbox only through the real SDK clients. */

export const TEST_API_KEY = 'contract-test-api-key';

type RoutedSandboxOptions = { tokenTtlSeconds?: number; apiKey?: string };

export async function startRoutedSandbox(options: RoutedSandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, apiKey: TEST_API_KEY, ...options });
  routeWixTrafficToSandbox(sandbox.origin);
  return sandbox;
}

/** Pass `siteId: null` to leave out the `wix-site-id` header. */
export function adminClient(apiKey = TEST_API_KEY, siteId: string | null = SANDBOX_SITE_ID) {
  return createClient({
    modules: { accounts, programs, tiers, earningRules, transactions, members },
    // An account-level key is the only way the SDK sends a key without a site id.
    auth:
      siteId === null ? ApiKeyStrategy({ apiKey, accountId: 'no-site' }) : ApiKeyStrategy({ apiKey, siteId }),
  });
}

export function oauthClient(clientId = SANDBOX_CLIENT_ID) {
  return createClient({
    modules: { accounts, members, socialMedia, tiers },
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

export function formAction(html: string, pageUrl: string): string {
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

export async function control<T = unknown>(origin: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${origin}${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  return { status: response.status, json: (await response.json()) as T };
}

/**
 * One routed sandbox for the calling test file: started before its tests, reset to the seed before each,
 * closed after. The returned handle reads the running instance, which exists only once `beforeAll` ran.
 */
export function setUpRoutedSandbox(options: RoutedSandboxOptions = {}): { readonly origin: string } {
  let running: RunningSandbox | undefined;
  const handle = {
    get origin() {
      if (!running) throw new Error('the sandbox starts in beforeAll; use it inside a test');
      return running.origin;
    },
  };
  beforeAll(async () => {
    running = await startRoutedSandbox(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await control(handle.origin, 'POST', '/_sandbox/reset');
  });
  return handle;
}
