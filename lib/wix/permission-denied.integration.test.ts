import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { DEMO_MEMBER_IDS, REWARD_IDS } from '@/lib/sandbox/seed';
import { createMemoryKeyLock } from '@/lib/stores/key-lock';
import { memberSession } from '@/testing/member-session';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { loadCheckoutState } from './checkout-points';
import { classifyWixFailure } from './errors';
import { loadMemberContext } from './member-context';
import { redeemReward } from './redemption';
import { clearSiteCatalog } from './site-catalog';

/**
 * Wix's 403 `PERMISSION_DENIED` says the site does not let this identity call the method: not that the session
 * ended. A member whose token is refused a method stays signed in and is told Wix cannot do it right now.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

beforeEach(() => {
  clearSiteCatalog();
});

describe('a method Wix refuses the member’s token', () => {
  it('is classified as forbidden, apart from a token Wix does not know', () => {
    const denied = { status: 403, details: { applicationError: { code: 'PERMISSION_DENIED' } } };
    expect(classifyWixFailure(denied)).toBe('forbidden');
    expect(classifyWixFailure({ status: 401 })).toBe('unauthenticated');
  });

  it('leaves the member signed in when their account is refused', async () => {
    const { session } = await memberSession('Johna Linskey');
    await sandbox.control.denyPermissions([
      { method: 'accounts.getCurrentMemberAccount', identity: 'member' },
    ]);
    expect(await loadMemberContext(session)).toEqual({ status: 'unavailable' });
  });

  it('answers a refused redemption as unavailable, not as a sign-in, and spends nothing', async () => {
    const { session } = await memberSession('Johna Linskey');
    await sandbox.control.denyPermissions([
      { method: 'coupons.redeemCurrentMemberPointsForCoupon', identity: 'member' },
    ]);
    const before = await sandbox.control.state();
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock: createMemoryKeyLock() })).toEqual({
      ok: false,
      code: 'UPSTREAM_UNAVAILABLE',
    });
    expect(await sandbox.control.state()).toEqual(before);
  });

  it('shows the checkout view as unavailable when the member’s coupons are refused', async () => {
    const { session } = await memberSession('Johna Linskey');
    const checkout = await sandbox.control.createCheckout(DEMO_MEMBER_IDS.johna);
    await sandbox.control.denyPermissions([
      { method: 'coupons.getCurrentMemberCoupons', identity: 'member' },
    ]);
    expect(await loadCheckoutState(session, checkout.id)).toEqual({ status: 'unavailable' });
  });
});
