import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { CATALOGUES, messageKeys, messagesFor, withFallback } from './catalogues';
import { LOCALES } from './locales';

const englishKeys = messageKeys(CATALOGUES.en);

describe('message catalogues', () => {
  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s has every key English has, and no other',
    (locale) => {
      const keys = messageKeys(CATALOGUES[locale]);
      expect(englishKeys.filter((key) => !keys.includes(key))).toEqual([]);
      expect(keys.filter((key) => !englishKeys.includes(key))).toEqual([]);
    },
  );

  it.each(LOCALES)('every %s message formats with the arguments English uses', (locale) => {
    const t = createTranslator({
      locale,
      messages: messagesFor(locale),
      onError: (error) => {
        throw error;
      },
    });
    const args = {
      count: 5,
      unit: 'stars',
      program: 'Rewards',
      name: 'Ann',
      tier: 'Gold',
      title: 'X',
      reward: 'R',
      code: 'C',
      date: 'D',
      relative: 'in 2 days',
      channel: 'Instagram',
      value: 10,
      reason: 'R',
      points: '35',
      money: '$3.50',
      friend: '10% off',
      benefit: '10% off',
      you: '100 stars',
    };
    for (const key of englishKeys)
      expect(() =>
        t.markup(
          key as never,
          { ...args, amount: String, when: String, strong: String, left: String } as never,
        ),
      ).not.toThrow();
  });

  it('falls back to the English text for a key a translation lacks', () => {
    const merged = withFallback(
      { Card: { signIn: 'Sign in', signOut: 'Sign out' } },
      { Card: { signIn: 'Anmelden' } },
    );
    expect(merged).toEqual({ Card: { signIn: 'Anmelden', signOut: 'Sign out' } });
  });

  it('says one and many with the program points name', () => {
    const t = createTranslator({ locale: 'en', messages: messagesFor('en'), namespace: 'Card' });
    const markup = { amount: (c: string) => c, when: (c: string) => c, left: (c: string) => c };
    const say = (count: number) =>
      t.markup('expiring', { count, unit: 'stars', date: 'May 1', relative: 'in 2 days', ...markup });
    expect(say(1)).toBe('1 stars expires on May 1 (in 2 days)');
    expect(say(280)).toBe('280 stars expire on May 1 (in 2 days)');
    const activity = createTranslator({ locale: 'de', messages: messagesFor('de'), namespace: 'Activity' });
    expect(activity('moreShown', { count: 1 })).toBe('1 weiterer Eintrag angezeigt.');
    expect(activity('moreShown', { count: 1250 })).toBe('1.250 weitere Einträge angezeigt.');
  });
});
