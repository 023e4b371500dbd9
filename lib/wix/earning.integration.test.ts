import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { DEMO_ACCOUNT_IDS } from '@/lib/sandbox/seed';
import type { SessionState } from '@/lib/session/cookies';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { claimOffer } from './earning';
import { FOLLOW_SETTLE_MS } from './earn-state';
import { idempotencyKeyFor } from './idempotency';
import { joinProgram } from './membership';
import { clearSiteCatalog } from './site-catalog';

/**
 * The earn and join services against the local sandbox, through the real SDK: the same code the server
 * actions run, minus Next's request plumbing, so concurrency can be tested with real parallel calls.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

beforeEach(() => {
  clearSiteCatalog();
});

const state = () => sandbox.control.state();
const earnsOf = async (accountId: string) =>
  (await sandbox.control.transactions()).filter((t) => t.accountId === accountId && t.type === 'EARN');
const balanceOf = async (name: string) => (await sandbox.control.member(name)).account?.points.balance;

async function memberSession(name: string): Promise<SessionState> {
  const { tokens } = await loginAs(oauthClient(getConfig().wix.clientId), name);
  return { status: 'member', tokens };
}

const ELENA = DEMO_ACCOUNT_IDS.elena;

/** The claims are refused with these codes and the sandbox holds exactly what it held before. */
async function expectRefusedWithoutWrites(session: SessionState, refusals: [string, string][]) {
  const before = await state();
  for (const [offerId, code] of refusals) {
    expect(await claimOffer(session, offerId)).toMatchObject({ ok: false, code });
  }
  expect(await state()).toEqual(before);
}

describe.each([
  ['Wix pays for a follow by itself', true],
  ['Wix does not pay for follows', false],
])('claiming a follow when %s', (_label, followAwards) => {
  beforeEach(async () => {
    await sandbox.control.setBehaviour({ followAwards });
  });

  it('turns 20 simultaneous claims of one channel into exactly one award', async () => {
    const session = await memberSession('Elena Rodriguez');
    const before = await earnsOf(ELENA);

    const results = await Promise.all(
      Array.from({ length: 20 }, () => claimOffer(session, 'follow-instagram')),
    );

    const added = (await earnsOf(ELENA)).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ amount: 50, channel: 'INSTAGRAM' });
    expect(await balanceOf('Elena Rodriguez')).toBe(280 + 50);
    const succeeded = results.filter((result) => result.ok);
    expect(succeeded).toHaveLength(1);
    // The card is updated from this answer: it must show the points once.
    expect(succeeded[0]).toMatchObject({ points: 50, account: { balance: 280 + 50 } });
    expect(succeeded[0]?.ok && succeeded[0].transactionId).toBe(added[0]?.id);
    for (const result of results) if (!result.ok) expect(result.code).toBe('ALREADY_CLAIMED');
  });

  it('says a second claim was already claimed and writes nothing', async () => {
    const session = await memberSession('Elena Rodriguez');
    expect(await claimOffer(session, 'follow-tiktok')).toMatchObject({ ok: true, points: 40 });
    const after = await state();

    expect(await claimOffer(session, 'follow-tiktok')).toMatchObject({ ok: false, code: 'ALREADY_CLAIMED' });
    expect(await state()).toEqual(after);
  });

  it('refuses a disabled channel and an unknown one, and writes nothing', async () => {
    await expectRefusedWithoutWrites(await memberSession('Elena Rodriguez'), [
      ['follow-x', 'ACTIVITY_DISABLED'],
      ['follow-myspace', 'INVALID_ACTIVITY'],
    ]);
  });
});

