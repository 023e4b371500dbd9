import { describe, expect, it } from 'vitest';
import type { EarnPreviewView } from '@/lib/loyalty/earn-preview';
import { renderContextIn } from '@/testing/embed-render-context';
import { previewHtml } from './preview-html';

const ok = (view: EarnPreviewView) => ({ ok: true as const, view });

/** The line's words as a shopper reads them: tags dropped, spaces collapsed. */
const words = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the earn preview line', () => {
  it('tells a member what the order earns, and that it reaches the next tier', () => {
    const en = renderContextIn('en');
    const member = { status: 'member', points: 128, pointsName: 'Stars', reachesTier: null } as const;
    const plain = previewHtml({ preview: ok(member), signedIn: true }, en).markup;
    expect(words(plain)).toBe('★ Earn 128 stars with this order');
    expect(plain).toContain('<b data-testid="preview-points">128 stars</b>');
    expect(plain).toContain('data-signed-in="true"');
    expect(plain).not.toContain('data-action');

    const reaching = previewHtml({ preview: ok({ ...member, reachesTier: 'Gold' }), signedIn: true }, en);
    expect(words(reaching.markup)).toBe('★ Earn 128 stars with this order and reach Gold');
  });

  it('formats the number in the locale and says the default points name in the language, singular for one', () => {
    const member = { status: 'member', points: 1250, pointsName: null, reachesTier: null } as const;
    expect(words(previewHtml({ preview: ok(member), signedIn: true }, renderContextIn('de')).markup)).toBe(
      '★ Sammle 1.250 Punkte mit dieser Bestellung',
    );
    const one = { ...member, points: 1 };
    expect(words(previewHtml({ preview: ok(one), signedIn: true }, renderContextIn('en')).markup)).toBe(
      '★ Earn 1 point with this order',
    );
    expect(words(previewHtml({ preview: ok(one), signedIn: true }, renderContextIn('he')).markup)).toBe(
      '★ צברו נקודה אחת על ההזמנה הזו',
    );
  });

  it('offers a visitor the sign-in and a member without an account the join', () => {
    const en = renderContextIn('en');
    const visitor = {
      status: 'visitor',
      points: 64,
      pointsName: 'Stars',
      programName: 'Star Rewards',
    } as const;
    const signIn = previewHtml({ preview: ok(visitor), signedIn: false }, en).markup;
    expect(words(signIn)).toContain('New members earn 64 stars with this order Sign in');
    expect(signIn).toContain('data-action="sign-in"');
    expect(signIn).toContain('data-popup-blocked hidden');

    const join = previewHtml(
      { preview: ok({ ...visitor, status: 'no-account' }), signedIn: true },
      en,
    ).markup;
    expect(words(join)).toBe('★ New members earn 64 stars with this order Join Star Rewards');
    expect(join).toContain('data-action="join"');
  });

  it('is an empty element when there is nothing to say, and says so when it could not be worked out', () => {
    const en = renderContextIn('en');
    const empty = previewHtml({ preview: ok({ status: 'empty' }), signedIn: false }, en).markup;
    expect(words(empty)).toBe('');
    expect(empty).not.toContain('class="preview"');
    const failed = previewHtml({ preview: { ok: false }, signedIn: true }, en).markup;
    expect(words(failed)).toBe('We could not work out the points for this order. Try again');
    expect(failed).toContain('data-action="retry"');
  });

  it('escapes what the site named its points and tiers', () => {
    const member = {
      status: 'member',
      points: 5,
      pointsName: '<i>Beans</i>',
      reachesTier: '<b>VIP</b>',
    } as const;
    const markup = previewHtml({ preview: ok(member), signedIn: true }, renderContextIn('en')).markup;
    expect(markup).not.toContain('<i>');
    expect(markup).not.toContain('<b>VIP');
    expect(markup).toContain('&lt;b&gt;VIP&lt;/b&gt;');
  });
});
