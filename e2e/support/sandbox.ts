import { sandboxControl, type ControlAccount } from '@/lib/sandbox/control-client';
import { SANDBOX_DEFAULT_API_KEY, SANDBOX_SITE_ID } from '@/lib/sandbox/identity';
import { SANDBOX_ORIGIN } from './env';

/**
 * The tests' window on the sandbox: its control endpoints, and its Wix REST paths read with the API key,
 * so every expectation is what the sandbox holds right now, not a number copied into the test.
 */

const adminHeaders = { Authorization: SANDBOX_DEFAULT_API_KEY, 'wix-site-id': SANDBOX_SITE_ID };

export const sandbox = {
  ...sandboxControl(SANDBOX_ORIGIN),
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
  /** Changes a balance the way the site owner would in the dashboard, behind the widget's back. */
  adjustPoints: async (accountId: string, amount: number) => {
    const response = await fetch(
      `${SANDBOX_ORIGIN}/loyalty-accounts/v1/accounts/${accountId}/adjust-points`,
      {
        method: 'POST',
        headers: { ...adminHeaders, 'content-type': 'application/json' },
        body: JSON.stringify({ amount }),
      },
    );
    if (!response.ok) throw new Error(`adjust points: ${response.status}`);
  },
};
