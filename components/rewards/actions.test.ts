import { describe, expect, it } from 'vitest';
import { redeemRewardAction } from './actions';

/** Input the action refuses before it reads the session or calls Wix: nothing upstream is touched. */
describe('redeemRewardAction input', () => {
  const form = (fields: Record<string, string | Blob>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };

  it.each([
    ['no reward id', form({})],
    ['a reward id that is not a GUID', form({ rewardId: 'ten-off' })],
    ['a reward id that is too long', form({ rewardId: 'c'.repeat(5_000) })],
    ['a file instead of a reward id', form({ rewardId: new Blob(['x']) })],
  ])('answers INVALID_INPUT for %s', async (_label, data) => {
    expect(await redeemRewardAction(null, data)).toEqual({ ok: false, code: 'INVALID_INPUT' });
  });
});
