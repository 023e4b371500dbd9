import { describe, expect, it } from 'vitest';
import { runCursorQuery } from './query';

const items = [
  { id: 'a', points: { balance: 10 }, tier: { id: 'gold' }, createdDate: '2024-01-01T00:00:00.000Z' },
  { id: 'b', points: { balance: 30 }, tier: {}, createdDate: '2024-03-01T00:00:00.000Z' },
  { id: 'c', points: { balance: 20 }, tier: { id: 'silver' }, createdDate: '2024-02-01T00:00:00.000Z' },
];

const ids = (query: unknown) => runCursorQuery(items, query).items.map((item) => item.id);

describe('runCursorQuery', () => {
  it('evaluates the query-language operators on nested REST fields', () => {
    expect(ids({ filter: { id: 'b' } })).toEqual(['b']);
    expect(ids({ filter: { id: { $in: ['a', 'c'] } } })).toEqual(['a', 'c']);
    expect(ids({ filter: { 'points.balance': { $gte: 20 } } })).toEqual(['b', 'c']);
    expect(ids({ filter: { 'tier.id': { $exists: false } } })).toEqual(['b']);
    expect(ids({ filter: { createdDate: { $lt: '2024-02-15T00:00:00.000Z' } } })).toEqual(['a', 'c']);
    expect(ids({ filter: { $or: [{ id: 'a' }, { 'tier.id': 'silver' }] } })).toEqual(['a', 'c']);
    expect(ids({ filter: { $and: [{ 'points.balance': { $gt: 10 } }, { $not: { id: 'b' } }] } })).toEqual([
      'c',
    ]);
  });

  it('sorts, and carries filter and sort in the cursor because later pages send only the cursor', () => {
    const query = {
      filter: { 'points.balance': { $gt: 0 } },
      sort: [{ fieldName: 'points.balance', order: 'DESC' }],
    };
    const first = runCursorQuery(items, { ...query, cursorPaging: { limit: 2 } });
    expect(first.items.map((item) => item.id)).toEqual(['b', 'c']);
    expect(first.pagingMetadata).toMatchObject({ count: 2, hasNext: true });
    const second = runCursorQuery(items, { cursorPaging: { cursor: first.pagingMetadata.cursors.next } });
    expect(second.items.map((item) => item.id)).toEqual(['a']);
    expect(second.pagingMetadata.hasNext).toBe(false);
    expect(second.pagingMetadata.cursors.prev).toBeTruthy();
  });

  it('rejects unsupported operators, forged cursors and limits over 100 as Wix validation errors', () => {
    expect(() => ids({ filter: { id: { $regex: '.' } } })).toThrow(/not supported/);
    expect(() => ids({ cursorPaging: { cursor: 'forged' } })).toThrow(/cursor/);
    expect(() => ids({ cursorPaging: { limit: 101 } })).toThrow(/INVALID_ARGUMENT/);
  });
});
