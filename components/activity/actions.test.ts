import { describe, expect, it } from 'vitest';
import { loadMoreActivityAction } from './actions';

/** Cursors the action refuses before it reads the session or calls Wix. */
describe('loadMoreActivityAction input', () => {
  it.each([
    ['nothing', undefined],
    ['a number', 42],
    ['an object', { accountId: 'someone-else' }],
    ['a string that is not a cursor', 'page-2'],
    [
      'a cursor-shaped string with a bad date',
      Buffer.from('{"before":"soon","seen":1}').toString('base64url'),
    ],
    ['a very long string', 'x'.repeat(10_000)],
  ])('answers INVALID_INPUT for %s', async (_label, cursor) => {
    expect(await loadMoreActivityAction(cursor)).toEqual({ ok: false, code: 'INVALID_INPUT' });
  });
});
