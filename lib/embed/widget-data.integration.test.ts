import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { JOHNA_REFERRAL_CODE } from '@/lib/sandbox/seed';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import type { SessionState } from '@/lib/session/cookies';
import { ROUND_TRIP_LATENCY_MS, countRoundTrips } from '@/testing/round-trips';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { loadMemberContext } from '@/lib/wix/member-context';
import { clearSiteCatalog, loadEarningRules, loadRewards } from '@/lib/wix/site-catalog';
import { balanceOf, isSignedIn, loadWidget } from './widget-data';

/**
 * The widget's rewards and activity views cost what their pages cost: one round trip to Wix for a member who
 * has seen a page before (the catalog is cached and their account known), and they say who is shown.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

beforeEach(() => {
  clearSiteCatalog();
});

async function returningMember(name: string): Promise<SessionState> {
  const { tokens } = await loginAs(oauthClient(getConfig().wix.clientId), name);
  const session: SessionState = { status: 'member', tokens };
  await Promise.all([loadMemberContext(session), loadRewards(), loadEarningRules()]);
  await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
  return session;
}

describe('the widget views of a member whose account is known', () => {
  it('reads the rewards view in one round trip, with the balance the host is told', async () => {
    const session = await returningMember('Johna Linskey');
    const { result, trips } = await countRoundTrips(() => loadWidget('rewards', session));
    expect(trips).toBe(1);
    expect(result.sessionRejected).toBe(false);
    expect(isSignedIn(result.content)).toBe(true);
    expect(balanceOf(result.content)).toBe(
      (await sandbox.control.member('Johna Linskey')).account!.points.balance,
    );
  });

  it('reads the activity view in one round trip', async () => {
    const session = await returningMember('Johna Linskey');
    const { result, trips } = await countRoundTrips(() => loadWidget('activity', session));
    expect(trips).toBe(1);
    expect(result.content).toMatchObject({ view: 'activity', signedIn: true, activity: { ok: true } });
    expect(balanceOf(result.content)).toBeNull();
  });
});

describe('the earn preview', () => {
  const order = { amount: 64, currency: 'USD' };

  it("costs a Gold member one round trip, and pays the order rule's Gold rate", async () => {
    const session = await returningMember('Johna Linskey');
    const { result, trips } = await countRoundTrips(() => loadWidget('preview', session, null, order));
    expect(trips).toBe(1);
    expect(result.content).toMatchObject({
      view: 'preview',
      signedIn: true,
      preview: { ok: true, view: { status: 'member', points: 128, reachesTier: null } },
    });
  });

  it('costs a visitor nothing once the catalogue is cached, and shows the base rate', async () => {
    await returningMember('Elena Rodriguez');
    const { result, trips } = await countRoundTrips(() =>
      loadWidget('preview', { status: 'none' }, null, order),
    );
    expect(trips).toBe(0);
    expect(result.content).toMatchObject({
      signedIn: false,
      preview: { ok: true, view: { status: 'visitor', points: 64 } },
    });
  });

  it('reads nothing for an amount in another currency, or none', async () => {
    const session = await returningMember('Johna Linskey');
    for (const other of [
      { amount: 64, currency: 'EUR' },
      { amount: null, currency: 'USD' },
    ]) {
      const { result, trips } = await countRoundTrips(() => loadWidget('preview', session, null, other));
      expect(trips).toBe(0);
      expect(result.content).toMatchObject({
        signedIn: true,
        preview: { ok: true, view: { status: 'empty' } },
      });
    }
  });
});

describe('who the views show', () => {
  it('shows a visitor as signed out, and a member whose tokens Wix refuses as a rejected session', async () => {
    const visitor = await loadWidget('rewards', { status: 'none' });
    expect(visitor).toMatchObject({ content: { signedIn: false }, sessionRejected: false });

    const session = await returningMember('Elena Rodriguez');
    if (session.status !== 'member') throw new Error('unreachable');
    const forged = { ...session.tokens, accessToken: { ...session.tokens.accessToken, value: 'forged' } };
    const refused = await loadWidget('activity', { status: 'member', tokens: forged });
    expect(refused).toMatchObject({ content: { signedIn: false }, sessionRejected: true });
  });

  it('shows the refer view to a member with their link, and a refused session as a visitor’s', async () => {
    const session = await returningMember('Johna Linskey');
    if (session.status !== 'member') throw new Error('unreachable');
    const app = 'https://loyalty.shop.example';
    const member = await loadWidget('refer', session, null, undefined, app);
    expect(member).toMatchObject({
      content: { view: 'refer', signedIn: true, refer: { ok: true, view: { status: 'member' } } },
      sessionRejected: false,
    });
    if (member.content.view !== 'refer' || !member.content.refer.ok) throw new Error('unreachable');
    expect(member.content.refer.view).toMatchObject({ link: expect.stringMatching(`^${app}/\\?ref=`) });
    const forged = { ...session.tokens, accessToken: { ...session.tokens.accessToken, value: 'forged' } };
    const refused = await loadWidget('refer', { status: 'member', tokens: forged }, null, undefined, app);
    expect(refused).toMatchObject({
      content: { signedIn: false, refer: { ok: true, view: { status: 'visitor' } } },
      sessionRejected: true,
    });
  });
});

describe("a referral code in a signed-in member's widget", () => {
  const order = (referralCode: string | null) => ({ amount: null, currency: null, referralCode });
  const referrals = async () => (await fetch(`${sandbox.origin}/_sandbox/referrals`)).json();

  it("offers Noah, signed in, Johna's invite in place of his card, and records nothing until he uses it", async () => {
    const session = await returningMember('Noah Newcomer');
    const before = await referrals();
    const loaded = await loadWidget('card', session, null, order(JOHNA_REFERRAL_CODE));
    expect(loaded).toMatchObject({
      content: {
        view: 'welcome',
        over: 'card',
        welcome: { referrerName: 'Johna', friendReward: { kind: 'percent-off', percent: 10 } },
        reward: null,
        signedIn: true,
      },
      sessionRejected: false,
    });
    expect(isSignedIn(loaded.content)).toBe(true);
    expect(await referrals()).toEqual(before);

    const visitor = await loadWidget('card', { status: 'none' }, null, order(JOHNA_REFERRAL_CODE));
    expect(visitor.content).toMatchObject({ view: 'welcome', signedIn: false, reward: null });
  });

  it('leaves the other views as they are, and shows the card for a code that opens no welcome', async () => {
    const session = await returningMember('Noah Newcomer');
    expect((await loadWidget('earn', session, null, order(JOHNA_REFERRAL_CODE))).content.view).toBe('earn');
    expect((await loadWidget('card', session, null, order('Unknown12345'))).content.view).toBe('card');
  });

  it("costs a member's card with no code not one call to the Referral Program", async () => {
    const session = await returningMember('Noah Newcomer');
    const { result, paths } = await countRoundTrips(() => loadWidget('card', session, null, order(null)));
    expect(result.content.view).toBe('card');
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => path.startsWith('/referral'))).toEqual([]);
  });
});
