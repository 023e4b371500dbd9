import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config/env';
import { loginAs, oauthClient } from '@/lib/sandbox/sdk-clients';
import { DEMO_ACCOUNT_IDS } from '@/lib/sandbox/seed';
import type { SessionState } from '@/lib/session/cookies';
import { ROUND_TRIP_LATENCY_MS, countRoundTrips } from '@/testing/round-trips';
import { setUpRoutedSandbox } from '@/testing/routed-sandbox';
import { loadActivity } from './activity';
import { loadEarnOffers } from './earn-page';
import { claimOffer } from './earning';
import { idempotencyKeyFor } from './idempotency';
import { rememberAccountId } from './known-accounts';
import { loadMemberContext } from './member-context';
import { clearSiteCatalog, loadEarningRules } from './site-catalog';

/**
 * What a claim, the earn offers and the activity page cost in sequential round trips to Wix, once the site's catalog and the
 * member's account are known (any page the member saw before filled them), and that reading ahead with a
 * known account never trades away whose account it is.
 */
const sandbox = setUpRoutedSandbox({ apiKey: getConfig().wix.apiKey });

beforeEach(() => {
  clearSiteCatalog();
});

/** A member who has already seen a page: the catalog is cached and their account is known. */
async function returningMember(name: string): Promise<SessionState> {
  const { tokens } = await loginAs(oauthClient(getConfig().wix.clientId), name);
  const session: SessionState = { status: 'member', tokens };
  await Promise.all([loadMemberContext(session), loadEarningRules()]);
  await sandbox.control.setLatency(ROUND_TRIP_LATENCY_MS);
  return session;
}

const earnsOf = async (accountId: string) =>
  (await sandbox.control.transactions()).filter((t) => t.accountId === accountId && t.type === 'EARN');

describe('a claim by a member whose account is known', () => {
  it('costs two round trips for a follow Wix pays for by itself', async () => {
    const session = await returningMember('Elena Rodriguez');
    const { result, trips } = await countRoundTrips(() => claimOffer(session, 'follow-instagram'));
    expect(result).toMatchObject({ ok: true, points: 50, account: { balance: 280 + 50 } });
    expect(trips).toBe(2);
  });

  it('costs three for a follow Wix does not pay for, the third being the award', async () => {
    await sandbox.control.setBehaviour({ followAwards: false });
    const session = await returningMember('Elena Rodriguez');
    const { result, trips } = await countRoundTrips(() => claimOffer(session, 'follow-instagram'));
    expect(result).toMatchObject({ ok: true, points: 50, account: { balance: 280 + 50 } });
    expect(trips).toBe(3);
  });

  it('costs two round trips for a one-time activity', async () => {
    const session = await returningMember('Johna Linskey');
    const { result, trips } = await countRoundTrips(() => claimOffer(session, 'newsletter-signup'));
    expect(result).toMatchObject({ ok: true });
    expect(trips).toBe(2);
  });

  it.each([true, false])(
    'turns 20 simultaneous claims of one follow into one award (Wix pays by itself: %s)',
    async (followAwards) => {
      await sandbox.control.setBehaviour({ followAwards });
      const session = await returningMember('Elena Rodriguez');
      const before = await earnsOf(DEMO_ACCOUNT_IDS.elena);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => claimOffer(session, 'follow-instagram')),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      for (const result of results) if (!result.ok) expect(result.code).toBe('ALREADY_CLAIMED');
      expect((await earnsOf(DEMO_ACCOUNT_IDS.elena)).slice(before.length)).toHaveLength(1);
    },
  );

  it('counts the rate limit before recording the follow, and writes nothing when it refuses', async () => {
    const session = await returningMember('Elena Rodriguez');
    const before = await sandbox.control.state();
    const asked: string[] = [];
    const guard = async (accountId: string) => {
      asked.push(accountId);
      return 'RATE_LIMITED' as const;
    };
    expect(await claimOffer(session, 'follow-instagram', { guard })).toEqual({
      ok: false,
      code: 'RATE_LIMITED',
    });
    expect(asked).toEqual([DEMO_ACCOUNT_IDS.elena]);
    expect(await sandbox.control.state()).toEqual(before);
  });

  it('pays the account the member’s token owns, and limits it too, even if the known account is wrong', async () => {
    const session = await returningMember('Elena Rodriguez');
    if (session.status !== 'member') throw new Error('unreachable');
    // Aigneis's history already holds a newsletter award: reading it for Elena would refuse her claim.
    rememberAccountId(session.tokens, DEMO_ACCOUNT_IDS.aigneis);
    const asked: string[] = [];
    const guard = async (accountId: string) => {
      asked.push(accountId);
      return null;
    };
    const aigneisBefore = await earnsOf(DEMO_ACCOUNT_IDS.aigneis);

    expect(await claimOffer(session, 'newsletter-signup', { guard })).toMatchObject({ ok: true });
    expect(asked).toEqual([DEMO_ACCOUNT_IDS.aigneis, DEMO_ACCOUNT_IDS.elena]);
    const newsletter = (await earnsOf(DEMO_ACCOUNT_IDS.elena)).filter(
      (t) => t.activityType === 'newsletter-signup',
    );
    expect(newsletter).toHaveLength(1);
    expect(newsletter[0]?.idempotencyKey).toBe(
      idempotencyKeyFor(DEMO_ACCOUNT_IDS.elena, 'newsletter-signup'),
    );
    expect(await earnsOf(DEMO_ACCOUNT_IDS.aigneis)).toEqual(aigneisBefore);
  });
});

describe('the activity page of a member whose account is known', () => {
  it('costs one round trip', async () => {
    const session = await returningMember('Johna Linskey');
    const { result, trips } = await countRoundTrips(() => loadActivity(session, null));
    expect(result).toMatchObject({ ok: true, view: { status: 'member' } });
    expect(trips).toBe(1);
  });

  it('shows the member’s own history even if the known account is another’s', async () => {
    const elena = await returningMember('Elena Rodriguez');
    const own = await loadActivity(elena, null);
    if (elena.status !== 'member') throw new Error('unreachable');
    rememberAccountId(elena.tokens, DEMO_ACCOUNT_IDS.johna);

    const shown = await loadActivity(elena, null);
    expect(shown).toEqual(own);
    expect(shown).toMatchObject({ ok: true, view: { status: 'member' } });
  });
});

describe('the earn offers of a member whose account is known', () => {
  it('cost one round trip, history included', async () => {
    const session = await returningMember('Aigneis Johnsson');
    const { result, trips } = await countRoundTrips(() => loadEarnOffers(session));
    if (!result.ok) throw new Error(result.code);
    // The newsletter award is in the history only: it shows as done because the history was read.
    expect(result.offers.find((offer) => offer.id === 'newsletter-signup')).toMatchObject({ claimed: true });
    expect(trips).toBe(1);
  });

  it('read the member’s own history even if the known account is another’s', async () => {
    const aigneis = await returningMember('Aigneis Johnsson');
    const own = await loadEarnOffers(aigneis);
    if (aigneis.status !== 'member') throw new Error('unreachable');
    rememberAccountId(aigneis.tokens, DEMO_ACCOUNT_IDS.elena);

    expect(await loadEarnOffers(aigneis)).toEqual(own);
  });
});
