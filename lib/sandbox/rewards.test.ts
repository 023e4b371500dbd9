import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_IDS, REWARD_IDS, TIER_IDS } from './seed';
import { adminClient, loginAs, oauthClient, sdkError } from '@/lib/sandbox/sdk-clients';
import { setUpRoutedSandbox, TEST_API_KEY } from '@/testing/routed-sandbox';

const sandbox = setUpRoutedSandbox();
const admin = adminClient(TEST_API_KEY);

const rewardAvailable = async (name: string) => (await sandbox.control.member(name)).account?.rewardAvailable;

/** Makes a seeded reward inactive through Update Reward, with its current revision. */
async function deactivate(id: string) {
  const reward = await admin.rewards.getReward(id);
  await admin.rewards.updateReward(id, { name: reward.name, revision: reward.revision!, active: false });
}

describe('listing and reading rewards (API key)', () => {
  it('lists only the active rewards, in the SDK shape, with each tier’s cost', async () => {
    const rewards = (await admin.rewards.listRewards()).rewards ?? [];
    expect(rewards.map((reward) => [reward._id, reward.name, reward.active, reward.type])).toEqual([
      [REWARD_IDS.tenOff, '$10 off', true, 'COUPON_REWARD'],
      [REWARD_IDS.tenPercent, '10% off', true, 'COUPON_REWARD'],
      [REWARD_IDS.freeShipping, 'Free shipping', true, 'COUPON_REWARD'],
      [REWARD_IDS.goldTwentyOff, 'Gold members: $20 off', true, 'COUPON_REWARD'],
      [REWARD_IDS.payWithStars, 'Pay with stars', true, 'DISCOUNT_AMOUNT'],
    ]);
    const tenOff = rewards[0]!;
    expect(tenOff._createdDate).toBeInstanceOf(Date);
    expect(tenOff.revision).toBe('1');
    expect(tenOff.couponReward?.fixedAmount?.configsByTier).toEqual([
      { costInPoints: 200, amount: 10 },
      { tierId: TIER_IDS.silver, costInPoints: 200, amount: 10 },
      { tierId: TIER_IDS.gold, costInPoints: 200, amount: 10 },
    ]);
    expect(rewards[1]?.couponReward?.percentage?.configsByTier?.[0]).toEqual({
      costInPoints: 400,
      percentage: 10,
    });
    expect(rewards[2]?.couponReward?.freeShipping?.configsByTier?.[0]).toEqual({ costInPoints: 150 });
    expect(rewards[3]?.couponReward?.fixedAmount?.configsByTier).toEqual([
      { tierId: TIER_IDS.gold, costInPoints: 250, amount: 20 },
    ]);
    // A flexible reward: 10 stars are worth $1 in every tier, the amount a decimal string as typed.
    expect(rewards[4]?.couponReward).toBeUndefined();
    expect(rewards[4]?.discountAmount?.configsByTier).toEqual([
      { costInPoints: 10, amount: '1' },
      { tierId: TIER_IDS.silver, costInPoints: 10, amount: '1' },
      { tierId: TIER_IDS.gold, costInPoints: 10, amount: '1' },
    ]);
  });

  it('pages the list with cursorPaging', async () => {
    const first = await admin.rewards.listRewards({ cursorPaging: { limit: 3 } });
    expect(first.rewards).toHaveLength(3);
    const next = first.pagingMetadata?.cursors?.next;
    expect(next).toBeTruthy();
    const second = await admin.rewards.listRewards({ cursorPaging: { cursor: next } });
    expect((second.rewards ?? []).map((reward) => reward._id)).toEqual([
      REWARD_IDS.goldTwentyOff,
      REWARD_IDS.payWithStars,
    ]);
  });

  it('queries every reward, inactive ones too, and filters on active', async () => {
    const all = await admin.rewards.queryRewards({});
    expect(all.rewards).toHaveLength(6);
    const inactive = await admin.rewards.queryRewards({ filter: { active: false } });
    expect((inactive.rewards ?? []).map((reward) => [reward._id, reward.name])).toEqual([
      [REWARD_IDS.fifteenOff, '$15 off'],
    ]);
  });

  it('gets a reward by id; an unknown id is 404 and a malformed one 400', async () => {
    expect((await admin.rewards.getReward(REWARD_IDS.fifteenOff)).active).toBe(false);
    const unknown = await sdkError(admin.rewards.getReward('00000000-0000-4000-8000-000000000000'));
    expect(unknown.status).toBe(404);
    expect(unknown.details?.applicationError?.code).toBe('REWARD_NOT_FOUND');
    expect((await sdkError(admin.rewards.getReward('not-a-guid'))).status).toBe(400);
  });

  it('keeps rewards behind the API key: a member token gets 403', async () => {
    const member = oauthClient();
    await loginAs(member, 'Johna Linskey');
    const error = await sdkError(member.rewards.listRewards());
    expect(error.status).toBe(403);
    expect(error.details?.applicationError?.code).toBe('PERMISSION_DENIED');
  });
});

