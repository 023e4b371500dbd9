import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { setUpWebhookCatcher } from '@/testing/webhook-catcher';
import { ACCOUNT_EVENT_TYPES } from './webhook-events';
import { adminClient, signedInClient } from './sdk-clients';
import {
  createSeedState,
  DEMO_ACCOUNT_IDS,
  DEMO_MEMBER_IDS,
  JOHNA_REFERRAL_CODE,
  REFERRAL_IDS,
  reseed,
} from './seed';

/** Wix paying the referrer when a referred friend's first order is placed, and the seed's referral records. */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });
const catcher = setUpWebhookCatcher();

async function referNoah() {
  const noah = await signedInClient('Noah Newcomer');
  const response = await noah.fetchWithAuth('https://www.wixapis.com/referral_friends/v1/referred-friends', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ referralCode: JOHNA_REFERRAL_CODE }),
  });
  expect(response.status).toBe(200);
}

async function referralsOf() {
  const state = (await sandbox.control.request('GET', '/_sandbox/referrals')).json as {
    rewards: unknown[];
    events: unknown[];
  };
  return state;
}

describe('a referred friend’s first order', () => {
  it('pays Johna 100 stars once, naming the referral, with a reward record and tracker events', async () => {
    await sandbox.control.setWebhookTarget(catcher.url);
    await referNoah();
    const admin = adminClient(getConfig().wix.apiKey);
    const before = (await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.johna)).points?.balance ?? 0;
    const { rewards, events } = await referralsOf();
    const first = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.noah);
    await sandbox.control.placeOrder(first.id);
    await sandbox.control.placeOrder(first.id);
    const second = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.noah);
    await sandbox.control.placeOrder(second.id);

    expect((await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.johna)).points?.balance).toBe(before + 100);
    const paid = (await sandbox.control.transactions()).filter(
      (t) => t.accountId === DEMO_ACCOUNT_IDS.johna && t.activityType === 'referral/friend-order',
    );
    expect(paid.map((t) => [t.amount, t.description])).toEqual([
      [100, 'Referral: Liam O. placed a first order'],
      [100, 'Referral: Noah N. placed a first order'],
    ]);
    const after = await referralsOf();
    expect(after.rewards).toHaveLength(rewards.length + 1);
    expect(after.events).toHaveLength(events.length + 3);
    const deliveries = await sandbox.control.settledWebhookDeliveries();
    expect(
      deliveries.filter((d) => d.accountId === DEMO_ACCOUNT_IDS.johna).map((d) => d.eventType),
    ).toContain(ACCOUNT_EVENT_TYPES.pointsUpdated);
  });

  it('pays nothing for an order by someone nobody referred', async () => {
    const { rewards } = await referralsOf();
    const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.noah);
    await sandbox.control.placeOrder(checkout.id);
    expect((await referralsOf()).rewards).toHaveLength(rewards.length);
  });
});

describe('the seeded referrals', () => {
  it('keep their revisions rising across a reset', () => {
    const changed = createSeedState();
    const friend = changed.referrals.friends.find((f) => f.id === REFERRAL_IDS.miaFriend)!;
    friend.revision = 5;
    changed.referrals.program.revision = 9;
    const next = reseed(changed);
    expect(next.referrals.friends.find((f) => f.id === REFERRAL_IDS.miaFriend)?.revision).toBe(6);
    expect(next.referrals.program.revision).toBe(10);
    expect(next.referrals.friends.find((f) => f.id === REFERRAL_IDS.liamFriend)?.revision).toBe(2);
  });
});
