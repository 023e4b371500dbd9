import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS, DEMO_CONTACT_IDS, WIX_LOYALTY_APP_ID } from './seed';
import { SANDBOX_SITE_ID } from '@/lib/sandbox/identity';
import { adminClient, sdkError } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';

const sandbox = setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

const queryOverRest = (query: unknown) =>
  fetch('https://www.wixapis.com/loyalty-accounts/v1/accounts/query', {
    method: 'POST',
    headers: { authorization: TEST_API_KEY, 'wix-site-id': SANDBOX_SITE_ID },
    body: JSON.stringify({ query }),
  });

describe('Query Loyalty Accounts', () => {
  it('returns the newest accounts first when the query names no sort', async () => {
    const { items } = await admin.accounts.queryLoyaltyAccounts().find();
    expect(items.map((a) => a._id)).toEqual([
      DEMO_ACCOUNT_IDS.john,
      DEMO_ACCOUNT_IDS.aigneis,
      DEMO_ACCOUNT_IDS.elena,
      DEMO_ACCOUNT_IDS.johna,
    ]);
  });

  it('matches startsWith without regard to case', async () => {
    const prefix = DEMO_CONTACT_IDS.johna.slice(0, 8).toUpperCase();
    expect(prefix).not.toBe(DEMO_CONTACT_IDS.johna.slice(0, 8));
    const { items } = await admin.accounts.queryLoyaltyAccounts().startsWith('contactId', prefix).find();
    expect(items.map((a) => a._id)).toEqual([DEMO_ACCOUNT_IDS.johna]);
  });

  it('filters and sorts on the fields of the reference table', async () => {
    const { items } = await admin.accounts
      .queryLoyaltyAccounts()
      .ge('points.balance', 100)
      .descending('lastActivityDate')
      .find();
    expect(items.map((a) => a._id)).toEqual([
      DEMO_ACCOUNT_IDS.johna,
      DEMO_ACCOUNT_IDS.aigneis,
      DEMO_ACCOUNT_IDS.elena,
    ]);
  });

  it('refuses fields, operators and sorts outside the reference table with a 400', async () => {
    const field = await sdkError(admin.accounts.queryLoyaltyAccounts().eq('contact.id', 'x').find());
    expect(field.status).toBe(400);
    expect(field.details?.validationError?.fieldViolations?.[0]?.description).toMatch(/contact\.id/);
    const operator = await sdkError(admin.accounts.queryLoyaltyAccounts().gt('contactId', 'a').find());
    expect(operator.status).toBe(400);
    expect(operator.details?.validationError?.fieldViolations?.[0]?.description).toMatch(/\$gt/);
    const sort = await sdkError(admin.accounts.queryLoyaltyAccounts().ascending('contact.id').find());
    expect(sort.status).toBe(400);
    expect((await queryOverRest({ filter: { updatedDate: { $gt: '2020-01-01' } } })).status).toBe(400);
    expect((await queryOverRest({ filter: { 'points.balance': { $startsWith: '1' } } })).status).toBe(400);
    expect((await queryOverRest({ filter: { $or: [{ id: 'x' }, { revision: '1' }] } })).status).toBe(400);
  });
});

describe('List Accounts', () => {
  it('answers with PagingMetadataV2: count, offset, total, tooManyToCount, cursors', async () => {
    const all = await admin.accounts.listAccounts({
      contactIds: [DEMO_CONTACT_IDS.johna, DEMO_CONTACT_IDS.aigneis],
    });
    expect(all.pagingMetadata).toEqual({
      count: 2,
      offset: null,
      total: 2,
      tooManyToCount: null,
      cursors: { next: null, prev: null },
    });
    const first = await admin.accounts.listAccounts({ cursorPaging: { limit: 1 } });
    expect(first.pagingMetadata).toMatchObject({ count: 1, total: 4 });
    expect(first.pagingMetadata?.cursors?.next).toEqual(expect.any(String));
    const second = await admin.accounts.listAccounts({
      cursorPaging: { cursor: first.pagingMetadata?.cursors?.next },
    });
    expect(second.accounts?.[0]?._id).not.toBe(first.accounts?.[0]?._id);
  });
});

describe('malformed GUIDs', () => {
  const expectFormatError = async (call: Promise<unknown>) => {
    const error = await sdkError(call);
    expect(error.status).toBe(400);
    expect(error.details?.validationError?.fieldViolations?.[0]?.violatedRule).toBe('FORMAT');
  };

  it('are a 400 validation error in every accounts path and parameter, not a 404', async () => {
    const before = (await sandbox.control.request('GET', '/_sandbox/state')).json;
    await expectFormatError(admin.accounts.getAccount('not-a-guid'));
    await expectFormatError(
      admin.accounts.earnPoints('not-a-guid', { amount: 5, appId: WIX_LOYALTY_APP_ID, idempotencyKey: 'k' }),
    );
    await expectFormatError(admin.accounts.adjustPoints('not-a-guid', { amount: 5, revision: '1' }));
    await expectFormatError(admin.accounts.createAccount('noah'));
    await expectFormatError(admin.accounts.getAccountBySecondaryId({ contactId: 'noah' }));
    await expectFormatError(admin.accounts.listAccounts({ contactIds: [DEMO_CONTACT_IDS.johna, 'noah'] }));
    expect((await sandbox.control.request('GET', '/_sandbox/state')).json).toEqual(before);
  });
});

describe('the account contact', () => {
  it('carries the picture, null for a contact without one as in the reference example', async () => {
    const johna = await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.johna);
    expect(johna.contact).toHaveProperty('picture', null);
    const john = await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.john);
    expect(john.memberId).toBeUndefined();
    expect(john.contact).toMatchObject({
      _id: DEMO_CONTACT_IDS.john,
      name: 'John Carter',
      email: 'john.carter@example.com',
      picture: { _id: 'sandbox-avatar-john-carter', width: 64, height: 64 },
    });
    expect(john.contact?.picture?.url).toMatch(/^data:image\/svg\+xml,/);
  });
});
