import { describe, expect, it } from 'vitest';
import type { TierStepView, TiersView } from '@/lib/loyalty/tiers-view';
import { renderContextIn, TEST_PROGRAM as program } from '@/testing/embed-render-context';
import { tiersHtml } from './tiers-html';

const step = (overrides: Partial<TierStepView> & Pick<TierStepView, 'id' | 'name'>): TierStepView => ({
  description: null,
  requiredPoints: 0,
  rate: { points: 1, moneyAmount: 1 },
  perks: [],
  current: false,
  ...overrides,
});
const tiers: TierStepView[] = [
  step({ id: null, name: 'Bronze', description: 'Where every member starts' }),
  step({ id: 'silver', name: 'Silver', requiredPoints: 300 }),
  step({
    id: 'gold',
    name: 'Gold',
    requiredPoints: 1000,
    rate: { points: 2, moneyAmount: 1 },
    perks: [{ id: 'gold-20', name: 'Gold members: $20 off', kind: 'amount-off', value: 20, cost: 250 }],
  }),
];
const view = (overrides: Partial<TiersView> = {}): TiersView => ({
  status: 'visitor',
  program,
  currency: 'USD',
  tiers,
  windowMonths: 12,
  standing: null,
  ...overrides,
});
const member = (current: string | null, points: number, next: TiersView['standing'] = null) =>
  view({
    status: 'member',
    tiers: tiers.map((tier) => ({ ...tier, current: tier.id === current })),
    standing: { points, next: next?.next ?? null },
  });
const render = (shown: TiersView, locale: 'en' | 'he' = 'en') =>
  tiersHtml(
    { tiers: { ok: true, view: shown }, signedIn: shown.status !== 'visitor' },
    renderContextIn(locale),
  ).markup;
/** The text of each tier's item, in order, without tags. */
const steps = (markup: string) =>
  markup
    .split(/<li class="tier"[^>]*>/)
    .slice(1)
    .map((item) =>
      item
        .split('</ol>')[0]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );

describe('tiers view HTML', () => {
  it('lists every tier in order with what it needs, what an order earns in it and its perks', () => {
    const markup = render(view());
    const [bronze, silver, gold] = steps(markup);
    expect(bronze).toBe('Bronze Open to every member Where every member starts Earn 1 stars per $1 spent');
    expect(silver).toBe('Silver From 300 tier stars Earn 1 stars per $1 spent');
    expect(gold).toBe(
      'Gold From 1,000 tier stars Earn 2 stars per $1 spent Gold members: $20 off for 250 stars',
    );
    expect(markup).toContain('Your tier counts the stars you earned in the last 12 months.');
  });

  it('offers a visitor the sign-in, and marks no tier', () => {
    const markup = render(view());
    expect(markup).toContain('data-signed-in="false"');
    expect(markup).toContain('data-action="sign-in"');
    expect(markup).not.toContain('aria-current');
    expect(markup).not.toContain('data-testid="tiers-standing"');
  });

  it('offers a member without an account to join', () => {
    const markup = render(view({ status: 'no-account' }));
    expect(markup).toContain('Join Star Rewards to start climbing the tiers.');
    expect(markup).toContain('data-action="join"');
  });

  it('marks the member’s tier and says how many tier points the next one needs', () => {
    const markup = render(
      member('silver', 650, {
        points: 650,
        next: { name: 'Gold', requiredPoints: 1000, pointsToGo: 350, progress: 0.5 },
      }),
    );
    expect(markup.match(/aria-current="true"/g)).toHaveLength(1);
    expect(markup).toMatch(/aria-current="true"[^]*?data-testid="tier-step-name">Silver</);
    expect(markup).toContain('You are in <b>Silver</b>, with 650 tier stars.');
    expect(markup).toMatch(/data-testid="tiers-next">\s*350 more tier stars to reach Gold\./);
    expect(steps(markup)[1]).toContain('Your tier');
    expect(steps(markup)[2]).not.toContain('Your tier');
  });

  it('tells a member at the top tier there is none above', () => {
    const markup = render(member('gold', 1250));
    expect(markup).toMatch(/aria-current="true"[^]*?data-testid="tier-step-name">Gold</);
    expect(markup).toMatch(/data-testid="tiers-next">\s*You have reached the top tier\./);
  });

  it('says so where the site has no tiers', () => {
    const markup = render(view({ status: 'member', tiers: [], standing: null }));
    expect(markup).toContain('Star Rewards has no tiers: every member earns and redeems alike.');
    expect(markup).not.toContain('data-testid="tiers-list"');
    expect(markup).not.toContain('months');
  });

  it('says it could not load the tiers, with a retry, rather than show none', () => {
    const markup = tiersHtml(
      { tiers: { ok: false, code: 'UPSTREAM_UNAVAILABLE' }, signedIn: true },
      renderContextIn('en'),
    ).markup;
    expect(markup).toMatch(/role="alert">We could not load the tiers just now\./);
    expect(markup).toContain('data-action="retry"');
    expect(markup).not.toContain('tiers-empty');
  });

  it('speaks the widget’s language, money included, and escapes what the site wrote', () => {
    const hostile = view({ tiers: [step({ id: null, name: '<img src=x>', description: '"><script>' })] });
    const escaped = render(hostile);
    expect(escaped).not.toContain('<img');
    expect(escaped).not.toContain('<script');
    const hebrew = render(view(), 'he');
    expect(hebrew).toContain('דרגות המועדון');
    expect(hebrew).toContain(
      `2 stars על כל ${new Intl.NumberFormat('he', { style: 'currency', currency: 'USD', minimumFractionDigits: 0 }).format(1)} בקנייה`,
    );
  });
});
