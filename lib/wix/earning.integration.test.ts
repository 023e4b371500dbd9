import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { claimOffer, idempotencyKeyFor } from './earning';
import type { SessionState } from '@/lib/session/cookies';
import { clearSiteCatalog } from './site-catalog';
import { joinProgram } from './membership';

/**
 * The earn and join services against the local sandbox, through the real SDK: the same code the server
 * actions run, minus Next's request plumbing, so concurrency can be tested with real parallel calls.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

beforeEach(() => {
  clearSiteCatalog();
});

const transactions = () => sandbox.control.transactions();
const state = () => sandbox.control.state();

async function memberSession(name: string): Promise<SessionState> {
  const { tokens } = await loginAs(oauthClient(getConfig().wix.clientId), name);
  return { status: 'member', tokens };
}

describe('claimOffer', () => {
  it('turns 20 simultaneous claims of one channel into exactly one transaction', async () => {
    const session = await memberSession('Elena Rodriguez');
    const before = await transactions();

    const results = await Promise.all(
      Array.from({ length: 20 }, () => claimOffer(session, 'follow-instagram')),
    );

    const added = (await transactions()).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ type: 'EARN', amount: 50 });
    const succeeded = results.filter((result) => result.ok);
    expect(succeeded.length).toBeGreaterThan(0);
    expect(new Set(succeeded.map((result) => result.ok && result.transactionId)).size).toBe(1);
    for (const result of results) if (!result.ok) expect(result.code).toBe('ALREADY_CLAIMED');
    expect(succeeded.every((result) => result.ok && result.account.balance === 280 + 50)).toBe(true);
  });

  it('says a second claim was already claimed and writes nothing', async () => {
    const session = await memberSession('Elena Rodriguez');
    expect(await claimOffer(session, 'follow-tiktok')).toMatchObject({ ok: true, points: 40 });
    const after = await state();

    expect(await claimOffer(session, 'follow-tiktok')).toMatchObject({ ok: false, code: 'ALREADY_CLAIMED' });
    expect(await state()).toEqual(after);
  });

  it('awards a one-time activity once, using the key Wix keeps on the transaction', async () => {
    const session = await memberSession('Johna Linskey');
    const first = await claimOffer(session, 'newsletter-signup');
    expect(first).toMatchObject({ ok: true, points: 25 });
    const after = await state();
    expect(await claimOffer(session, 'newsletter-signup')).toMatchObject({
      ok: false,
      code: 'ALREADY_CLAIMED',
    });
    expect(await state()).toEqual(after);
    const keys = (await transactions()).map((transaction) => transaction.idempotencyKey);
    expect(keys).toContain(idempotencyKeyFor('e6f39a5b-a6d0-4556-b889-0cf09d8a84f7', 'newsletter-signup'));
  });

  it.each([
    ['an unknown activity', 'follow-myspace', 'INVALID_ACTIVITY'],
    ['a disabled channel', 'follow-x', 'ACTIVITY_DISABLED'],
  ])('refuses %s and writes nothing', async (_label, offerId, code) => {
    const session = await memberSession('Elena Rodriguez');
    const before = await state();
    expect(await claimOffer(session, offerId)).toMatchObject({ ok: false, code });
    expect(await state()).toEqual(before);
  });

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
    expect(await claimOffer(session, 'follow-instagram', async () => 'RATE_LIMITED')).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    });
    expect(await state()).toEqual(before);
  });

  it('survives a failed award and a lost follow record without ever paying twice', async () => {
    const session = await memberSession('Elena Rodriguez');
    await sandbox.control.injectFault({
      pathPrefix: '/loyalty-accounts/v1/accounts',
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

    await sandbox.control.injectFault({
      pathPrefix: '/loyalty-social-media',
      method: 'POST',
      status: 503,
      times: 1,
    });
    const first = await claimOffer(session, 'follow-facebook');
    expect(first).toMatchObject({ ok: true });
    const retried = await claimOffer(session, 'follow-facebook');
    expect(retried.ok && first.ok && retried.transactionId === first.transactionId).toBe(true);
    expect(await claimOffer(session, 'follow-facebook')).toMatchObject({
      ok: false,
      code: 'ALREADY_CLAIMED',
    });
    const earns = (await transactions()).filter(
      (transaction) => transaction.amount === 30 && transaction.idempotencyKey,
    );
    expect(earns).toHaveLength(1);
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
