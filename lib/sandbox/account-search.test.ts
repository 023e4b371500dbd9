import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS, DEMO_CONTACT_IDS } from './seed';
import { SANDBOX_SITE_ID } from '@/lib/sandbox/identity';
import { adminClient, loginAs, oauthClient, sdkError } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';

const sandbox = setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

const { john, aigneis, elena, johna } = DEMO_ACCOUNT_IDS;
const ids = (accounts: { _id?: string | null }[] | undefined) => (accounts ?? []).map((a) => a._id);
const balances = async () =>
  Object.fromEntries(
    (await admin.accounts.queryLoyaltyAccounts().find()).items.map((a) => [a._id, a.points?.balance]),
  );

describe('Search Accounts', () => {
  it('matches free text against contact names and emails, newest first, with cursor paging', async () => {
    const first = await admin.accounts.searchAccounts({
      search: { expression: 'John' },
      cursorPaging: { limit: 2 },
    });
    expect(ids(first.accounts)).toEqual([john, aigneis]);
    expect(first.pagingMetadata).toMatchObject({ count: 2, hasNext: true });
    const second = await admin.accounts.searchAccounts({
      cursorPaging: { cursor: first.pagingMetadata?.cursors?.next },
    });
    expect(ids(second.accounts)).toEqual([johna]);
    expect(second.pagingMetadata?.hasNext).toBe(false);

    const byEmail = await admin.accounts.searchAccounts({ search: { expression: 'yopmail' } });
    expect(ids(byEmail.accounts)).toEqual([aigneis, johna]);
  });

  it('honours the mode, the fields to search, the filter and the sort', async () => {
    const all = await admin.accounts.searchAccounts({ search: { expression: 'john carter', mode: 'AND' } });
    expect(ids(all.accounts)).toEqual([john]);
    const any = await admin.accounts.searchAccounts({ search: { expression: 'elena carter', mode: 'OR' } });
    expect(ids(any.accounts)).toEqual([john, elena]);
    const emails = await admin.accounts.searchAccounts({
      search: { expression: 'example', fields: ['contact.email'] },
    });
    expect(ids(emails.accounts)).toEqual([john, elena]);
    const names = await admin.accounts.searchAccounts({
      search: { expression: 'example', fields: ['contact.name'] },
    });
    expect(ids(names.accounts)).toEqual([]);
    const domain = await admin.accounts.searchAccounts({ search: { expression: 'example.com' } });
    expect(ids(domain.accounts)).toEqual([john, elena]);
    const outOfOrder = await admin.accounts.searchAccounts({ search: { expression: 'com.example' } });
    expect(ids(outOfOrder.accounts)).toEqual([]);
    const filtered = await admin.accounts.searchAccounts({
      search: { expression: 'John' },
      filter: { 'points.balance': { $gte: 50 } },
      sort: [{ fieldName: 'points.balance', order: 'ASC' }],
    });
    expect(ids(filtered.accounts)).toEqual([aigneis, johna]);
  });

  it('refuses unsearchable fields and filters outside the search spec with a 400', async () => {
    // The SDK's types already forbid both; REST callers get Wix's 400.
    const search = (body: unknown) =>
      fetch('https://www.wixapis.com/loyalty-accounts/v1/accounts/search', {
        method: 'POST',
        headers: { authorization: TEST_API_KEY, 'wix-site-id': SANDBOX_SITE_ID },
        body: JSON.stringify({ search: body }),
      });
    expect((await search({ search: { expression: 'John', fields: ['memberId'] } })).status).toBe(400);
    expect((await search({ filter: { memberId: 'x' } })).status).toBe(400);
    expect((await search({ sort: [{ fieldName: 'createdDate' }] })).status).toBe(400);
    expect((await search({ search: { expression: 'John' } })).status).toBe(200);
  });
});

describe('Count Accounts', () => {
  it("gives the reference example's count: John with a balance of at least 50 is 2", async () => {
    const example = await admin.accounts.countAccounts({
      search: { expression: 'John' },
      filter: { 'points.balance': { $gte: 50 } },
    });
    expect(example.count).toBe(2);
    expect((await admin.accounts.countAccounts({ search: { expression: 'John' } })).count).toBe(3);
    expect((await admin.accounts.countAccounts({ filter: { 'points.balance': { $gte: 50 } } })).count).toBe(
      3,
    );
    expect((await admin.accounts.countAccounts()).count).toBe(4);
  });
});

describe('Bulk Adjust Points', () => {
  it('adjusts every matching account by the amount, each with its own ADJUST transaction', async () => {
    const before = await sandbox.control.transactions();
    const { asyncJobId } = await admin.accounts.bulkAdjustPoints({
      search: { search: { expression: 'John' }, cursorPaging: { limit: 1 } },
      amount: 10,
    });
    expect(asyncJobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await balances()).toEqual({ [john]: 40, [aigneis]: 130, [elena]: 280, [johna]: 1260 });
    const added = (await sandbox.control.transactions()).slice(before.length);
    expect(added.map((t) => [t.accountId, t.type, t.amount]).sort()).toEqual(
      [
        [john, 'ADJUST', 10],
        [aigneis, 'ADJUST', 10],
        [johna, 'ADJUST', 10],
      ].sort(),
    );
    expect((await admin.accounts.getAccount(aigneis)).points?.adjusted).toBe(10);
  });

  it('never takes a balance below zero: such accounts are skipped', async () => {
    const before = await sandbox.control.transactions();
    await admin.accounts.bulkAdjustPoints({ amount: -100 });
    expect(await balances()).toEqual({ [john]: 30, [aigneis]: 20, [elena]: 180, [johna]: 1150 });
    const added = (await sandbox.control.transactions()).slice(before.length);
    expect(added.map((t) => t.accountId)).not.toContain(john);
    expect(added).toHaveLength(3);
  });

  it('sets the balance of the accounts a filter selects', async () => {
    await admin.accounts.bulkAdjustPoints({
      search: { filter: { 'contact.id': { $in: [DEMO_CONTACT_IDS.elena] } } },
      balance: 500,
    });
    expect(await balances()).toEqual({ [john]: 30, [aigneis]: 120, [elena]: 500, [johna]: 1250 });
    expect((await admin.accounts.getAccount(elena)).points?.adjusted).toBe(220);
  });

  it('needs an amount or a balance, and the API key', async () => {
    const before = (await sandbox.control.request('GET', '/_sandbox/state')).json;
    expect((await sdkError(admin.accounts.bulkAdjustPoints({}))).status).toBe(400);
    expect((await sdkError(admin.accounts.bulkAdjustPoints({ amount: 0 }))).status).toBe(400);
    const member = oauthClient();
    await loginAs(member, 'Johna Linskey');
    expect((await sdkError(member.accounts.bulkAdjustPoints({ amount: 5 }))).status).toBe(403);
    expect((await sandbox.control.request('GET', '/_sandbox/state')).json).toEqual(before);
  });
});
