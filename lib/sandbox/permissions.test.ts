import { checkout } from '@wix/ecom';
import * as loyalty from '@wix/loyalty';
import { members } from '@wix/members';
import { describe, expect, it } from 'vitest';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';
import { adminClient, sdkError, signedInClient } from './sdk-clients';
import { SANDBOX_SITE_ID } from './identity';
import { REFERRAL_ENDPOINTS } from '@/lib/wix/referrals';
import { AUTH_ROUTES, namedRoutes, SDK_METHOD_NAMES, sdkMethodFor } from './sdk-methods';
import { buildWixRouter } from './server';
import { DEMO_ACCOUNT_IDS, DEMO_MEMBER_IDS } from './seed';

const sandbox = setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

const PERMISSION_DENIED = {
  status: 403,
  details: { applicationError: { code: 'PERMISSION_DENIED' } },
};

describe('the SDK method names of the sandbox’s routes', () => {
  it('name every Wix route but the SDK’s auth, and only routes that exist', () => {
    const routes = buildWixRouter().keys();
    expect(routes.filter((route) => !AUTH_ROUTES.includes(route)).sort()).toEqual(namedRoutes().sort());
  });

  it('are methods the SDK’s modules export', () => {
    const modules: Record<string, object> = { ...loyalty, checkout, members };
    const missing = SDK_METHOD_NAMES.filter((name) => !name.startsWith('referrals.')).filter((name) => {
      const [module, method] = name.split('.') as [string, string];
      return typeof (modules[module] as Record<string, unknown> | undefined)?.[method] !== 'function';
    });
    expect(missing).toEqual([]);
  });

  it('name the referral door’s REST endpoints exactly: each route is one endpoint’s verb and path', () => {
    const doorRoutes = Object.values(REFERRAL_ENDPOINTS).map((endpoint) => [
      `${endpoint.verb} ${endpoint.path.replace(/\{(\w+)\}/g, ':$1')}`,
      endpoint.method,
    ]);
    const sandboxRoutes = namedRoutes()
      .map((route) => [route, sdkMethodFor(route)])
      .filter(([, method]) => method?.startsWith('referrals.'));
    expect(sandboxRoutes.sort()).toEqual(doorRoutes.sort());
  });
});

describe('the permission switch', () => {
  it('refuses a denied method to the API key with Wix’s 403 body, and only that method', async () => {
    await sandbox.control.denyPermissions([{ method: 'accounts.getAccount', identity: 'app' }]);
    expect(await sdkError(admin.accounts.getAccount(DEMO_ACCOUNT_IDS.johna))).toMatchObject(
      PERMISSION_DENIED,
    );
    const raw = await fetch(`${sandbox.origin}/loyalty-accounts/v1/accounts/${DEMO_ACCOUNT_IDS.johna}`, {
      headers: { authorization: TEST_API_KEY, 'wix-site-id': SANDBOX_SITE_ID },
    });
    expect(raw.status).toBe(403);
    expect(await raw.json()).toEqual({
      message: expect.any(String),
      details: {
        applicationError: { code: 'PERMISSION_DENIED', description: expect.any(String), data: {} },
      },
    });
    expect((await admin.programs.getLoyaltyProgram()).loyaltyProgram?.name).toBe('Star Rewards');
  });

  it('refuses a member’s token and leaves the API key alone on the same method', async () => {
    await sandbox.control.denyPermissions([
      { method: 'checkoutExchange.applyDiscountToCheckout', identity: 'member' },
    ]);
    const johna = await signedInClient('Johna Linskey');
    const { id } = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.johna);
    const before = await sandbox.control.state();
    const reward = { reward: { _id: '0f6b2a8e-1d3c-4e5f-8a9b-7c6d5e4f3a2b', pointsToSpend: 10 } };
    expect(await sdkError(johna.checkoutExchange.applyDiscountToCheckout(id, reward))).toMatchObject(
      PERMISSION_DENIED,
    );
    expect(await sandbox.control.state()).toEqual(before);
    // Not the identity denied: the key reaches the method, which answers for itself (an unknown reward).
    expect(await sdkError(admin.checkoutExchange.applyDiscountToCheckout(id, reward))).toMatchObject({
      status: 404,
    });
    expect((await johna.accounts.getCurrentMemberAccount()).account?._id).toBe(DEMO_ACCOUNT_IDS.johna);
  });

  it('answers a key it does not know with 401, as Wix authenticates before it authorizes', async () => {
    await sandbox.control.denyPermissions([{ method: 'accounts.getAccount', identity: 'app' }]);
    const keyless = adminClient('not-the-key');
    expect(await sdkError(keyless.accounts.getAccount(DEMO_ACCOUNT_IDS.johna))).toMatchObject({
      status: 401,
    });
  });

  it('is cleared by a reset and by an empty list, and shows what it denies', async () => {
    const deny = [{ method: 'programs.getLoyaltyProgram', identity: 'app' }] as const;
    expect(await sandbox.control.denyPermissions([...deny])).toEqual({ deny });
    expect(await sandbox.control.request('GET', '/_sandbox/permissions')).toEqual({
      status: 200,
      json: { deny },
    });
    await sandbox.control.reset();
    expect((await admin.programs.getLoyaltyProgram()).loyaltyProgram?.status).toBe('ACTIVE');

    await sandbox.control.denyPermissions([...deny]);
    expect(await sdkError(admin.programs.getLoyaltyProgram())).toMatchObject(PERMISSION_DENIED);
    await sandbox.control.denyPermissions([]);
    expect((await admin.programs.getLoyaltyProgram()).loyaltyProgram?.status).toBe('ACTIVE');
  });

  it('refuses a method it does not know or an identity other than app and member', async () => {
    for (const entry of [
      { method: 'accounts.getAccounts', identity: 'app' },
      { method: 'accounts.getAccount', identity: 'visitor' },
    ]) {
      expect((await sandbox.control.request('PUT', '/_sandbox/permissions', { deny: [entry] })).status).toBe(
        400,
      );
    }
    expect((await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.johna))._id).toBe(DEMO_ACCOUNT_IDS.johna);
  });
});
