import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './viewer-locale';

describe('localeFromAcceptLanguage', () => {
  it('takes the first usable language', () => {
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de-DE');
    expect(localeFromAcceptLanguage('not a tag!!, fr;q=0.5')).toBe('fr');
  });

  it('falls back to English without a header', () => {
    expect(localeFromAcceptLanguage(null)).toBe('en');
    expect(localeFromAcceptLanguage('*')).toBe('en');
  });
});
