import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { adminClient } from '@/lib/sandbox/sdk-clients';
import { DEMO_ACCOUNT_IDS, DEMO_CONTACT_IDS, WIX_LOYALTY_APP_ID } from '@/lib/sandbox/seed';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { setUpWebhookCatcher } from '@/testing/webhook-catcher';
import { createAccountEventReader } from './account-events';
import type { WixLoyaltyAccount } from './types';

/**
 * Contract: the sandbox's signed webhooks, read through `@wix/sdk` exactly as the app reads Wix's. Every
 * one of the four account events verifies and reaches its own handler with the account in SDK shape.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });
const catcher = setUpWebhookCatcher();
const admin = adminClient(getConfig().wix.apiKey);

beforeEach(async () => {
  catcher.clear();
  await sandbox.control.setWebhookTarget(catcher.url);
});

describe('reading the sandbox webhooks with the SDK', () => {
  it('verifies all four account events and hands each handler the account as it now stands', async () => {
    await admin.accounts.createAccount(DEMO_CONTACT_IDS.noah);
    await admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.aigneis, {
      amount: 100,
      appId: WIX_LOYALTY_APP_ID,
      idempotencyKey: 'contract',
    });
    await sandbox.control.settledWebhookDeliveries();

    const seen: WixLoyaltyAccount[] = [];
    const onAccount = vi.fn(async (account: WixLoyaltyAccount) => void seen.push(account));
    const read = createAccountEventReader(await sandbox.control.webhookPublicKey(), 'any-app', onAccount);
    const byType = new Map<string, WixLoyaltyAccount>();
    for (const { jwt } of catcher.caught) {
      const result = await read(jwt);
      if (!result.ok) throw new Error(`refused: ${result.code}`);
      expect(result.webhook.known).toBe(true);
      expect(result.webhook.eventId).toMatch(/^[0-9a-f-]{36}$/);
      const before = seen.length;
      await result.webhook.run();
      expect(seen.length).toBe(before + 1);
      byType.set(result.webhook.eventType, seen.at(-1)!);
    }

    expect([...byType.keys()].sort()).toEqual([
      'wix.loyalty.v1.account_created',
      'wix.loyalty.v1.account_points_updated',
      'wix.loyalty.v1.account_reward_availability_updated',
      'wix.loyalty.v1.account_updated',
    ]);
    const created = byType.get('wix.loyalty.v1.account_created')!;
    expect(created.contactId).toBe(DEMO_CONTACT_IDS.noah);
    expect(created.points?.balance).toBe(0);
    for (const type of ['points_updated', 'reward_availability_updated', 'updated']) {
      const account = byType.get(`wix.loyalty.v1.account_${type}`)!;
      expect(account._id).toBe(DEMO_ACCOUNT_IDS.aigneis);
      expect(account.points?.balance).toBe(220);
      expect(account.rewardAvailable).toBe(true);
      // The SDK's REST-to-SDK transformation ran: dates are Dates.
      expect(account._updatedDate).toBeInstanceOf(Date);
    }
  });
});
