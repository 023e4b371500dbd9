import { describe, expect, it } from 'vitest';
import type { RestAccount } from './account-json';
import { DEMO_ACCOUNT_IDS, DEMO_CONTACT_IDS, WIX_LOYALTY_APP_ID } from './seed';
import { adminClient, loginAs, oauthClient, sdkError } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';

interface StateDump {
  program: { status: string };
  accounts: RestAccount[];
  followedChannels: unknown[];
  transactions: { amount: number; type: string }[];
  idempotencyKeys: string[];
}

const sandbox = setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

/**
 * The parts of the state that must be identical after every reset: dates move with the clock, and revisions
 * keep rising.
 */
const numbersOf = (dump: StateDump) => ({
  program: dump.program,
  accounts: dump.accounts.map((a) => [a.id, a.points, a.tier.id, a.tier.points, a.rewardAvailable]),
  followedChannels: dump.followedChannels.length,
  transactions: dump.transactions.map((t) => [t.type, t.amount]),
  idempotencyKeys: dump.idempotencyKeys,
});

const state = async () => (await sandbox.control.request<StateDump>('GET', '/_sandbox/state')).json;

describe('control endpoints', () => {
  it('reports health so the app can detect a running sandbox', async () => {
    expect(await sandbox.control.request('GET', '/_sandbox/health')).toEqual({
      status: 200,
      json: { sandbox: true },
    });
  });

  it('lists demo members with their REST accounts, null for the member without one', async () => {
    const { json } = await sandbox.control.request<{
      members: { name: string; loginEmail: string; account: RestAccount | null }[];
    }>('GET', '/_sandbox/members');
    expect(
      json.members.map((m) => [m.name, m.loginEmail, m.account?.points.balance ?? null, m.account?.tier.id]),
    ).toEqual([
      ['Johna Linskey', 'johna.linskey@yopmail.com', 1250, 'acddc0e0-5e27-4a1b-a52d-b3785ac258cb'],
      ['Aigneis Johnsson', 'aigneis.johnsson@yopmail.com', 120, '1415f107-640c-4e04-870f-149cdd562093'],
      ['Elena Rodriguez', 'elena.rodriguez@example.com', 280, undefined],
      ['Noah Newcomer', 'noah.newcomer@example.com', null, undefined],
    ]);
  });

  it('resets every write back to the seed numbers', async () => {
    const seeded = numbersOf(await state());
    await admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.elena, {
      amount: 30,
      appId: WIX_LOYALTY_APP_ID,
      idempotencyKey: 'k1',
    });
    await admin.accounts.createAccount(DEMO_CONTACT_IDS.noah);
    const member = oauthClient();
    await loginAs(member, 'Aigneis Johnsson');
    await member.socialMedia.createFollowedChannel({ channel: 'TIKTOK' });
    await admin.programs.pauseLoyaltyProgram();
    expect(numbersOf(await state())).not.toEqual(seeded);

    expect((await sandbox.control.request('POST', '/_sandbox/reset')).status).toBe(200);
    expect(numbersOf(await state())).toEqual(seeded);
    // The same key earns again after a reset: idempotency records are part of the state.
    const again = await admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.elena, {
      amount: 30,
      appId: WIX_LOYALTY_APP_ID,
      idempotencyKey: 'k1',
    });
    expect(again.account?.points?.balance).toBe(310);
  });

  it('keeps an account’s revision rising across resets, and an untouched account’s where it was', async () => {
    const revisionOf = async (id: string) =>
      Number((await state()).accounts.find((account) => account.id === id)?.revision);
    const seededElena = await revisionOf(DEMO_ACCOUNT_IDS.elena);
    const seededJohna = await revisionOf(DEMO_ACCOUNT_IDS.johna);
    const earned = await admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.elena, {
      amount: 30,
      appId: WIX_LOYALTY_APP_ID,
      idempotencyKey: 'before-reset',
    });
    const afterEarn = Number(earned.account?.revision);
    expect(afterEarn).toBe(seededElena + 1);

    await sandbox.control.reset();
    const afterReset = await revisionOf(DEMO_ACCOUNT_IDS.elena);
    expect(afterReset).toBeGreaterThan(afterEarn);
    expect(await revisionOf(DEMO_ACCOUNT_IDS.johna)).toBe(seededJohna);
    const again = await admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.elena, {
      amount: 30,
      appId: WIX_LOYALTY_APP_ID,
      idempotencyKey: 'after-reset',
    });
    expect(Number(again.account?.revision)).toBe(afterReset + 1);

    await sandbox.control.reset();
    expect(await revisionOf(DEMO_ACCOUNT_IDS.elena)).toBeGreaterThan(afterReset + 1);
  });

  it('logs transactions with the details tests assert on', async () => {
    await admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.johna, {
      amount: 50,
      appId: WIX_LOYALTY_APP_ID,
      idempotencyKey: 'ig',
      activityType: 'social-media/instagram',
      description: 'Instagram',
      followedSocialMedia: { channel: 'INSTAGRAM' },
    });
    const { json } = await sandbox.control.request<{ transactions: Record<string, unknown>[] }>(
      'GET',
      '/_sandbox/transactions',
    );
    expect(json.transactions.at(-1)).toMatchObject({
      accountId: DEMO_ACCOUNT_IDS.johna,
      contactId: DEMO_CONTACT_IDS.johna,
      type: 'EARN',
      amount: 50,
      idempotencyKey: 'ig',
      activityType: 'social-media/instagram',
      channel: 'INSTAGRAM',
      description: 'Instagram',
    });
    expect(typeof json.transactions.at(-1)?.createdDate).toBe('string');
  });
});

