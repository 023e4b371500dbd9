import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { JOHNA_REFERRAL_CODE } from '@/lib/sandbox/seed';
import { memberSession } from '@/testing/member-session';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { acceptReferral, loadReferralWelcome } from './referral-friend';
import { generateMyReferringCustomer } from './referrals';

/** The friend's welcome and their attribution, against the sandbox through the real SDK clients. */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

async function sessionOf(name: string) {
  const { session } = await memberSession(name);
  if (session.status !== 'member') throw new Error(`${name} did not sign in`);
  return session;
}

type Recorded = { referredFriends: unknown[]; rewards: unknown[]; events: unknown[] };
const recorded = async (): Promise<Recorded> =>
  (await fetch(`${sandbox.origin}/_sandbox/referrals`)).json() as Promise<Recorded>;
const counts = (state: Recorded) => [state.referredFriends.length, state.rewards.length, state.events.length];

describe("the friend's welcome", () => {
  it("names the referrer by first name and the friend's reward, from a code and nothing else", async () => {
    expect(await loadReferralWelcome(JOHNA_REFERRAL_CODE)).toEqual({
      referrerName: 'Johna',
      friendReward: { kind: 'percent-off', percent: 10 },
    });
  });

  it('is not shown for an unknown code, a malformed one, or none', async () => {
    expect(await loadReferralWelcome('Unknown12345')).toBeNull();
    expect(await loadReferralWelcome('johna')).toBeNull();
    expect(await loadReferralWelcome(null)).toBeNull();
  });
});

describe('recording a referred friend', () => {
  it("records Noah as Johna's friend and answers his coupon; the same code again records nothing more", async () => {
    const noah = await sessionOf('Noah Newcomer');
    const before = counts(await recorded());
    const result = await acceptReferral(noah, JOHNA_REFERRAL_CODE);
    expect(result).toMatchObject({
      ok: true,
      welcome: { referrerName: 'Johna' },
      reward: { benefit: { kind: 'percent-off', percent: 10 }, couponCode: expect.stringMatching(/\S{6,}/) },
    });
    const after = counts(await recorded());
    expect(after[0]).toBe(before[0]! + 1);
    expect(await acceptReferral(noah, JOHNA_REFERRAL_CODE)).toEqual(result);
    expect(counts(await recorded())).toEqual(after);
  });

  it('refuses, with a clear code and nothing recorded, every referral Wix would not make', async () => {
    const noah = await sessionOf('Noah Newcomer');
    const johna = await sessionOf('Johna Linskey');
    const aigneis = await sessionOf('Aigneis Johnsson');
    const aigneisCode = (await generateMyReferringCustomer(aigneis.tokens)).referralCode;
    await acceptReferral(noah, JOHNA_REFERRAL_CODE);
    const before = await recorded();
    expect(await acceptReferral(johna, JOHNA_REFERRAL_CODE)).toEqual({ ok: false, code: 'SELF_REFERRAL' });
    expect(await acceptReferral(noah, aigneisCode)).toEqual({ ok: false, code: 'ALREADY_REFERRED' });
    expect(await acceptReferral(aigneis, JOHNA_REFERRAL_CODE)).toEqual({
      ok: false,
      code: 'ALREADY_CUSTOMER',
    });
    expect(await acceptReferral(noah, 'Unknown12345')).toEqual({ ok: false, code: 'REFERRAL_CODE_UNKNOWN' });
    expect(await acceptReferral(noah, 'Johna-L1nske')).toEqual({ ok: false, code: 'REFERRAL_CODE_INVALID' });
    expect(await acceptReferral(noah, 42)).toEqual({ ok: false, code: 'REFERRAL_CODE_INVALID' });
    expect(await acceptReferral({ status: 'none' }, JOHNA_REFERRAL_CODE)).toEqual({
      ok: false,
      code: 'SIGN_IN_REQUIRED',
    });
    expect(await recorded()).toEqual(before);
  });
});
