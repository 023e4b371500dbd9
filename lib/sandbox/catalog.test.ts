import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS, TIER_IDS, WIX_LOYALTY_APP_ID } from './seed';
import { adminClient, loginAs, oauthClient, sdkError } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';

setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

describe('program and tiers', () => {
  it('describes an active program with a custom points name', async () => {
    const { loyaltyProgram } = await admin.programs.getLoyaltyProgram();
    expect(loyaltyProgram?.name).toBe('Star Rewards');
    expect(loyaltyProgram?.pointDefinition?.customName).toBe('Stars');
    expect(loyaltyProgram?.status).toBe('ACTIVE');
    expect(loyaltyProgram?.pointsExpiration).toEqual({
      status: 'ENABLED',
      monthsOfInactivity: 3,
      expiringPointsPercentage: 100,
    });
    expect(loyaltyProgram?.premiumFeatures?.tiers).toBe(true);
    expect(loyaltyProgram?._createdDate).toBeInstanceOf(Date);
  });

  it('lists the tiers above the base tier, cheapest first, and the base tier in the settings', async () => {
    const tiers = (await admin.tiers.listTiers()).tiers ?? [];
    expect(tiers.map((t) => [t._id, t.tierDefinition?.name, t.requiredPoints])).toEqual([
      [TIER_IDS.silver, 'Silver', 300],
      [TIER_IDS.gold, 'Gold', 1000],
    ]);
    expect(tiers[0]?.tierDefinition?.icon).toMatch(/^data:image\/svg\+xml,/);
    expect(tiers[0]?._createdDate).toBeInstanceOf(Date);

    const { programSettings } = await admin.tiers.getTiersProgramSettings();
    expect(programSettings?.baseTierDefinition?.name).toBe('Bronze');
    expect(programSettings?.rollingWindow?.durationInMonths).toBe(12);
    expect(programSettings?.status).toBe('ACTIVE');
  });

  it('keeps tiers behind the API key: a visitor token gets 403', async () => {
    const error = await sdkError(oauthClient().tiers.listTiers());
    expect(error.status).toBe(403);
    expect(error.details?.applicationError?.code).toBe('PERMISSION_DENIED');
  });
});

describe('earning rules', () => {
  it('seeds social-media follow rules, with X paused', async () => {
    const earningRules = (await admin.earningRules.listEarningRules()).earningRules ?? [];
    const social = earningRules
      .filter((rule) => rule.triggerActivityType?.startsWith('social-media/'))
      .map((rule) => [rule.triggerActivityType, rule.fixedAmount?.configs?.[0]?.points, rule.status]);
    expect(social).toEqual([
      ['social-media/instagram', 50, 'ACTIVE'],
      ['social-media/facebook', 30, 'ACTIVE'],
      ['social-media/tiktok', 40, 'ACTIVE'],
      ['social-media/linkedin', 20, 'ACTIVE'],
      ['social-media/x', 25, 'PAUSED'],
    ]);
    const newsletter = earningRules.find((rule) => rule.triggerActivityType === 'newsletter-signup');
    expect(newsletter?.fixedAmount?.configs?.map((c) => c.points)).toEqual([25, 25, 25]);
    const purchase = earningRules.find((rule) => rule.triggerActivityType === 'stores/OrderPaid');
    expect(purchase?.conversionRate?.configs?.find((c) => c.tierId === TIER_IDS.gold)?.points).toBe(2);
  });

  it('filters by trigger activity type', async () => {
    const { earningRules = [] } = await admin.earningRules.listEarningRules({
      triggerActivityType: 'birthday',
    });
    expect(earningRules.map((rule) => rule.title)).toEqual(['Celebrate your birthday']);
    expect(earningRules[0]?._createdDate).toBeInstanceOf(Date);
  });
});

describe('followed social-media channels', () => {
  it('lets a member follow an enabled channel once', async () => {
    const member = oauthClient();
    await loginAs(member, 'Aigneis Johnsson');
    expect((await member.socialMedia.listFollowedChannels()).followedChannels).toEqual([]);

    const followed = await member.socialMedia.createFollowedChannel({ channel: 'FACEBOOK' });
    expect(followed.channel).toBe('FACEBOOK');
    expect(followed.accountId).toBe(DEMO_ACCOUNT_IDS.aigneis);
    expect(followed._createdDate).toBeInstanceOf(Date);

    const again = await sdkError(member.socialMedia.createFollowedChannel({ channel: 'FACEBOOK' }));
    expect(again.status).toBe(409);
    expect(again.details?.applicationError?.code).toBe('CHANNEL_ALREADY_FOLLOWED');

    const { followedChannels } = await member.socialMedia.listFollowedChannels();
    expect(followedChannels?.map((f) => f.channel)).toEqual(['FACEBOOK']);
  });

  it('lists seeded follows and refuses a channel the site has not enabled', async () => {
    const member = oauthClient();
    await loginAs(member, 'Johna Linskey');
    expect((await member.socialMedia.listFollowedChannels()).followedChannels?.map((f) => f.channel)).toEqual(
      ['INSTAGRAM'],
    );
    const disabled = await sdkError(member.socialMedia.createFollowedChannel({ channel: 'X' }));
    expect(disabled.status).toBe(428);
    expect(disabled.details?.applicationError?.code).toBe('CHANNEL_NOT_ENABLED');
  });

  it('refuses visitors', async () => {
    const error = await sdkError(oauthClient().socialMedia.createFollowedChannel({ channel: 'TIKTOK' }));
    expect(error.status).toBe(403);
  });
});

describe('loyalty transactions', () => {
  it('queries an account history newest first, including new earnings', async () => {
    await admin.accounts.earnPoints(DEMO_ACCOUNT_IDS.johna, {
      amount: 20,
      appId: WIX_LOYALTY_APP_ID,
      idempotencyKey: 'linkedin-follow',
      activityType: 'social-media/linkedin',
      followedSocialMedia: { channel: 'LINKEDIN' },
    });
    const result = await admin.transactions
      .queryLoyaltyTransactions()
      .eq('accountId', DEMO_ACCOUNT_IDS.johna)
      .find();
    expect(result.items.map((t) => [t.transactionType, t.amount])).toEqual([
      ['EARN', 20],
      ['REDEEM', -200],
      ['EARN', 350],
      ['EARN', 100],
      ['ADJUST', 50],
      ['EARN', 50],
      ['EARN', 900],
    ]);
    const newest = result.items[0];
    expect(newest?.earnInfo?.followedSocialMedia?.channel).toBe('LINKEDIN');
    expect(newest?.idempotencyKey).toBe('linkedin-follow');
    expect(newest?._createdDate).toBeInstanceOf(Date);
  });
});
