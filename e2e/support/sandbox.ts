import { SANDBOX_DEFAULT_API_KEY, SANDBOX_SITE_ID } from '@/lib/sandbox/seed';
import { SANDBOX_ORIGIN } from './env';

/**
 * The tests' window on the sandbox: its control endpoints, and its Wix REST paths read with the API key,
 * so every expectation is what the sandbox holds right now, not a number copied into the test.
 */

type RestAccount = {
  id: string;
  points: { balance: number; earned: number; adjusted: number; redeemed: number; expired: number };
  rewardAvailable: boolean;
  tier?: { id?: string | null; points?: number };
  pointsExpiration?: { expirationDate?: string; expiringPointsAmount?: number } | null;
  lastActivityDate?: string;
};

export type SandboxMember = {
  id: string;
  contactId: string;
  name: string;
  loginEmail: string;
  account: RestAccount | null;
};
export type SandboxTransaction = {
  id: string;
  accountId: string;
  type: string;
  amount: number;
  idempotencyKey?: string;
};

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${SANDBOX_ORIGIN}${path}`, init);
  if (!response.ok) throw new Error(`sandbox ${init?.method ?? 'GET'} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

const adminHeaders = { Authorization: SANDBOX_DEFAULT_API_KEY, 'wix-site-id': SANDBOX_SITE_ID };

export const sandbox = {
  reset: () => call('/_sandbox/reset', { method: 'POST' }),
  members: async () => (await call<{ members: SandboxMember[] }>('/_sandbox/members')).members,
  member: async (name: string) => {
    const found = (await sandbox.members()).find((member) => member.name === name);
    if (!found) throw new Error(`no demo member named ${name}`);
    return found;
  },
  transactions: async () =>
    (await call<{ transactions: SandboxTransaction[] }>('/_sandbox/transactions')).transactions,
  state: () => call<unknown>('/_sandbox/state'),
  injectFault: (fault: { pathPrefix: string; status: number; times: number; method?: string }) =>
    call('/_sandbox/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    }),
  clearFaults: () => call('/_sandbox/faults', { method: 'DELETE' }),
  /** Reset by `reset()`. */
  setLatency: (ms: number) =>
    call('/_sandbox/latency', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms }),
    }),
  /** The name of the tier an account is in, from the sandbox's own tiers program. */
  tierName: async (account: RestAccount) => {
    const program = await call<{
      tiers: { id: string; tierDefinition: { name: string } }[];
      programSettings: { baseTierDefinition?: { name?: string } };
    }>('/loyalty-tiers/v1/tiers/program', { headers: adminHeaders });
    const tier = program.tiers.find((candidate) => candidate.id === account.tier?.id);
    return tier?.tierDefinition.name ?? program.programSettings.baseTierDefinition?.name ?? 'Base';
  },
};
