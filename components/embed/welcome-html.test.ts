import { describe, expect, it } from 'vitest';
import type { ReferralWelcomeView } from '@/lib/loyalty/referral-view';
import { renderContextIn } from '@/testing/embed-render-context';
import { welcomeHtml } from './welcome-html';

const johna: ReferralWelcomeView = {
  referrerName: 'Johna',
  friendReward: { kind: 'percent-off', percent: 10 },
};
const render = (welcome: ReferralWelcomeView, locale: 'en' | 'he' = 'en', signedIn = false) =>
  welcomeHtml({ welcome, signedIn, pointsName: 'Stars', currency: 'EUR' }, renderContextIn(locale)).markup;

describe("the friend's welcome HTML", () => {
  it('names the referrer and the reward, with a sign-up and a sign-in', () => {
    const markup = render(johna);
    expect(markup).toContain('<h2 id="welcome-heading"');
    expect(markup).toContain('Johna gives you 10% off on your first order');
    expect(markup).toMatch(/data-action="sign-in"\s+data-testid="welcome-sign-up"\s*>\s*Sign up/);
    expect(markup).toMatch(/Already have an account\?\s*<button[^>]*data-action="sign-in"/);
    expect(markup).toContain('data-popup-blocked');
    expect(markup).not.toContain('data-action="use-referral"');
  });

  it('words money off, free shipping, an unnamed referrer and a program with nothing for the friend', () => {
    expect(render({ referrerName: 'Johna', friendReward: { kind: 'amount-off', amount: 5 } })).toContain(
      'Johna gives you €5 off on your first order',
    );
    expect(render({ referrerName: null, friendReward: { kind: 'free-shipping' } })).toContain(
      'A friend gives you free shipping on your first order',
    );
    const plain = render({ referrerName: 'Johna', friendReward: null });
    expect(plain).toContain('Johna invited you');
    expect(plain).toContain('Sign up to join them.');
  });

  it('offers a member already signed in one button to use the invite, and a way to their card', () => {
    const markup = render(johna, 'en', true);
    expect(markup).toContain('Johna gives you 10% off');
    expect(markup).toContain('data-signed-in="true"');
    expect(markup).not.toContain('data-action="sign-in"');
    expect(markup).not.toContain('data-popup-blocked');
    expect(markup).toContain('You are signed in: use the invite to save it to your account for checkout.');
    expect(markup.match(/data-action="use-referral"/g)).toHaveLength(1);
    expect(markup).toMatch(
      /class="btn"\s+data-action="use-referral"\s+data-busy-label="Using the invite…"\s+data-testid="welcome-use-invite"\s*>\s*Use Johna&#39;s invite\s*</,
    );
    expect(markup).toMatch(
      /data-action="skip-referral"\s+data-testid="welcome-not-now"\s*>\s*Not now, show my card\s*</,
    );
    // The code is the frame's to post: it is never written into the page.
    expect(markup).not.toContain('JohnaL1nskey');
  });

  it('words the invite for an unnamed referrer, a program with nothing for the friend, and in Hebrew', () => {
    const anonymous = render({ referrerName: null, friendReward: johna.friendReward }, 'en', true);
    expect(anonymous).toMatch(/data-testid="welcome-use-invite"\s*>\s*Use your friend&#39;s invite\s*</);
    const plain = render({ referrerName: 'Johna', friendReward: null }, 'en', true);
    expect(plain).toContain('Johna invited you');
    expect(plain).toContain('You are signed in: use the invite to join them.');
    const hebrew = render(johna, 'he', true);
    expect(hebrew).toMatch(/data-testid="welcome-use-invite"\s*>\s*שימוש בהזמנה של Johna\s*</);
    expect(hebrew).toContain('לא עכשיו, לכרטיס שלי');
  });

  it("shows a recorded friend their reward and its coupon's code", () => {
    const reward = { benefit: johna.friendReward, couponCode: 'FRIEND-1A2B3C4D' };
    const widget = { welcome: johna, signedIn: true, pointsName: 'Stars', currency: 'EUR', reward };
    const markup = welcomeHtml(widget, renderContextIn('en')).markup;
    expect(markup).toContain('10% off on your first order is yours. It waits for you at checkout.');
    expect(markup).toMatch(/data-testid="welcome-coupon-code">FRIEND-1A2B3C4D</);
    const plain = welcomeHtml(
      { ...widget, reward: { benefit: null, couponCode: null } },
      renderContextIn('he'),
    );
    expect(plain.markup).toContain('הצטרפתם דרך הקישור של חבר.');
    expect(render(johna, 'en', true)).not.toContain('welcome-reward');
    expect(markup).not.toContain('data-action="use-referral"');
    expect(markup).not.toContain('data-action="skip-referral"');
  });

  it("escapes the referrer's name", () => {
    const markup = render({ ...johna, referrerName: '<img src=x onerror=alert(1)>' });
    expect(markup).not.toContain('<img');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt; gives you');
  });

  it('writes in Hebrew', () => {
    const markup = render(johna, 'he');
    expect(markup).toContain('ברוכים הבאים');
    expect(markup).toContain('מתנה מאת Johna: 10% הנחה בהזמנה הראשונה שלכם');
    expect(markup).toContain('הרשמה');
    expect(markup).toContain('כבר יש לכם חשבון?');
    expect(render({ referrerName: null, friendReward: null }, 'he')).toContain('הזמנה מחבר');
  });
});
