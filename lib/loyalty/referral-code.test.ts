import { describe, expect, it } from 'vitest';
import { parseReferralCode, referralCodeFromUrl, referralLink } from './referral-code';

describe('referral codes', () => {
  it('takes a code exactly as Wix writes it: 12 letters and digits', () => {
    expect(parseReferralCode('GxpxwAoMqxH8')).toBe('GxpxwAoMqxH8');
    expect(parseReferralCode('000000000000')).toBe('000000000000');
  });

  it.each([
    ['empty', ''],
    ['too short', 'GxpxwAoMqxH'],
    ['too long', 'GxpxwAoMqxH8X'],
    ['far too long', 'A'.repeat(5000)],
    ['padded', ' GxpxwAoMqxH8'],
    ['a dash', 'Gxpxw-oMqxH8'],
    ['markup', '<b>xwAoMqx</b'],
    ['a non-ASCII letter', 'GxpxwAoMqxHé'],
    ['an Arabic-Indic digit', 'GxpxwAoMqxH٣'],
  ])('refuses a code that is %s', (_what, code) => {
    expect(parseReferralCode(code)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(parseReferralCode(undefined)).toBeNull();
    expect(parseReferralCode(123456789012)).toBeNull();
    expect(parseReferralCode(['GxpxwAoMqxH8'])).toBeNull();
  });

  it("reads the code from a page's ?ref=, and only a single well-formed one", () => {
    expect(referralCodeFromUrl('https://shop.example/?ref=GxpxwAoMqxH8')).toBe('GxpxwAoMqxH8');
    expect(referralCodeFromUrl(new URL('https://shop.example/p?x=1&ref=GxpxwAoMqxH8#top'))).toBe(
      'GxpxwAoMqxH8',
    );
    expect(referralCodeFromUrl('https://shop.example/')).toBeNull();
    expect(referralCodeFromUrl('https://shop.example/?ref=')).toBeNull();
    expect(referralCodeFromUrl('https://shop.example/?ref=%3Cscript%3E')).toBeNull();
    expect(referralCodeFromUrl('https://shop.example/?ref=GxpxwAoMqxH8&ref=AAAAAAAAAAAA')).toBeNull();
    expect(referralCodeFromUrl('not a url')).toBeNull();
  });

  it('builds the link on the landing page, keeping its parameters and replacing an old ref', () => {
    expect(referralLink('https://shop.example', 'GxpxwAoMqxH8')).toBe(
      'https://shop.example/?ref=GxpxwAoMqxH8',
    );
    expect(referralLink('https://shop.example/welcome?lang=de&ref=old', 'GxpxwAoMqxH8')).toBe(
      'https://shop.example/welcome?lang=de&ref=GxpxwAoMqxH8',
    );
  });

  it('makes no link from a malformed code or a landing page that is not http(s)', () => {
    expect(referralLink('https://shop.example', 'bad code')).toBeNull();
    expect(referralLink('https://shop.example', '')).toBeNull();
    expect(referralLink('javascript:alert(1)', 'GxpxwAoMqxH8')).toBeNull();
    expect(referralLink('/relative', 'GxpxwAoMqxH8')).toBeNull();
  });
});
