import { describe, expect, it } from 'vitest';
import { formatDate, formatDaysUntil, formatMoneyAmount, formatNumber } from './format';

describe('card formatting', () => {
  it('formats numbers and dates in the viewer locale and time zone', () => {
    expect(formatNumber(1250, 'en-US')).toBe('1,250');
    expect(formatNumber(1250, 'de-DE')).toBe('1.250');
    expect(formatDate('2024-09-10T23:30:00.000Z', 'en-US', 'UTC')).toBe('September 10, 2024');
    expect(formatDate('2024-09-10T23:30:00.000Z', 'en-US', 'Asia/Tokyo')).toBe('September 11, 2024');
  });

  it('says how many days remain, to the nearest day', () => {
    const now = Date.parse('2024-09-01T12:00:00.000Z');
    expect(formatDaysUntil('2024-09-11T12:00:00.000Z', now, 'en')).toBe('in 10 days');
    expect(formatDaysUntil('2024-09-11T11:59:00.000Z', now, 'en')).toBe('in 10 days');
    expect(formatDaysUntil('2024-09-02T06:00:00.000Z', now, 'en')).toBe('tomorrow');
    expect(formatDaysUntil('2024-09-01T11:00:00.000Z', now, 'en')).toBe('today');
  });

  it('formats money in the viewer locale, with cents only when there are some', () => {
    expect(formatMoneyAmount(1, 'USD', 'en')).toBe('$1');
    expect(formatMoneyAmount(2.5, 'USD', 'en')).toBe('$2.50');
    expect(formatMoneyAmount(1, 'EUR', 'de')).toBe('1\u00a0€');
    expect(formatMoneyAmount(1, 'USD', 'fr')).toBe('1\u00a0$US');
  });
});
