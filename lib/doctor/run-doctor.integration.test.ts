import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SANDBOX_DEFAULT_API_KEY } from '@/lib/sandbox/identity';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { WIX_CALLS } from '@/lib/wix/wix-calls';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { hasFailure, renderReport, type CheckRow } from './report';
import { runDoctor } from './run-doctor';

/**
 * The doctor against the sandbox, in this process: the configuration is this process's (sandbox mode, its
 * port pointed at the test's sandbox), the calls the app's own clients through the real SDK.
 */
const sandbox = setUpRoutedSandbox({ apiKey: SANDBOX_DEFAULT_API_KEY });

beforeAll(() => {
  // Read by the configuration on first use, which is the doctor's first step.
  vi.stubEnv('WIX_SANDBOX_PORT', new URL(sandbox.origin).port);
});

const JOHNA = DEMO_MEMBER_IDS.johna;

const rowOf = (rows: CheckRow[], check: string) => {
  const found = rows.find((r) => r.check === check);
  if (!found) throw new Error(`no row "${check}" in:\n${renderReport('', rows)}`);
  return found;
};

describe('npm run doctor on the seed', () => {
  it('is green with a seeded member, with a row per Wix call the app makes', async () => {
    const { rows } = await runDoctor({ memberId: JOHNA });
    expect(rows.filter((r) => r.status === 'FAILED' || r.status === 'warn')).toEqual([]);
    expect(hasFailure(rows)).toBe(false);
    for (const call of WIX_CALLS) {
      expect(rowOf(rows, `${call.method} (${call.identity})`).status).toBe('ok');
    }
    expect(rowOf(rows, 'member tokens').status).toBe('ok');
    expect(rowOf(rows, 'checkout exchange').detail).toMatch(/^accepts the member’s token .* and the API key/);
  });

  it('checks the API key’s calls without a member, and says the member’s were not made', async () => {
    const { rows } = await runDoctor({ memberId: null });
    expect(hasFailure(rows)).toBe(false);
    expect(rowOf(rows, 'accounts.earnPoints (app)').status).toBe('ok');
    expect(rowOf(rows, '11 member calls').status).toBe('skipped');
    expect(rows.some((r) => r.check.endsWith('(member)'))).toBe(false);
  });

  it('follows nothing for a member who follows no channel: that call is skipped, not made', async () => {
    const before = await sandbox.control.state();
    const { rows } = await runDoctor({ memberId: DEMO_MEMBER_IDS.elena });
    expect(hasFailure(rows)).toBe(false);
    expect(rowOf(rows, 'socialMedia.createFollowedChannel (member)')).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('following one would award points'),
    });
    expect(await sandbox.control.state()).toEqual(before);
  });

  it('changes nothing on the site', async () => {
    const before = await sandbox.control.state();
    await runDoctor({ memberId: JOHNA });
    expect(await sandbox.control.state()).toEqual(before);
  });
});

describe('npm run doctor on a site missing a permission', () => {
  // Methods the app calls with the API key when Wix refuses the member's token are judged together (below).
  const withFallback = new Set<string>(
    WIX_CALLS.filter((call) => 'fallback' in call).map((call) => call.method),
  );
  it.each(WIX_CALLS.filter((call) => !withFallback.has(call.method)))(
    'fails on $method denied to $identity, naming both',
    async ({ method, identity }) => {
      await sandbox.control.denyPermissions([{ method, identity }]);
      const { rows } = await runDoctor({ memberId: JOHNA });
      const denied = rowOf(rows, `${method} (${identity})`);
      expect(denied.status).toBe('FAILED');
      expect(denied.detail).toContain(
        `refused ${identity === 'app' ? 'the API key' : 'the member’s token'} (status 403, code PERMISSION_DENIED)`,
      );
      expect(hasFailure(rows)).toBe(true);
      const others = rows.filter((r) => r !== denied && r.check !== 'API key and site id');
      expect(others.filter((r) => r.status === 'FAILED')).toEqual([]);
    },
  );

  it('reports an exchange that accepts only the API key, and only warns', async () => {
    await sandbox.control.denyPermissions([
      { method: 'checkoutExchange.applyDiscountToCheckout', identity: 'member' },
      { method: 'checkoutExchange.queryLoyaltyCheckoutDiscounts', identity: 'member' },
    ]);
    const { rows } = await runDoctor({ memberId: JOHNA });
    expect(hasFailure(rows)).toBe(false);
    expect(rowOf(rows, 'checkoutExchange.applyDiscountToCheckout (member)')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('the app makes this call with the API key instead'),
    });
    expect(rowOf(rows, 'checkout exchange')).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/^accepts only the API key/),
    });
  });

  it('warns about a key refused the exchange while members’ tokens are accepted', async () => {
    await sandbox.control.denyPermissions([
      { method: 'checkoutExchange.applyDiscountToCheckout', identity: 'app' },
    ]);
    const { rows } = await runDoctor({ memberId: JOHNA });
    expect(hasFailure(rows)).toBe(false);
    expect(rowOf(rows, 'checkoutExchange.applyDiscountToCheckout (app)').status).toBe('warn');
    expect(rowOf(rows, 'checkout exchange').detail).toContain('but not the API key (no fallback)');
  });

  it('only warns when members may not call Remove Coupon, which the key then makes; fails when neither may', async () => {
    await sandbox.control.denyPermissions([{ method: 'checkout.removeCoupon', identity: 'member' }]);
    const refused = await runDoctor({ memberId: JOHNA });
    expect(hasFailure(refused.rows)).toBe(false);
    expect(rowOf(refused.rows, 'checkout.removeCoupon (member)')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('the app makes this call with the API key instead'),
    });
    expect(rowOf(refused.rows, 'checkout.removeCoupon (app)')).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('a checkout that does not exist'),
    });

    await sandbox.control.denyPermissions([
      { method: 'checkout.removeCoupon', identity: 'member' },
      { method: 'checkout.removeCoupon', identity: 'app' },
    ]);
    const { rows } = await runDoctor({ memberId: JOHNA });
    expect(rowOf(rows, 'checkout.removeCoupon (member)').status).toBe('FAILED');
    expect(rowOf(rows, 'checkout.removeCoupon (app)').status).toBe('FAILED');
  });

  it('fails when the exchange refuses both identities', async () => {
    await sandbox.control.denyPermissions([
      { method: 'checkoutExchange.applyDiscountToCheckout', identity: 'member' },
      { method: 'checkoutExchange.applyDiscountToCheckout', identity: 'app' },
    ]);
    const { rows } = await runDoctor({ memberId: JOHNA });
    expect(rowOf(rows, 'checkoutExchange.applyDiscountToCheckout (member)').status).toBe('FAILED');
    expect(rowOf(rows, 'checkoutExchange.applyDiscountToCheckout (app)').status).toBe('FAILED');
    expect(rowOf(rows, 'checkout exchange').status).toBe('FAILED');
  });
});

describe('npm run doctor on a member Wix does not sign in', () => {
  it('fails the member tokens and makes none of the member’s calls', async () => {
    const { rows } = await runDoctor({ memberId: '00000000-0000-4000-8000-000000000000' });
    expect(rowOf(rows, 'member tokens').status).toBe('FAILED');
    expect(rowOf(rows, '11 member calls')).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('Wix did not sign the member in'),
    });
  });
});
