import { describe, expect, it } from 'vitest';
import { chooseLocale, directionOf, localeFromAcceptLanguage } from './locales';

describe('localeFromAcceptLanguage', () => {
  it('takes the most preferred language the widget speaks', () => {
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(localeFromAcceptLanguage('ja, fr-CA;q=0.5, en;q=0.4')).toBe('fr');
    expect(localeFromAcceptLanguage('en;q=0.2, he;q=0.9')).toBe('he');
    expect(localeFromAcceptLanguage('not a tag!!, es;q=0.5')).toBe('es');
  });

  it('finds nothing in an empty, wildcard-only or unsupported header', () => {
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage('*')).toBeNull();
    expect(localeFromAcceptLanguage('ja, zh;q=0.8')).toBeNull();
    expect(localeFromAcceptLanguage('de;q=0')).toBeNull();
  });
});

describe('chooseLocale', () => {
  it('prefers the page request, then the cookie, then the header, then English', () => {
    expect(chooseLocale({ requested: 'fr', cookie: 'de', acceptLanguage: 'es' })).toBe('fr');
    expect(chooseLocale({ cookie: 'de', acceptLanguage: 'es' })).toBe('de');
    expect(chooseLocale({ acceptLanguage: 'es' })).toBe('es');
    expect(chooseLocale({})).toBe('en');
    expect(chooseLocale({ requested: 'fr-CA', cookie: 'de' })).toBe('fr');
  });

  it('ignores values that are not a supported locale', () => {
    expect(chooseLocale({ requested: 'xx', cookie: '<script>', acceptLanguage: 'he' })).toBe('he');
  });

  it('writes Hebrew right to left', () => {
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('de')).toBe('ltr');
  });
});
