import type { SandboxControl } from '@/lib/sandbox/control-client';

/** What the sandbox holds for a member's points, read through its control endpoints, never through the app. */
export function ledgerOf(control: () => SandboxControl) {
  return {
    pointsOf: async (name: string) => (await control().member(name)).account!.points,
    transactionsOf: async (accountId: string) =>
      (await control().transactions()).filter((transaction) => transaction.accountId === accountId),
  };
}
