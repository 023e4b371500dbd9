import { readFileSync } from 'node:fs';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/catalogues';
import type { Locale } from '@/lib/i18n/locales';
import type { WidgetContent } from '@/lib/embed/widget-data';
import { WIDGET_VIEWS, type WidgetOptions } from '@/lib/embed/widget-options';
import type { AccountView, ProgramView } from '@/lib/loyalty/view-model';
import { WIDGET_HEIGHT_PX } from './embed-styles';
import { widgetBodyHtml, widgetDocumentHtml } from './widget-html';

const program: ProgramView = { name: 'Star Rewards', pointsName: 'Stars', active: true };
const account: AccountView = {
  balance: 1250,
  earned: 1400,
  redeemed: 200,
  adjusted: 50,
  expired: 0,
  rewardAvailable: true,
  tier: { name: 'Gold', points: 1450, next: null },
  expiring: { amount: 30, date: '2026-03-11T12:00:00.000Z' },
  lastActivityDate: '2026-02-20T12:00:00.000Z',
};
const translator = (locale: Locale) => createTranslator({ locale, messages: messagesFor(locale) });
const inLocale = (locale: Locale) => ({
  locale,
  t: translator(locale),
  timeZone: 'UTC',
  now: Date.parse('2026-03-01T12:00:00Z'),
  notice: null,
});
const context = inLocale('de');
const card = (view: Extract<WidgetContent, { view: 'card' }>['card']): WidgetContent => ({
  view: 'card',
  card: view,
});

describe('widget HTML', () => {
  it("renders the member card with the card's formatting, in the widget's locale", () => {
    const markup = widgetBodyHtml(
      card({ ok: true, view: { status: 'member', program, memberName: 'Johna', account } }),
      context,
    ).markup;
    expect(markup).toContain('data-testid="balance">1.250<');
    expect(markup).toContain('data-balance="1250"');
    expect(markup).toContain('data-signed-in="true"');
    expect(markup).toContain('11. März 2026');
    expect(markup).toContain('in 10 Tagen');
    expect(markup).toContain('verfallen am');
    expect(markup).toContain('Prämie verfügbar');
    expect(markup).not.toContain('expire on');
    expect(markup).toContain('data-available="true"');
  });

  it('opens the rewards and activity views in place from the badge and the last activity', () => {
    const markup = widgetBodyHtml(
      card({ ok: true, view: { status: 'member', program, memberName: 'Johna', account } }),
      inLocale('en'),
    ).markup;
    expect(markup).toMatch(/data-testid="reward-badge"[^>]*data-action="open-view"\s+data-view="rewards"/);
    expect(markup).toMatch(
      /data-action="open-view"\s+data-view="activity"[^>]*>\s*<span data-testid="last-activity"/,
    );
    expect(markup).toMatch(/Reward available<span\s+class="sr"\s+>: see rewards<\/span/);
  });

  it('opens the tiers view in place from the tier line', () => {
    const markup = widgetBodyHtml(
      card({ ok: true, view: { status: 'member', program, memberName: 'Johna', account } }),
      inLocale('en'),
    ).markup;
    const line = markup.slice(markup.indexOf('data-testid="tier"'));
    expect(line).toMatch(
      /<button[^>]*data-action="open-view"\s+data-view="tiers"\s+data-testid="tier-link"\s*>\s*<b data-testid="tier-name">Gold<\/b> tier<span class="sr">: see all tiers<\/span>/,
    );
  });

  it('escapes names that come from Wix', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const markup = widgetBodyHtml(
      card({
        ok: true,
        view: { status: 'member', program: { ...program, name: hostile }, memberName: hostile, account },
      }),
      context,
    ).markup;
    expect(markup).not.toContain('<img');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('offers a visitor the popup sign-in, and a member without an account the join button', () => {
    const visitor = widgetBodyHtml(
      card({ ok: true, view: { status: 'visitor', program, sessionEnded: false } }),
      context,
    );
    expect(visitor.markup).toContain('data-action="sign-in"');
    expect(visitor.markup).toContain('data-signed-in="false"');
    const joining = widgetBodyHtml(
      card({ ok: true, view: { status: 'no-account', program, memberName: null } }),
      context,
    );
    expect(joining.markup).toContain('data-action="join"');
    const closed = widgetBodyHtml(
      card({
        ok: true,
        view: { status: 'no-account', program: { ...program, active: false }, memberName: null },
      }),
      context,
    );
    expect(closed.markup).not.toContain('data-action="join"');
  });

  it('says a refused sign-in with its code', () => {
    const markup = widgetBodyHtml(
      card({ ok: true, view: { status: 'visitor', program, sessionEnded: false } }),
      {
        ...context,
        notice: 'MEMBER_TOKEN_EXPIRED',
      },
    ).markup;
    expect(markup).toContain('data-code="MEMBER_TOKEN_EXPIRED"');
    expect(markup).toContain('ist abgelaufen');
  });

  it('builds a document that loads one script of ours and posts to the host it was given', () => {
    const options: WidgetOptions = {
      view: 'card',
      theme: 'light',
      accent: null,
      locale: null,
      timeZone: 'UTC',
      hostOrigin: 'https://shop.example',
      awaitingMemberToken: false,
      nav: false,
      fromCard: false,
      checkoutId: null,
      amount: null,
      currency: null,
      referralCode: null,
    };
    const document = widgetDocumentHtml(options, inLocale('en'), { markup: '<p>x</p>' });
    expect(document).toMatch(
      /^<!doctype html><html lang="en" dir="ltr" data-host-origin="https:\/\/shop.example">/,
    );
    expect(widgetDocumentHtml(options, inLocale('he'), { markup: '' })).toContain('lang="he" dir="rtl"');
    expect([...document.matchAll(/<script[^>]*>/g)].map((match) => match[0])).toEqual([
      '<script src="/embed-frame.js" defer>',
    ]);
  });

  it('starts the host iframe at the height the widget is drawn at', () => {
    const loader = readFileSync(new URL('../../embed/loader.js', import.meta.url), 'utf8');
    expect(loader).toContain(`var HEIGHT = ${WIDGET_HEIGHT_PX};`);
  });

  it('is loaded for every view the server renders: the loader names each one’s iframe', () => {
    const loader = readFileSync(new URL('../../embed/loader.js', import.meta.url), 'utf8');
    const titles = loader.slice(
      loader.indexOf('var TITLES = {'),
      loader.indexOf('};', loader.indexOf('var TITLES')),
    );
    expect(WIDGET_VIEWS.filter((view) => !new RegExp(`\\b${view}: '[^']+'`).test(titles))).toEqual([]);
  });
});
