import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { adminClient, loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { DEMO_ACCOUNT_IDS, REWARD_IDS } from '@/lib/sandbox/seed';
import type { SessionState } from '@/lib/session/cookies';
import { createMemoryKeyLock, type KeyLock } from '@/lib/stores/key-lock';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { redeemReward, REPEAT_WINDOW_MS } from './redemption';
import { clearSiteCatalog } from './site-catalog';

/**
 * The redeem service against the local sandbox, through the real SDK: the code the server action runs, minus
 * Next's request plumbing, so concurrent redemptions are real parallel calls.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });
const admin = () => adminClient(getConfig().wix.apiKey);

beforeEach(() => {
  clearSiteCatalog();
});

async function memberSession(name: string): Promise<SessionState> {
  const { tokens } = await loginAs(oauthClient(getConfig().wix.clientId), name);
  return { status: 'member', tokens };
}

/** A lock of this test's own, so no test shares a held key with another. */
const freshLock = () => createMemoryKeyLock();
const state = () => sandbox.control.state();
const redeemsOf = async (accountId: string) =>
  (await sandbox.control.transactions()).filter((t) => t.accountId === accountId && t.type === 'REDEEM');
const couponsOf = async (accountId: string) =>
  (await sandbox.control.coupons()).filter((coupon) => coupon.accountId === accountId);
const balanceOf = async (name: string) => (await sandbox.control.member(name)).account!.points.balance;

const JOHNA = DEMO_ACCOUNT_IDS.johna;

describe('redeeming a reward', () => {
  it('spends exactly the cost, writes one REDEEM and one coupon, and answers with the card’s new account', async () => {
    const session = await memberSession('Johna Linskey');
    const [redeemsBefore, couponsBefore] = [await redeemsOf(JOHNA), await couponsOf(JOHNA)];

    const result = await redeemReward(session, REWARD_IDS.tenOff, { lock: freshLock() });

    expect(result).toMatchObject({
      ok: true,
      cost: 200,
      account: { balance: 1050, redeemed: 400, rewardAvailable: true },
      coupon: { rewardName: '$10 off', kind: 'amount-off', value: 10 },
    });
    const added = (await redeemsOf(JOHNA)).slice(redeemsBefore.length);
    expect(added).toMatchObject([{ amount: -200, rewardId: REWARD_IDS.tenOff }]);
    const coupons = (await couponsOf(JOHNA)).slice(couponsBefore.length);
    expect(coupons).toHaveLength(1);
    expect(result.ok && result.coupon.code).toBe(coupons[0]?.couponReference.code);
    expect(await balanceOf('Johna Linskey')).toBe(1050);
  });

  it('turns ten simultaneous redemptions by one member into exactly one coupon', async () => {
    const session = await memberSession('Johna Linskey');
    const lock = freshLock();
    const couponsBefore = await couponsOf(JOHNA);

    const results = await Promise.all(
      Array.from({ length: 10 }, () => redeemReward(session, REWARD_IDS.tenOff, { lock })),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const result of results) {
      if (!result.ok) expect(['REDEMPTION_IN_PROGRESS', 'RECENTLY_REDEEMED']).toContain(result.code);
    }
    expect((await couponsOf(JOHNA)).length - couponsBefore.length).toBe(1);
    expect(await balanceOf('Johna Linskey')).toBe(1250 - 200);
  });

  it('takes a repeat within seconds for the same request, and redeems again after that', async () => {
    const session = await memberSession('Johna Linskey');
    let clock = Date.now();
    const lock = createMemoryKeyLock(() => clock);
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock })).toMatchObject({ ok: true });
    const after = await state();

    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock })).toEqual({
      ok: false,
      code: 'RECENTLY_REDEEMED',
    });
    expect(await state()).toEqual(after);
    // Another reward is a new request, not a repeat.
    expect(await redeemReward(session, REWARD_IDS.freeShipping, { lock })).toMatchObject({ ok: true });

    clock += REPEAT_WINDOW_MS;
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock })).toMatchObject({ ok: true });
    expect(await balanceOf('Johna Linskey')).toBe(1250 - 200 - 150 - 200);
  });

  it('does not hold one member’s redemption against another', async () => {
    const lock = freshLock();
    await lock.acquire(`redeem:${DEMO_ACCOUNT_IDS.elena}`, 30_000);
    expect(
      await redeemReward(await memberSession('Johna Linskey'), REWARD_IDS.tenOff, { lock }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe('what a redemption refuses, spending nothing', () => {
  it.each([
    ['a reward the balance does not cover', 'Aigneis Johnsson', REWARD_IDS.freeShipping, 'NOT_ENOUGH_POINTS'],
    ['a reward of another tier', 'Elena Rodriguez', REWARD_IDS.goldTwentyOff, 'REWARD_NOT_IN_TIER'],
    ['an inactive reward', 'Johna Linskey', REWARD_IDS.fifteenOff, 'REWARD_UNAVAILABLE'],
    [
      'a reward that does not exist',
      'Johna Linskey',
      '00000000-0000-4000-8000-000000000000',
      'REWARD_UNAVAILABLE',
    ],
    ['a member without an account', 'Noah Newcomer', REWARD_IDS.tenOff, 'NO_LOYALTY_ACCOUNT'],
  ])('refuses %s', async (_label, name, rewardId, code) => {
    const session = await memberSession(name);
    const before = await state();
    expect(await redeemReward(session, rewardId, { lock: freshLock() })).toEqual({ ok: false, code });
    expect(await state()).toEqual(before);
  });

  it('refuses visitors', async () => {
    const visitorTokens = await oauthClient(getConfig().wix.clientId).auth.generateVisitorTokens();
    const before = await state();
    expect(await redeemReward({ status: 'none' }, REWARD_IDS.tenOff)).toEqual({
      ok: false,
      code: 'SIGN_IN_REQUIRED',
    });
    expect(await redeemReward({ status: 'member', tokens: visitorTokens }, REWARD_IDS.tenOff)).toEqual({
      ok: false,
      code: 'SIGN_IN_REQUIRED',
    });
    expect(await state()).toEqual(before);
  });

  it('refuses while the program is paused', async () => {
    await admin().programs.pauseLoyaltyProgram();
    const session = await memberSession('Johna Linskey');
    const before = await state();
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock: freshLock() })).toEqual({
      ok: false,
      code: 'PROGRAM_INACTIVE',
    });
    expect(await state()).toEqual(before);
  });

  it('lets the rate-limit guard stop a redemption before any write', async () => {
    const session = await memberSession('Johna Linskey');
    const before = await state();
    const result = await redeemReward(session, REWARD_IDS.tenOff, {
      lock: freshLock(),
      guard: async () => 'RATE_LIMITED',
    });
    expect(result).toEqual({ ok: false, code: 'RATE_LIMITED' });
    expect(await state()).toEqual(before);
  });

  it('says so when the points were spent elsewhere between the check and the redemption', async () => {
    const session = await memberSession('Johna Linskey');
    const inner = freshLock();
    // Another channel spends most of Johna's points just as this redemption takes the lock.
    const spendingLock: KeyLock = {
      acquire: async (key, ttl) => {
        if (key.startsWith('redeem:')) {
          const { revision } = await admin().accounts.getAccount(JOHNA);
          await admin().accounts.adjustPoints(JOHNA, { amount: -1100, revision: revision! });
        }
        return inner.acquire(key, ttl);
      },
    };
    const couponsBefore = await couponsOf(JOHNA);
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock: spendingLock })).toEqual({
      ok: false,
      code: 'NOT_ENOUGH_POINTS',
    });
    expect(await couponsOf(JOHNA)).toEqual(couponsBefore);
    expect(await balanceOf('Johna Linskey')).toBe(150);
  });

  it('answers a Wix outage with UPSTREAM_UNAVAILABLE, writes nothing, and lets a retry through after the window', async () => {
    const session = await memberSession('Johna Linskey');
    let clock = Date.now();
    const lock = createMemoryKeyLock(() => clock);
    await sandbox.control.injectFault({
      pathPrefix: '/loyalty-coupons/v1/coupons/redeem-my-coupon',
      status: 503,
      times: 1,
    });
    const before = await state();
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock })).toEqual({
      ok: false,
      code: 'UPSTREAM_UNAVAILABLE',
    });
    expect(await state()).toEqual(before);
    // The outcome of a failed call is unknown, so an immediate retry is held back…
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock })).toEqual({
      ok: false,
      code: 'RECENTLY_REDEEMED',
    });
    clock += REPEAT_WINDOW_MS;
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock })).toMatchObject({ ok: true });
  });

  it('spends nothing when the lock store cannot be reached', async () => {
    const session = await memberSession('Johna Linskey');
    const unreachable: KeyLock = {
      acquire: async () => {
        throw new Error('connection refused');
      },
    };
    const before = await state();
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock: unreachable })).toEqual({
      ok: false,
      code: 'UPSTREAM_UNAVAILABLE',
    });
    expect(await state()).toEqual(before);
  });

  it('lets the member try again at once after Wix refused', async () => {
    const session = await memberSession('Elena Rodriguez');
    const lock = freshLock();
    await sandbox.control.injectFault({
      pathPrefix: '/loyalty-coupons/v1/coupons/redeem-my-coupon',
      status: 404,
      times: 1,
    });
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock })).toEqual({
      ok: false,
      code: 'REWARD_UNAVAILABLE',
    });
    expect(await redeemReward(session, REWARD_IDS.tenOff, { lock })).toMatchObject({ ok: true });
  });
});
