import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS, DEMO_CONTACT_IDS, DEMO_MEMBER_IDS, TIER_IDS, WIX_LOYALTY_APP_ID } from './seed';
import { SANDBOX_SITE_ID } from '@/lib/sandbox/identity';
import { adminClient, loginAs, oauthClient, sdkError } from '@/lib/sandbox/sdk-clients';
import { TEST_API_KEY, setUpRoutedSandbox } from '@/testing/routed-sandbox';

interface ControlTransaction {
  accountId: string;
  type: string;
  amount: number;
  idempotencyKey?: string;
  activityType?: string;
  channel?: string;
}

const sandbox = setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

const transactionsFor = async (accountId: string) =>
  (
    await sandbox.control.request<{ transactions: ControlTransaction[] }>('GET', '/_sandbox/transactions')
  ).json.transactions.filter((t) => t.accountId === accountId);

describe('reading accounts with the API key', () => {
  it('returns an account in the SDK shape: _id, Dates, numbers, tier', async () => {
    const account = await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.johna);
    expect(account._id).toBe(DEMO_ACCOUNT_IDS.johna);
    expect(account.contactId).toBe(DEMO_CONTACT_IDS.johna);
    expect(account.points).toEqual({ balance: 1250, earned: 1400, adjusted: 50, redeemed: 200, expired: 0 });
    expect(account.rewardAvailable).toBe(true);
    expect(account.revision).toBe('7');
    expect(account.tier?._id).toBe(TIER_IDS.gold);
    expect(account.tier?.points).toBe(1450);
    expect(account._createdDate).toBeInstanceOf(Date);
    expect(account._updatedDate).toBeInstanceOf(Date);
    expect(account.lastActivityDate).toBeInstanceOf(Date);
    expect(account.contact?.name).toBe('Johna Linskey');
  });

  it('seeds Elena in the base tier with points expiring in about ten days', async () => {
    const account = await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.elena);
    expect(account.tier?._id).toBeUndefined();
    expect(account.points?.balance).toBe(280);
    expect(account.pointsExpiration?.expiringPointsAmount).toBe(280);
    const days = ((account.pointsExpiration?.expirationDate?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(7);
    expect(days).toBeLessThan(13);
  });

  it('finds accounts by contact id and by member id', async () => {
    const byContact = await admin.accounts.getAccountBySecondaryId({ contactId: DEMO_CONTACT_IDS.aigneis });
    expect(byContact.account?._id).toBe(DEMO_ACCOUNT_IDS.aigneis);
    const byMember = await admin.accounts.getAccountBySecondaryId({ memberId: DEMO_MEMBER_IDS.elena });
    expect(byMember.account?._id).toBe(DEMO_ACCOUNT_IDS.elena);
    const missing = await sdkError(
      admin.accounts.getAccountBySecondaryId({ contactId: DEMO_CONTACT_IDS.noah }),
    );
    expect(missing.status).toBe(404);
    expect(missing.details?.applicationError?.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('answers an unknown account id with 404 ACCOUNT_NOT_FOUND', async () => {
    const error = await sdkError(admin.accounts.getAccount('00000000-0000-4000-8000-000000000000'));
    expect(error.status).toBe(404);
    expect(error.details?.applicationError?.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('queries by contactId and pages with cursors', async () => {
    const one = await admin.accounts.queryLoyaltyAccounts().eq('contactId', DEMO_CONTACT_IDS.elena).find();
    expect(one.items.map((a) => a._id)).toEqual([DEMO_ACCOUNT_IDS.elena]);
    expect(one.items[0]?._createdDate).toBeInstanceOf(Date);

    const first = await admin.accounts.queryLoyaltyAccounts().ascending('points.balance').limit(2).find();
    expect(first.items.map((a) => a.points?.balance)).toEqual([30, 120]);
    expect(first.hasNext()).toBe(true);
    const second = await first.next();
    expect(second.items.map((a) => a.points?.balance)).toEqual([280, 1250]);
    expect(second.hasNext()).toBe(false);
  });

  it('lists accounts filtered by contact ids', async () => {
    const { accounts } = await admin.accounts.listAccounts({
      contactIds: [DEMO_CONTACT_IDS.johna, DEMO_CONTACT_IDS.aigneis],
    });
    expect(accounts?.map((a) => a._id).sort()).toEqual(
      [DEMO_ACCOUNT_IDS.johna, DEMO_ACCOUNT_IDS.aigneis].sort(),
    );
  });

  it('adds up program totals per tier, the non-member John Carter included', async () => {
    const totals = await admin.accounts.getProgramTotals();
    expect(totals.points).toEqual({ balance: 1680, earned: 2130, adjusted: 50, redeemed: 500, expired: 0 });
    expect(totals.tierTotals).toEqual([
      { numberOfAccounts: 2 },
      { _id: TIER_IDS.silver, numberOfAccounts: 1 },
      { _id: TIER_IDS.gold, numberOfAccounts: 1 },
    ]);
  });
});

describe('authentication and identity', () => {
  it('rejects a wrong API key with 401', async () => {
    const error = await sdkError(adminClient('wrong-key').accounts.getAccount(DEMO_ACCOUNT_IDS.johna));
    expect(error.status).toBe(401);
    expect(error.details?.applicationError?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects an API key call without the sandbox site id', async () => {
    const error = await sdkError(adminClient(TEST_API_KEY, null).accounts.getAccount(DEMO_ACCOUNT_IDS.johna));
    expect(error.status).toBe(401);
  });

  it('refuses a member token on APP-only methods with 403', async () => {
    const member = oauthClient();
    await loginAs(member, 'Johna Linskey');
    const read = await sdkError(member.accounts.getAccount(DEMO_ACCOUNT_IDS.johna));
    expect(read.status).toBe(403);
    expect(read.details?.applicationError?.code).toBe('PERMISSION_DENIED');
    const earn = await sdkError(
      member.accounts.earnPoints(DEMO_ACCOUNT_IDS.johna, {
        amount: 5,
        appId: WIX_LOYALTY_APP_ID,
        idempotencyKey: 'x',
      }),
    );
    expect(earn.status).toBe(403);
    expect((await transactionsFor(DEMO_ACCOUNT_IDS.johna)).length).toBe(6);
  });
});

describe('earning points', () => {
  const earn = (key: string, amount = 40) =>
    admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.aigneis, {
      amount,
      appId: WIX_LOYALTY_APP_ID,
      idempotencyKey: key,
      activityType: 'social-media/tiktok',
      description: 'Followed us on TikTok',
      followedSocialMedia: { channel: 'TIKTOK' },
    });

  it('awards points, bumps the revision and records the transaction details', async () => {
    const result = await earn('follow-tiktok-1');
    expect(result.account?.points?.balance).toBe(160);
    expect(result.account?.points?.earned).toBe(460);
    expect(result.account?.revision).toBe('6');
    expect(result.transactionId).toBeTruthy();
    const recorded = (await transactionsFor(DEMO_ACCOUNT_IDS.aigneis)).at(-1);
    expect(recorded).toMatchObject({
      type: 'EARN',
      amount: 40,
      idempotencyKey: 'follow-tiktok-1',
      activityType: 'social-media/tiktok',
      channel: 'TIKTOK',
    });
  });

  it('replays the first result for a repeated idempotency key and awards nothing new', async () => {
    const first = await earn('same-key');
    const second = await earn('same-key', 999);
    expect(second).toEqual(first);
    const account = await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.aigneis);
    expect(account.points?.balance).toBe(160);
    expect(
      (await transactionsFor(DEMO_ACCOUNT_IDS.aigneis)).filter((t) => t.idempotencyKey === 'same-key'),
    ).toHaveLength(1);
  });

  it('awards once when 20 calls with one key arrive at the same time', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => earn('concurrent-key')));
    expect(new Set(results.map((r) => r.transactionId)).size).toBe(1);
    expect((await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.aigneis)).points?.balance).toBe(160);
    expect((await transactionsFor(DEMO_ACCOUNT_IDS.aigneis)).length).toBe(5);
  });

  it('moves an account up a tier when its points cross the threshold', async () => {
    const result = await admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.elena, {
      amount: 20,
      appId: WIX_LOYALTY_APP_ID,
      idempotencyKey: 'elena-to-silver',
    });
    expect(result.account?.tier?._id).toBe(TIER_IDS.silver);
    expect(result.account?.tier?.points).toBe(300);
  });

  it('rejects a zero amount with a validation error and writes nothing', async () => {
    const before = await sandbox.control.request('GET', '/_sandbox/state');
    const error = await sdkError(earn('zero', 0));
    expect(error.status).toBe(400);
    const violation = error.details?.validationError?.fieldViolations?.[0];
    expect(violation?.field).toBe('options.amount');
    expect(violation?.violatedRule).toBe('MIN');
    expect((await sandbox.control.request('GET', '/_sandbox/state')).json).toEqual(before.json);
  });

  it('rejects a missing idempotency key', async () => {
    const response = await fetch(
      `https://www.wixapis.com/loyalty-accounts/v1/accounts/${DEMO_ACCOUNT_IDS.aigneis}/earn-points`,
      {
        method: 'POST',
        headers: { authorization: TEST_API_KEY, 'wix-site-id': SANDBOX_SITE_ID },
        body: JSON.stringify({ amount: 5, appId: WIX_LOYALTY_APP_ID }),
      },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { details: { validationError: { fieldViolations: unknown[] } } };
    expect(body.details.validationError.fieldViolations).toEqual([
      expect.objectContaining({ field: 'idempotencyKey', violatedRule: 'REQUIRED_FIELD' }),
    ]);
  });

  it('rejects earning while the program is paused', async () => {
    await admin.programs.pauseLoyaltyProgram();
    const error = await sdkError(earn('paused'));
    expect(error.status).toBe(428);
    expect(error.details?.applicationError?.code).toBe('PROGRAM_NOT_ACTIVE');
  });
});

describe('adjusting points', () => {
  it('adjusts by an amount and by setting the balance', async () => {
    const down = await admin.accounts.adjustPoints(DEMO_ACCOUNT_IDS.johna, { amount: -250, revision: '7' });
    expect(down.account?.points).toMatchObject({ balance: 1000, adjusted: -200 });
    expect(down.account?.revision).toBe('8');
    const set = await admin.accounts.adjustPoints(DEMO_ACCOUNT_IDS.johna, { balance: 10, revision: '8' });
    expect(set.account?.points).toMatchObject({ balance: 10, adjusted: -1190 });
    expect(set.account?.tier?._id).toBeUndefined();
  });

  it('refuses to take the balance below zero', async () => {
    const { revision } = await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.aigneis);
    const error = await sdkError(
      admin.accounts.adjustPoints(DEMO_ACCOUNT_IDS.aigneis, { amount: -121, revision: revision! }),
    );
    expect(error.status).toBe(400);
    expect(error.details?.applicationError?.code).toBe('BALANCE_CANNOT_BE_NEGATIVE');
    expect((await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.aigneis)).points?.balance).toBe(120);
  });

  it('refuses a stale revision with 409', async () => {
    const error = await sdkError(
      admin.accounts.adjustPoints(DEMO_ACCOUNT_IDS.aigneis, { amount: 5, revision: '2' }),
    );
    expect(error.status).toBe(409);
    expect(error.details?.applicationError?.code).toBe('REVISION_MISMATCH');
  });

  it('refuses an adjustment without the revision as a validation error, and adjusts nothing', async () => {
    const error = await sdkError(admin.accounts.adjustPoints(DEMO_ACCOUNT_IDS.aigneis, { amount: 5 }));
    expect(error.status).toBe(400);
    expect(error.details?.validationError?.fieldViolations).toEqual([
      expect.objectContaining({ field: 'options.revision', violatedRule: 'REQUIRED_FIELD' }),
    ]);
    expect((await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.aigneis)).points?.balance).toBe(120);
    expect(await transactionsFor(DEMO_ACCOUNT_IDS.aigneis)).not.toContainEqual(
      expect.objectContaining({ type: 'ADJUST', amount: 5 }),
    );
  });

  it('refuses an amount of 0', async () => {
    const error = await sdkError(
      admin.accounts.adjustPoints(DEMO_ACCOUNT_IDS.aigneis, { amount: 0, revision: '1' }),
    );
    expect(error.status).toBe(400);
    expect(error.details?.validationError?.fieldViolations?.[0]?.field).toBe('options.amount');
  });
});