describe('claiming a follow through failures', () => {
  it('writes nothing when recording the follow fails, and pays once on the retry', async () => {
    const session = await memberSession('Elena Rodriguez');
    await sandbox.control.injectFault({
      pathPrefix: '/loyalty-social-media',
      method: 'POST',
      status: 503,
      times: 1,
    });
    const before = await state();
    expect(await claimOffer(session, 'follow-facebook')).toMatchObject({
      ok: false,
      code: 'UPSTREAM_UNAVAILABLE',
    });
    expect(await state()).toEqual(before);

    expect(await claimOffer(session, 'follow-facebook')).toMatchObject({ ok: true, points: 30 });
    expect(await claimOffer(session, 'follow-facebook')).toMatchObject({
      ok: false,
      code: 'ALREADY_CLAIMED',
    });
    expect((await earnsOf(ELENA)).filter((t) => t.channel === 'FACEBOOK')).toHaveLength(1);
  });

  it('pays a follow whose award was lost once its claim has had time to settle, and only once', async () => {
    await sandbox.control.setBehaviour({ followAwards: false });
    const session = await memberSession('Elena Rodriguez');
    await sandbox.control.injectFault({
      pathPrefix: `/loyalty-accounts/v1/accounts/${ELENA}/earn-points`,
      status: 503,
      times: 1,
    });
    expect(await claimOffer(session, 'follow-facebook')).toMatchObject({
      ok: false,
      code: 'UPSTREAM_UNAVAILABLE',
    });
    expect(await balanceOf('Elena Rodriguez')).toBe(280);

    // Right away, the claim that followed might still be paying: nobody else may pay.
    expect(await claimOffer(session, 'follow-facebook')).toMatchObject({
      ok: false,
      code: 'UPSTREAM_UNAVAILABLE',
    });
    expect(await balanceOf('Elena Rodriguez')).toBe(280);

    const later = () => Date.now() + FOLLOW_SETTLE_MS + 1_000;
    const recovered = await Promise.all(
      Array.from({ length: 5 }, () => claimOffer(session, 'follow-facebook', { now: later })),
    );
    expect(recovered.every((result) => result.ok)).toBe(true);
    expect(await claimOffer(session, 'follow-facebook', { now: later })).toMatchObject({
      ok: false,
      code: 'ALREADY_CLAIMED',
    });
    expect(await balanceOf('Elena Rodriguez')).toBe(280 + 30);
    expect((await earnsOf(ELENA)).filter((t) => t.channel === 'FACEBOOK')).toHaveLength(1);
  });
});

describe('claiming a one-time activity', () => {
  it('awards it once, with the key Wix keeps on the transaction', async () => {
    const session = await memberSession('Johna Linskey');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => claimOffer(session, 'newsletter-signup')),
    );
    expect(results.some((result) => result.ok)).toBe(true);
    const after = await state();
    expect(await claimOffer(session, 'newsletter-signup')).toMatchObject({
      ok: false,
      code: 'ALREADY_CLAIMED',
    });
    expect(await state()).toEqual(after);
    const newsletter = (await earnsOf(DEMO_ACCOUNT_IDS.johna)).filter(
      (t) => t.activityType === 'newsletter-signup',
    );
    expect(newsletter).toHaveLength(1);
    expect(newsletter[0]?.idempotencyKey).toBe(
      idempotencyKeyFor(DEMO_ACCOUNT_IDS.johna, 'newsletter-signup'),
    );
  });

  it('is already claimed when someone else awarded it before, without this app’s key', async () => {
    // Aigneis's seeded history holds a newsletter award from the dashboard, with no idempotency key.
    await expectRefusedWithoutWrites(await memberSession('Aigneis Johnsson'), [
      ['newsletter-signup', 'ALREADY_CLAIMED'],
    ]);
  });
});

describe('claim guards', () => {
  it('refuses visitors and missing sessions', async () => {
    const visitor = oauthClient(getConfig().wix.clientId);
    const visitorTokens = await visitor.auth.generateVisitorTokens();
    const before = await state();
    expect(await claimOffer({ status: 'none' }, 'follow-instagram')).toMatchObject({
      ok: false,
      code: 'SIGN_IN_REQUIRED',
    });
    expect(await claimOffer({ status: 'member', tokens: visitorTokens }, 'follow-instagram')).toMatchObject({
      ok: false,
      code: 'SIGN_IN_REQUIRED',
    });
    expect(await state()).toEqual(before);
  });

  it('lets the rate-limit guard stop a claim before any write', async () => {
    const session = await memberSession('Elena Rodriguez');
    const before = await state();
    expect(
      await claimOffer(session, 'follow-instagram', { guard: async () => 'RATE_LIMITED' }),
    ).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(await state()).toEqual(before);
  });
});

describe('joinProgram', () => {
  it('creates an account for a member without one, once', async () => {
    const session = await memberSession('Noah Newcomer');
    const joined = await joinProgram(session);
    expect(joined).toMatchObject({ ok: true, account: { balance: 0 } });
    expect(await joinProgram(session)).toMatchObject({ ok: false, code: 'ALREADY_MEMBER' });
    expect(await claimOffer(session, 'follow-linkedin')).toMatchObject({
      ok: true,
      account: { balance: 20 },
    });
  });

  it('refuses while the program is paused', async () => {
    const session = await memberSession('Noah Newcomer');
    const headers = { Authorization: getConfig().wix.apiKey, 'wix-site-id': getConfig().wix.siteId };
    await fetch(`${sandbox.origin}/loyalty-programs/v1/program/pause`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    const before = await state();
    expect(await joinProgram(session)).toMatchObject({ ok: false, code: 'PROGRAM_INACTIVE' });
    expect(await state()).toEqual(before);
  });
});
