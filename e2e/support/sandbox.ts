import { sandboxControl, type ControlAccount } from '@/lib/sandbox/control-client';
import {
  adjustBehindTheAppsBack,
  awardBehindTheAppsBack,
  createAccountBehindTheAppsBack,
  SANDBOX_ADMIN_HEADERS,
} from '@/testing/award-points';
import { SANDBOX_ORIGIN } from './env';

/**
 * The tests' window on the sandbox: its control endpoints, and its Wix REST paths read with the API key,
 * so every expectation is what the sandbox holds right now, not a number copied into the test.
 */

export const sandbox = {
  ...sandboxControl(SANDBOX_ORIGIN),
  awardPoints: (accountId: string, amount: number) =>
    awardBehindTheAppsBack(SANDBOX_ORIGIN, accountId, amount),
  createAccount: (contactId: string) => createAccountBehindTheAppsBack(SANDBOX_ORIGIN, contactId),
  /** The name of the tier an account is in, from the sandbox's own tiers program. */
  tierName: async (account: ControlAccount) => {
    const response = await fetch(`${SANDBOX_ORIGIN}/loyalty-tiers/v1/tiers/program`, {
      headers: SANDBOX_ADMIN_HEADERS,
    });
    const program = (await response.json()) as {
      tiers: { id: string; tierDefinition: { name: string } }[];
      programSettings: { baseTierDefinition?: { name?: string } };
    };
    const tier = program.tiers.find((candidate) => candidate.id === account.tier?.id);
    return tier?.tierDefinition.name ?? program.programSettings.baseTierDefinition?.name ?? 'Base';
  },
  /** What the sandbox holds for an account: its REDEEM transactions and its coupons. */
  redemptionsOf: async (accountId: string) => {
    const control = sandboxControl(SANDBOX_ORIGIN);
    const transactions = (await control.transactions()).filter(
      (t) => t.accountId === accountId && t.type === 'REDEEM',
    );
    const coupons = (await control.coupons()).filter((coupon) => coupon.accountId === accountId);
    return { transactions, coupons };
  },
  /**
   * Runs `work` while the sandbox posts no webhooks, so no live update reaches the app, then points them back
   * where they went: what the page shows can only come from the app's own replies.
   */
  withoutWebhooks: async <T>(work: () => Promise<T>): Promise<T> => {
    const control = sandboxControl(SANDBOX_ORIGIN);
    const { target } = await control.webhooks();
    await control.setWebhookTarget(null);
    try {
      return await work();
    } finally {
      await control.setWebhookTarget(target);
    }
  },
  /** Changes an account's balance as the shop's dashboard would (Adjust Points, with the API key). */
  adjustPoints: (accountId: string, amount: number) =>
    adjustBehindTheAppsBack(SANDBOX_ORIGIN, accountId, amount),
};