describe('creating accounts', () => {
  it('creates an account for the member without one, then refuses a duplicate', async () => {
    const { account } = await admin.accounts.createAccount(DEMO_CONTACT_IDS.noah);
    expect(account?.contactId).toBe(DEMO_CONTACT_IDS.noah);
    expect(account?.memberId).toBe(DEMO_MEMBER_IDS.noah);
    expect(account?.points?.balance).toBe(0);
    expect(account?.revision).toBe('1');
    expect(account?.rewardAvailable).toBe(false);

    const noah = oauthClient();
    await loginAs(noah, 'Noah Newcomer');
    expect((await noah.accounts.getCurrentMemberAccount()).account?._id).toBe(account?._id);

    const duplicate = await sdkError(admin.accounts.createAccount(DEMO_CONTACT_IDS.noah));
    expect(duplicate.status).toBe(409);
    expect(duplicate.details?.applicationError?.code).toBe('ACCOUNT_ALREADY_EXISTS');
  });

  it('refuses an unknown contact and a paused program', async () => {
    const unknown = await sdkError(admin.accounts.createAccount('00000000-0000-4000-8000-000000000000'));
    expect(unknown.status).toBe(404);
    expect(unknown.details?.applicationError?.code).toBe('CONTACT_NOT_FOUND');

    await admin.programs.pauseLoyaltyProgram();
    const paused = await sdkError(admin.accounts.createAccount(DEMO_CONTACT_IDS.noah));
    expect(paused.details?.applicationError?.code).toBe('PROGRAM_NOT_ACTIVE');
    await admin.programs.activateLoyaltyProgram();
    expect((await admin.accounts.createAccount(DEMO_CONTACT_IDS.noah)).account?.contactId).toBe(
      DEMO_CONTACT_IDS.noah,
    );
  });
});
