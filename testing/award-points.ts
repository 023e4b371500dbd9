import { SANDBOX_DEFAULT_API_KEY, SANDBOX_SITE_ID } from '@/lib/sandbox/identity';
import { WIX_LOYALTY_APP_ID } from '@/lib/sandbox/seed-catalog';

/** The sandbox's default API key and site, as `ApiKeyStrategy` sends them. */
export const SANDBOX_ADMIN_HEADERS = {
  Authorization: SANDBOX_DEFAULT_API_KEY,
  'wix-site-id': SANDBOX_SITE_ID,
};

/**
 * Awards points through the sandbox's admin REST API, the way an order or the dashboard would: behind the
 * app's back, so the app learns of it only from the webhook.
 */
export async function awardBehindTheAppsBack(origin: string, accountId: string, amount: number) {
  const response = await fetch(`${origin}/loyalty-accounts/v1/accounts/${accountId}/earn-points`, {
    method: 'POST',
    headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ amount, appId: WIX_LOYALTY_APP_ID, idempotencyKey: crypto.randomUUID() }),
  });
  if (!response.ok) throw new Error(`earn-points: ${response.status}`);
}

/** Opens a loyalty account for a contact through the admin REST API, as a join elsewhere would. */
export async function createAccountBehindTheAppsBack(origin: string, contactId: string) {
  const response = await fetch(`${origin}/loyalty-accounts/v1/accounts`, {
    method: 'POST',
    headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ contactId }),
  });
  if (!response.ok) throw new Error(`create account: ${response.status}`);
}

/**
 * Changes an account's balance as the shop's dashboard would (Adjust Points, with the API key). Adjust Points
 * needs the account's current revision, so the account is read first.
 */
export async function adjustBehindTheAppsBack(origin: string, accountId: string, amount: number) {
  const url = `${origin}/loyalty-accounts/v1/accounts/${accountId}`;
  const read = await fetch(url, { headers: SANDBOX_ADMIN_HEADERS });
  if (!read.ok) throw new Error(`get account: ${read.status}`);
  const { account } = (await read.json()) as { account: { revision: string } };
  const response = await fetch(`${url}/adjust-points`, {
    method: 'POST',
    headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ amount, revision: account.revision }),
  });
  if (!response.ok) throw new Error(`adjust-points: ${response.status}`);
}
