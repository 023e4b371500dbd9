import { describe, expect, it } from 'vitest';
import { fixedPointsFor } from './earning-rules';
import { seedEarningRules } from './seed-catalog';
import { DEMO_ACCOUNT_IDS, TIER_IDS, WIX_LOYALTY_APP_ID } from './seed';
import { SANDBOX_SITE_ID } from '@/lib/sandbox/identity';
import { adminClient, loginAs, oauthClient, sdkError } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';

const sandbox = setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

const transactionsOf = async (accountId: string) =>
  (await sandbox.control.transactions()).filter((t) => t.accountId === accountId);

async function signedIn(name: string) {
  const member = oauthClient();
  await loginAs(member, name);
  return member;
}

describe('following a channel awards its rule points, as Wix does', () => {
  it("awards the rule's points once, as one EARN transaction that names the channel", async () => {
    const aigneis = await signedIn('Aigneis Johnsson');
    const before = await transactionsOf(DEMO_ACCOUNT_IDS.aigneis);

    const follow = await aigneis.socialMedia.createFollowedChannel({ channel: 'FACEBOOK' });

    const account = await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.aigneis);
    expect(account.points).toMatchObject({ balance: 150, earned: 450 });
    expect(account.tier?.points).toBe(450);
    expect(account.revision).toBe('6');
    const added = (await transactionsOf(DEMO_ACCOUNT_IDS.aigneis)).slice(before.length);
    expect(added).toEqual([
      expect.objectContaining({
        type: 'EARN',
        amount: 30,
        channel: 'FACEBOOK',
        activityType: 'social-media/facebook',
        appId: WIX_LOYALTY_APP_ID,
        idempotencyKey: follow._id,
        description: 'Follow us on Facebook',
      }),
    ]);
    const { items } = await admin.transactions
      .queryLoyaltyTransactions()
      .eq('accountId', DEMO_ACCOUNT_IDS.aigneis)
      .limit(1)
      .find();
    expect(items[0]?.transactionType).toBe('EARN');
    expect(items[0]?.earnInfo?.followedSocialMedia?.channel).toBe('FACEBOOK');
    expect(items[0]?.earnInfo?.activityType).toBe('social-media/facebook');

    expect((await sdkError(aigneis.socialMedia.createFollowedChannel({ channel: 'FACEBOOK' }))).status).toBe(
      409,
    );
    expect(await transactionsOf(DEMO_ACCOUNT_IDS.aigneis)).toHaveLength(before.length + 1);
  });

  it('counts the award toward the tier, as Earn Points does', async () => {
    const elena = await signedIn('Elena Rodriguez');
    await elena.socialMedia.createFollowedChannel({ channel: 'INSTAGRAM' });
    const { account } = await elena.accounts.getCurrentMemberAccount();
    expect(account?.points?.balance).toBe(330);
    expect(account?.tier?._id).toBe(TIER_IDS.silver);
  });

  it('records the follow without points while the program is paused', async () => {
    await admin.programs.pauseLoyaltyProgram();
    const elena = await signedIn('Elena Rodriguez');
    await elena.socialMedia.createFollowedChannel({ channel: 'TIKTOK' });
    expect((await elena.socialMedia.listFollowedChannels()).followedChannels?.map((f) => f.channel)).toEqual([
      'TIKTOK',
    ]);
    expect((await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.elena)).points?.balance).toBe(280);
  });

  it('takes the points of the account tier, else of the base tier', () => {
    const [instagram] = seedEarningRules(new Date());
    if (!instagram) throw new Error('no seeded rules');
    const tiered = {
      ...instagram,
      configs: [{ points: 10 }, { tierId: TIER_IDS.gold, points: 70 }],
    };
    expect(fixedPointsFor(tiered, TIER_IDS.gold)).toBe(70);
    expect(fixedPointsFor(tiered, TIER_IDS.silver)).toBe(10);
    expect(fixedPointsFor(tiered, undefined)).toBe(10);
    expect(fixedPointsFor({ ...tiered, kind: 'conversionRate' }, undefined)).toBeUndefined();
  });
});

describe('the followAwards switch', () => {
  it('defaults to on, turns awards off, and comes back on with a reset', async () => {
    expect(await sandbox.control.behaviour()).toEqual({ followAwards: true });
    expect(await sandbox.control.setBehaviour({ followAwards: false })).toEqual({ followAwards: false });

    const aigneis = await signedIn('Aigneis Johnsson');
    const before = await transactionsOf(DEMO_ACCOUNT_IDS.aigneis);
    await aigneis.socialMedia.createFollowedChannel({ channel: 'LINKEDIN' });
    expect(await transactionsOf(DEMO_ACCOUNT_IDS.aigneis)).toEqual(before);
    expect((await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.aigneis)).points?.balance).toBe(120);

    await sandbox.control.reset();
    expect(await sandbox.control.behaviour()).toEqual({ followAwards: true });
  });

  it('refuses a malformed behaviour', async () => {
    const response = await sandbox.control.request('PUT', '/_sandbox/behaviour', { followAwards: 'yes' });
    expect(response.status).toBe(400);
    expect((await sandbox.control.request('PUT', '/_sandbox/behaviour', { other: true })).status).toBe(400);
  });
});

describe('following with the API key', () => {
  it('follows for the account named in followedChannel.accountId and awards its points', async () => {
    const follow = await admin.socialMedia.createFollowedChannel({
      channel: 'TIKTOK',
      accountId: DEMO_ACCOUNT_IDS.elena,
    });
    expect(follow.accountId).toBe(DEMO_ACCOUNT_IDS.elena);
    expect((await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.elena)).points?.balance).toBe(320);
    const again = await sdkError(
      admin.socialMedia.createFollowedChannel({ channel: 'TIKTOK', accountId: DEMO_ACCOUNT_IDS.elena }),
    );
    expect(again.details?.applicationError?.code).toBe('CHANNEL_ALREADY_FOLLOWED');
  });

  it('needs a well-formed account id, which the SDK can send on create but not on list', async () => {
    const missing = await sdkError(admin.socialMedia.createFollowedChannel({ channel: 'TIKTOK' }));
    expect(missing.status).toBe(400);
    expect(missing.details?.validationError?.fieldViolations?.[0]?.violatedRule).toBe('REQUIRED_FIELD');
    const malformed = await sdkError(
      admin.socialMedia.createFollowedChannel({ channel: 'TIKTOK', accountId: 'elena' }),
    );
    expect(malformed.status).toBe(400);
    expect((await sdkError(admin.socialMedia.listFollowedChannels())).status).toBe(400);

    const response = await fetch(
      `https://www.wixapis.com/loyalty-social-media/v1/followed-channels?accountId=${DEMO_ACCOUNT_IDS.johna}`,
      { headers: { authorization: TEST_API_KEY, 'wix-site-id': SANDBOX_SITE_ID } },
    );
    const body = (await response.json()) as { followedChannels: { channel: string }[] };
    expect(body.followedChannels.map((f) => f.channel)).toEqual(['INSTAGRAM']);
  });
});
