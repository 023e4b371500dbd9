import { describe, expect, it } from 'vitest';
import {
  cursorAfter,
  decodeActivityCursor,
  encodeActivityCursor,
  toActivityEntry,
  type ActivityEntryView,
} from './activity-view';

describe('activity entries', () => {
  it('signs amounts by type, whichever sign Wix reports them with', () => {
    const points = (transactionType: string, amount: number) =>
      toActivityEntry({ _id: 't', transactionType: transactionType as 'EARN', amount })?.points;
    expect(points('EARN', 50)).toBe(50);
    expect(points('REDEEM', 200)).toBe(-200);
    expect(points('REDEEM', -200)).toBe(-200);
    expect(points('EXPIRE', 30)).toBe(-30);
    expect(points('ADJUST', -20)).toBe(-20);
    expect(points('REFUND', -200)).toBe(200);
    expect(toActivityEntry({ _id: 't', transactionType: 'UNKNOWN' })?.kind).toBe('other');
  });
});

describe('activity cursors', () => {
  const entry = (id: string, date: string): ActivityEntryView => ({
    id,
    kind: 'earned',
    points: 1,
    description: '',
    date,
  });

  it('round-trips, and refuses anything this server did not write', () => {
    const cursor = { before: '2024-01-01T00:00:00.000Z', seen: 2 };
    expect(decodeActivityCursor(encodeActivityCursor(cursor))).toEqual(cursor);
    expect(decodeActivityCursor('not a cursor')).toBeNull();
    expect(decodeActivityCursor(encodeActivityCursor({ ...cursor, seen: 0 }))).toBeNull();
    expect(
      decodeActivityCursor(Buffer.from('{"before":"yesterday","seen":1}').toString('base64url')),
    ).toBeNull();
  });

  it('counts the entries sharing the last time, carrying those skipped before at that same time', () => {
    const t1 = '2024-01-02T00:00:00.000Z';
    const t0 = '2024-01-01T00:00:00.000Z';
    const page = [entry('a', t1), entry('b', t0), entry('c', t0)];
    expect(decodeActivityCursor(cursorAfter(page, true, null)!)).toEqual({ before: t0, seen: 2 });
    expect(decodeActivityCursor(cursorAfter([entry('d', t0)], true, { before: t0, seen: 2 })!)).toEqual({
      before: t0,
      seen: 3,
    });
    expect(cursorAfter(page, false, null)).toBeNull();
  });
});
