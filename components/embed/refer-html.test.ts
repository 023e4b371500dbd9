import { describe, expect, it } from 'vitest';
import type { ReferView } from '@/lib/loyalty/referral-view';
import { renderContextIn } from '@/testing/embed-render-context';
import { referHtml } from './refer-html';

const offer = {
  friend: { kind: 'percent-off', percent: 10 },
  referrer: { kind: 'points', points: 100 },
} as const;
const member = (overrides: Partial<Extract<ReferView, { status: 'member' }>> = {}): ReferView => ({
  status: 'member',
  offer,
  code: 'GxpxwAoMqxH8',
  link: 'https://shop.example/?ref=GxpxwAoMqxH8',
  friends: [
    { id: 'rf-2', displayName: 'Noah N.', status: 'ordered', since: '2026-02-10T10:00:00Z' },
    { id: 'rf-1', displayName: null, status: 'signed-up', since: null },
  ],
  rewards: [
    { id: 'rr-1', benefit: { kind: 'points', points: 100 }, date: '2026-02-12T10:00:00Z', code: null },
    { id: 'rr-2', benefit: { kind: 'free-shipping' }, date: null, code: 'SHIPFREE1234' },
  ],
  pointsEarned: 100,
  ...overrides,
});
const render = (view: ReferView, locale: 'en' | 'he' = 'en', signedIn = true) =>
  referHtml(
    { refer: { ok: true, view }, signedIn, pointsName: 'Stars', currency: 'USD' },
    renderContextIn(locale),
  ).markup;

describe('refer view HTML', () => {
  it('shows the member the offer, the link to copy and share, friends with status and rewards', () => {
    const markup = render(member());
    expect(markup).toContain('data-testid="embed-refer"');
    expect(markup).toContain('<h2 id="refer-heading"');
    expect(markup).toContain('Give 10% off, get 100 stars');
    expect(markup).toContain('Your friends get 10% off on their first order.');
    expect(markup).toMatch(/<label for="refer-link"[^>]*>\s*Your referral link/);
    expect(markup).toMatch(
      /id="refer-link"[\s\S]*?readonly[\s\S]*?value="https:\/\/shop.example\/\?ref=GxpxwAoMqxH8"/,
    );
    expect(markup).toContain('data-action="copy"');
    expect(markup).toContain('data-code="https://shop.example/?ref=GxpxwAoMqxH8"');
    expect(markup).toContain('data-copied="Link copied."');
    expect(markup).toMatch(
      /data-action="share"[\s\S]*?data-share-text="Get 10% off on your first order with my link."[\s\S]*?hidden/,
    );
    expect(markup).toMatch(/role="status"\s+aria-live="polite"/);
    expect(markup).toContain('2 friends');
    expect(markup).toMatch(
      /Noah N\.[\s\S]*?Joined February 10, 2026[\s\S]*?data-status="ordered"\s*>Ordered</,
    );
    expect(markup).toMatch(/A friend[\s\S]*?data-status="signed-up"\s*>Signed up</);
    expect(markup).toContain('100 stars earned from referrals');
    expect(markup).toContain('Earned February 12, 2026');
    expect(markup).toContain('Coupon for free shipping');
    expect(markup).toContain('data-code="SHIPFREE1234"');
    expect(markup).toContain('data-action="sign-out"');
  });

  it('says one friend, and words money off in the site currency', () => {
    const markup = render(
      member({
        offer: { friend: { kind: 'amount-off', amount: 5 }, referrer: null },
        friends: [{ id: 'rf-2', displayName: 'Noah N.', status: 'ordered', since: null }],
      }),
    );
    expect(markup).toContain('1 friend<');
    expect(markup).toContain('Give your friends $5 off');
  });

  it('has an empty state for a member with no friends or rewards yet', () => {
    const markup = render(member({ friends: [], rewards: [], pointsEarned: 0 }));
    expect(markup).toContain('No friends yet. Share your link to invite them.');
    expect(markup).toContain('No referral rewards yet.');
    expect(markup).not.toContain('data-testid="refer-friend"');
    expect(markup).toContain('data-testid="refer-link"');
  });

  it('says the program is not active, with no link', () => {
    const markup = render({ status: 'inactive' });
    expect(markup).toContain('Referrals are paused right now.');
    expect(markup).not.toContain('refer-link');
    expect(markup).not.toContain('data-action="copy"');
  });

  it('asks a visitor to sign in, with the offer and no link', () => {
    const markup = render({ status: 'visitor', offer }, 'en', false);
    expect(markup).toContain('Give 10% off, get 100 stars');
    expect(markup).toContain('Sign in to get your referral link');
    expect(markup).toContain('data-action="sign-in"');
    expect(markup).toContain('data-popup-blocked');
    expect(markup).not.toContain('refer-link');
    expect(markup).not.toContain('data-action="sign-out"');
  });

  it('says the referrals could not be loaded and offers Retry', () => {
    const markup = referHtml(
      {
        refer: { ok: false, code: 'UPSTREAM_UNAVAILABLE' },
        signedIn: true,
        pointsName: 'Stars',
        currency: null,
      },
      renderContextIn('en'),
    ).markup;
    expect(markup).toContain('role="alert"');
    expect(markup).toContain('We could not load your referrals just now.');
    expect(markup).toContain('data-action="retry"');
    expect(markup).not.toContain('refer-link');
  });

  it('escapes names and codes from Wix', () => {
    const markup = render(
      member({
        friends: [{ id: 'x', displayName: '<img src=x onerror=alert(1)>', status: 'ordered', since: null }],
        rewards: [{ id: 'y', benefit: { kind: 'free-shipping' }, date: null, code: '"><script>' }],
        link: 'https://shop.example/?ref="><b>',
      }),
    );
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('"><b>');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('writes every state in Hebrew, with the link left to right', () => {
    const markup = render(member(), 'he');
    expect(markup).toContain('הזמנת חברים');
    expect(markup).toContain('תנו 10% הנחה, קבלו 100 stars');
    expect(markup).toContain('העתקת הקישור');
    expect(markup).toMatch(/id="refer-link"[\s\S]*?dir="ltr"/);
    expect(markup).toContain('2 חברים');
    // A name in Latin letters keeps its own order ("Noah N.", not ".Noah N") in a right-to-left line.
    expect(markup).toContain('<bdi>Noah N.</bdi>');
    expect(markup).toContain('בוצעה הזמנה');
    expect(render(member({ friends: [], rewards: [], pointsEarned: 0 }), 'he')).toContain('עדיין אין חברים');
    expect(render({ status: 'inactive' }, 'he')).toContain('הזמנת חברים מושהית כרגע');
    expect(render({ status: 'visitor', offer }, 'he', false)).toContain('התחברו כדי לקבל את קישור ההזמנה');
    expect(
      referHtml(
        {
          refer: { ok: false, code: 'UPSTREAM_UNAVAILABLE' },
          signedIn: true,
          pointsName: 'Stars',
          currency: null,
        },
        renderContextIn('he'),
      ).markup,
    ).toContain('לא הצלחנו לטעון את ההזמנות שלכם כרגע.');
  });
});
