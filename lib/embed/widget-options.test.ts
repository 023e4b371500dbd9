import { describe, expect, it } from 'vitest';
import {
  currencyOrNull,
  orderAmount,
  parseWidgetOptions,
  safeCssColor,
  supportedLocale,
  supportedTimeZone,
} from './widget-options';

const ALLOWED = ['http://localhost:3000', 'https://shop.example'];
const parse = (query: string) => parseWidgetOptions(new URLSearchParams(query), ALLOWED);

describe('widget options', () => {
  it('reads what a host asked for', () => {
    expect(
      parse(
        'view=earn&theme=dark&accent=%230a7d55&locale=de-DE&tz=Europe/Berlin&origin=https://shop.example&sso=1',
      ),
    ).toEqual({
      view: 'earn',
      theme: 'dark',
      accent: '#0a7d55',
      locale: 'de-DE',
      timeZone: 'Europe/Berlin',
      hostOrigin: 'https://shop.example',
      awaitingMemberToken: true,
      nav: false,
      fromCard: false,
      checkoutId: null,
      amount: null,
      currency: null,
      referralCode: null,
    });
  });

  it('reads the new views, the tab bar and the way back to the card', () => {
    expect(parse('view=rewards&nav=1')).toMatchObject({ view: 'rewards', nav: true, fromCard: false });
    expect(parse('view=activity&from=card')).toMatchObject({ view: 'activity', nav: false, fromCard: true });
    expect(parse('view=tiers&from=card')).toMatchObject({ view: 'tiers', nav: false, fromCard: true });
    expect(parse('view=activity&nav=yes&from=earn')).toMatchObject({ nav: false, fromCard: false });
  });

  it('falls back to the defaults for anything it does not know', () => {
    expect(parse('view=admin&theme=neon&locale=xx-!!&tz=Mars/Olympus&origin=https://evil.example')).toEqual({
      view: 'card',
      theme: 'light',
      accent: null,
      locale: null,
      timeZone: 'UTC',
      hostOrigin: null,
      awaitingMemberToken: false,
      nav: false,
      fromCard: false,
      checkoutId: null,
      amount: null,
      currency: null,
      referralCode: null,
    });
  });

  it("reads a referral code by the links' strict rule, and refuses anything else", () => {
    expect(parse('ref=JohnaL1nskey').referralCode).toBe('JohnaL1nskey');
    for (const bad of ['johna', 'JohnaL1nskey1', 'JohnaL1nske%20', 'Johna-L1nske', '%3Cscript%3E12345']) {
      expect(parse(`ref=${bad}`).referralCode).toBeNull();
    }
  });

  it('reads the checkout view and its checkout id, a GUID and nothing else', () => {
    const id = '6f1e8c0a-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(parse(`view=checkout&checkout=${id}`)).toMatchObject({ view: 'checkout', checkoutId: id });
    for (const bad of ['', 'abc', `${id}x`, `${id}"><script>`, 'a'.repeat(100), '../../etc']) {
      expect(parse(`view=checkout&checkout=${encodeURIComponent(bad)}`).checkoutId).toBeNull();
    }
  });

  it('ignores huge values', () => {
    const huge = 'a'.repeat(10_000);
    expect(parse(`view=${huge}&accent=${huge}&locale=${huge}&tz=${huge}`)).toMatchObject({
      view: 'card',
      accent: null,
      locale: null,
      timeZone: 'UTC',
    });
  });
});

describe('the preview order amount', () => {
  it.each([
    ['64.00', 64],
    ['64', 64],
    ['0.01', 0.01],
    ['19.9', 19.9],
    ['1000000', 1_000_000],
    ['1000000.00', 1_000_000],
  ])('reads %s as %s', (value, amount) => {
    expect(orderAmount(value)).toBe(amount);
  });

  it.each([
    '-1',
    '1.234',
    'abc',
    '1e3',
    '1000000.01',
    '',
    '0',
    '0.00',
    '.5',
    '5.',
    ' 64',
    '64 ',
    '+64',
    '1,000',
    '0x10',
    'Infinity',
    'NaN',
    '12345678',
  ])('refuses %j', (value) => {
    expect(orderAmount(value)).toBeNull();
  });

  it('refuses no amount, and reads a currency as an upper-cased ISO 4217 code', () => {
    expect(orderAmount(null)).toBeNull();
    expect(currencyOrNull('USD')).toBe('USD');
    expect(currencyOrNull('eur')).toBe('EUR');
    for (const bad of [null, '', 'US', 'USDD', '$', 'U$D', '12A']) expect(currencyOrNull(bad)).toBeNull();
  });

  it("puts the host's amount and currency in the preview's options", () => {
    expect(parse('view=preview&amount=64.00&currency=usd')).toMatchObject({
      view: 'preview',
      amount: 64,
      currency: 'USD',
    });
    expect(parse('view=preview&amount=1e3&currency=dollars')).toMatchObject({ amount: null, currency: null });
  });
});

describe('safeCssColor', () => {
  it.each(['#0a7d55', '#abc', '#aabbccdd', 'rgb(10, 125, 85)', 'hsl(160 85% 27% / 0.9)', 'rebeccapurple'])(
    'accepts %s',
    (colour) => {
      expect(safeCssColor(colour)).toBe(colour);
    },
  );

  it.each([
    'red;background:url(x)',
    'red}body{display:none',
    'url(https://evil.example/x.png)',
    'expression(alert(1))',
    '"red"',
    'red\\3b background:blue',
    '#12345',
    'rgb(1,2,3);color:red',
    'var(--x)',
    '</style><script>alert(1)</script>',
  ])('refuses %s', (value) => {
    expect(safeCssColor(value)).toBeNull();
  });
});

describe('locale and time zone', () => {
  it('canonicalises a supported locale and refuses malformed tags', () => {
    expect(supportedLocale('en-us')).toBe('en-US');
    expect(supportedLocale('not a locale')).toBeNull();
    expect(supportedLocale(null)).toBeNull();
  });

  it('keeps a real time zone and falls back to UTC', () => {
    expect(supportedTimeZone('America/New_York')).toBe('America/New_York');
    expect(supportedTimeZone('Nowhere/Special')).toBe('UTC');
  });
});
