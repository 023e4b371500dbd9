import { sandboxControl, type ControlAccount } from '@/lib/sandbox/control-client';
import { SANDBOX_DEFAULT_API_KEY, SANDBOX_SITE_ID } from '@/lib/sandbox/identity';
import { WIX_LOYALTY_APP_ID } from '@/lib/sandbox/seed-catalog';
import { SANDBOX_ORIGIN } from './env';

/**
 * The tests' window on the sandbox: its control endpoints, and its Wix REST paths read with the API key,
 * so every expectation is what the sandbox holds right now, not a number copied into the test.
 */

const adminHeaders = { Authorization: SANDBOX_DEFAULT_API_KEY, 'wix-site-id': SANDBOX_SITE_ID };

/**
 * Awards points through the sandbox's admin REST API, the way an order or the dashboard would: behind the
 * app's back, so the app learns of it only from the webhook.
 */
export async function awardBehindTheAppsBack(origin: string, accountId: string, amount: number) {
  const response = await fetch(`${origin}/loyalty-accounts/v1/accounts/${accountId}/earn-points`, {
    method: 'POST',
    headers: { ...adminHeaders, 'content-type': 'application/json' },
    body: JSON.stringify({ amount, appId: WIX_LOYALTY_APP_ID, idempotencyKey: crypto.randomUUID() }),
  });
  if (!response.ok) throw new Error(`earn-points: ${response.status}`);
}

export const sandbox = {
  ...sandboxControl(SANDBOX_ORIGIN),
  awardPoints: (accountId: string, amount: number) =>
    awardBehindTheAppsBack(SANDBOX_ORIGIN, accountId, amount),
  /** The name of the tier an account is in, from the sandbox's own tiers program. */
  tierName: async (account: ControlAccount) => {
    const response = await fetch(`${SANDBOX_ORIGIN}/loyalty-tiers/v1/tiers/program`, {
      headers: adminHeaders,
    });
    const program = (await response.json()) as {
      tiers: { id: string; tierDefinition: { name: string } }[];
      programSettings: { baseTierDefinition?: { name?: string } };
    };
    const tier = program.tiers.find((candidate) => candidate.id === account.tier?.id);
    return tier?.tierDefinition.name ?? program.programSettings.baseTierDefinition?.name ?? 'Base';
  },
};
