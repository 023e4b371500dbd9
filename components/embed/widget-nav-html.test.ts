import { describe, expect, it } from 'vitest';
import { renderContextIn } from '@/testing/embed-render-context';
import { html } from './html';
import { navigationFor, withNavigation } from './widget-nav-html';

const { t } = renderContextIn('en');
const body = html`<section>view</section>`;

describe('widget navigation', () => {
  it('is a tab bar with nav=1, a way back for a view the card opened, else nothing', () => {
    expect(navigationFor({ view: 'card', nav: true, fromCard: false })).toBe('tabs');
    expect(navigationFor({ view: 'rewards', nav: true, fromCard: true })).toBe('tabs');
    expect(navigationFor({ view: 'rewards', nav: false, fromCard: true })).toBe('back');
    expect(navigationFor({ view: 'card', nav: false, fromCard: true })).toBe('none');
    expect(navigationFor({ view: 'activity', nav: false, fromCard: false })).toBe('none');
    expect(navigationFor({ view: 'tiers', nav: true, fromCard: false })).toBe('tabs');
    expect(navigationFor({ view: 'tiers', nav: false, fromCard: true })).toBe('back');
  });

  it('selects the view’s tab, keeps only it in the tab order, and labels the panel with it', () => {
    const markup = withNavigation(body, 'rewards', 'tabs', t).markup;
    expect(markup).toContain('role="tablist"');
    expect([...markup.matchAll(/role="tab"\s+id="tab-(\w+)"/g)].map((match) => match[1])).toEqual([
      'card',
      'earn',
      'rewards',
      'tiers',
      'activity',
      'refer',
    ]);
    expect(markup).toMatch(/data-view="refer"\s*>\s*Refer\s*</);
    expect(markup.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(markup).toMatch(
      /id="tab-rewards"\s+aria-selected="true"\s+aria-controls="view-panel"\s+tabindex="0"/,
    );
    expect(markup).toMatch(/id="tab-card"\s+aria-selected="false"\s+tabindex="-1"/);
    expect(markup).toContain('role="tabpanel" id="view-panel" aria-labelledby="tab-rewards"');
    expect(markup).not.toContain('data-testid="back-to-card"');
  });

  it('puts a Back button to the card above a view the card opened', () => {
    const markup = withNavigation(body, 'activity', 'back', t).markup;
    expect(markup).toMatch(/data-action="open-view" data-view="card"/);
    expect(markup).toContain('Back to the card');
    expect(withNavigation(body, 'activity', 'none', t).markup).toBe(body.markup);
  });
});