describe('latency', () => {
  it('delays Wix paths but not control paths', async () => {
    expect((await sandbox.control.request('PUT', '/_sandbox/latency', { ms: 300 })).json).toEqual({
      ms: 300,
    });
    let started = performance.now();
    await admin.programs.getLoyaltyProgram();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);

    started = performance.now();
    await sandbox.control.request('GET', '/_sandbox/health');
    expect(performance.now() - started).toBeLessThan(150);

    await sandbox.control.request('POST', '/_sandbox/reset');
    started = performance.now();
    await admin.programs.getLoyaltyProgram();
    expect(performance.now() - started).toBeLessThan(150);
  });
});

describe('faults', () => {
  it('fails the next matching requests with a Wix-style error, then recovers', async () => {
    await sandbox.control.request('POST', '/_sandbox/faults', {
      pathPrefix: '/loyalty-programs',
      method: 'GET',
      status: 503,
      times: 2,
    });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await sdkError(admin.programs.getLoyaltyProgram());
      expect(error.status).toBe(503);
      expect(error.details?.applicationError?.code).toBe('SANDBOX_INJECTED_FAULT');
    }
    expect((await admin.programs.getLoyaltyProgram()).loyaltyProgram?.status).toBe('ACTIVE');
  });

  it('matches the method and clears on DELETE', async () => {
    await sandbox.control.request('POST', '/_sandbox/faults', {
      pathPrefix: '/loyalty-accounts/',
      method: 'post',
      status: 500,
      times: 5,
    });
    expect((await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.johna))._id).toBe(DEMO_ACCOUNT_IDS.johna);
    const earn = () =>
      admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.johna, {
        amount: 1,
        appId: WIX_LOYALTY_APP_ID,
        idempotencyKey: 'f',
      });
    expect((await sdkError(earn())).status).toBe(500);
    expect((await sandbox.control.request('GET', '/_sandbox/faults')).json).toEqual({
      faults: [{ pathPrefix: '/loyalty-accounts/', method: 'POST', status: 500, times: 4 }],
    });

    await sandbox.control.request('DELETE', '/_sandbox/faults');
    expect((await earn()).account?.points?.balance).toBe(1251);
  });

  it('rejects a malformed fault', async () => {
    const response = await sandbox.control.request('POST', '/_sandbox/faults', {
      pathPrefix: 'x',
      status: 200,
    });
    expect(response.status).toBe(400);
  });
});