describe('managing rewards (API key)', () => {
  it('creates a reward inactive by default, updates it with its revision, then deletes it', async () => {
    const created = await admin.rewards.createReward({
      name: 'Silver: 15% off',
      couponReward: {
        percentage: { configsByTier: [{ tierId: TIER_IDS.silver, costInPoints: 500, percentage: 15 }] },
      },
    });
    expect(created).toMatchObject({
      name: 'Silver: 15% off',
      active: false,
      type: 'COUPON_REWARD',
      revision: '1',
    });
    expect(((await admin.rewards.listRewards()).rewards ?? []).map((reward) => reward._id)).not.toContain(
      created._id,
    );

    const stale = await sdkError(
      admin.rewards.updateReward(created._id!, { name: 'x', revision: '7', active: true }),
    );
    expect(stale.status).toBe(409);
    expect(stale.details?.applicationError?.code).toBe('REVISION_MISMATCH');

    const { reward } = await admin.rewards.updateReward(created._id!, {
      name: 'Silver: 15% off',
      revision: '1',
      active: true,
    });
    expect(reward).toMatchObject({ active: true, revision: '2' });
    expect(reward?.couponReward?.percentage?.configsByTier?.[0]?.costInPoints).toBe(500);
    expect(((await admin.rewards.listRewards()).rewards ?? []).map((r) => r._id)).toContain(created._id);

    await admin.rewards.deleteReward(created._id!, '2');
    expect((await sdkError(admin.rewards.getReward(created._id!))).status).toBe(404);
  });

  it('is back to the seeded rewards after a reset', async () => {
    await deactivate(REWARD_IDS.tenOff);
    await admin.rewards.deleteReward(REWARD_IDS.freeShipping, '1');
    await sandbox.control.reset();
    const rewards = (await admin.rewards.listRewards()).rewards ?? [];
    expect(rewards.map((reward) => [reward._id, reward.revision])).toEqual([
      [REWARD_IDS.tenOff, '1'],
      [REWARD_IDS.tenPercent, '1'],
      [REWARD_IDS.freeShipping, '1'],
      [REWARD_IDS.goldTwentyOff, '1'],
      [REWARD_IDS.payWithStars, '1'],
    ]);
  });

  it('refuses a reward without exactly one discount, and a cost out of range', async () => {
    const none = await sdkError(admin.rewards.createReward({ name: 'Nothing', couponReward: {} }));
    expect(none.status).toBe(400);
    const free = { freeShipping: { configsByTier: [{ costInPoints: 0 }] } };
    expect((await sdkError(admin.rewards.createReward({ name: 'Free', couponReward: free }))).status).toBe(
      400,
    );
  });
});

describe('rewardAvailable follows the cheapest active reward the account’s tier may redeem', () => {
  it('keeps the demo members’ flags: Johna and Elena can redeem, Aigneis cannot yet', async () => {
    expect(await rewardAvailable('Johna Linskey')).toBe(true);
    expect(await rewardAvailable('Aigneis Johnsson')).toBe(false);
    expect(await rewardAvailable('Elena Rodriguez')).toBe(true);
  });

  it('turns on when the balance reaches the cheapest reward and off when that reward is withdrawn', async () => {
    const { revision } = await admin.accounts.getAccount(DEMO_ACCOUNT_IDS.aigneis);
    await admin.accounts.adjustPoints(DEMO_ACCOUNT_IDS.aigneis, { amount: 30, revision: revision! });
    expect(await rewardAvailable('Aigneis Johnsson')).toBe(true);
    await deactivate(REWARD_IDS.freeShipping);
    expect(await rewardAvailable('Aigneis Johnsson')).toBe(false);
  });

  it('ignores a reward of another tier, however cheap', async () => {
    // Left with 10% off (400) for Bronze, Elena's 280 is not enough; the Gold reward (250) is not hers.
    await deactivate(REWARD_IDS.freeShipping);
    await deactivate(REWARD_IDS.tenOff);
    expect(await rewardAvailable('Elena Rodriguez')).toBe(false);
    expect(await rewardAvailable('Johna Linskey')).toBe(true);
  });
});
