import { describe, expect, it } from 'vitest';
import type { ActivityEntryView } from '@/lib/loyalty/activity-view';
import { renderContextIn, TEST_PROGRAM as program } from '@/testing/embed-render-context';
import { activityHtml, activityRowsHtml } from './activity-html';

const entries: ActivityEntryView[] = [
  { id: 't2', kind: 'redeemed', points: -200, description: '', date: '2026-02-24T12:00:00.000Z' },
  { id: 't1', kind: 'earned', points: 1250, description: 'Order #1001', date: '2026-02-01T12:00:00.000Z' },
];
const en = renderContextIn('en');
const member = (nextCursor: string | null, shown = entries) =>
  activityHtml(
    {
      activity: { ok: true, view: { status: 'member', program, page: { entries: shown, nextCursor } } },
      signedIn: true,
    },
    en,
  ).markup;

describe('activity view HTML', () => {
  it('lists the entries in the order given (newest first), signed, with the kind worded when Wix has no text', () => {
    const markup = member(null);
    expect(markup.indexOf('Points spent on a reward')).toBeLessThan(markup.indexOf('Order #1001'));
    expect(markup).toContain('-200 <span class="small">stars</span>');
    expect(markup).toContain('+1,250 <span class="small">stars</span>');
    expect(markup).toContain('<time datetime="2026-02-24T12:00:00.000Z">February 24, 2026</time>');
    expect(markup).not.toContain('data-action="more"');
  });

  it('offers "Show more" with the position only, where there is more', () => {
    expect(member('opaque-position')).toMatch(/data-action="more"\s+data-cursor="opaque-position"/);
  });

  it('has an empty state, an error state with Retry, and asks visitors to sign in', () => {
    expect(member(null, [])).toContain('No activity yet.');
    const failed = activityHtml(
      { activity: { ok: false, code: 'UPSTREAM_UNAVAILABLE' }, signedIn: true },
      en,
    ).markup;
    expect(failed).toContain('We could not load your activity just now.');
    expect(failed).toContain('data-action="retry"');
    const visitor = activityHtml(
      { activity: { ok: true, view: { status: 'visitor', program } }, signedIn: false },
      en,
    );
    expect(visitor.markup).toContain('data-action="sign-in"');
    const joining = activityHtml(
      { activity: { ok: true, view: { status: 'no-account', program } }, signedIn: true },
      en,
    );
    expect(joining.markup).toContain('data-action="join"');
  });

  it('writes the rows "Show more" appends in the widget’s language', () => {
    const markup = activityRowsHtml(entries, 'sterne', renderContextIn('de')).markup;
    expect(markup).toContain('Eingelöst');
    expect(markup).toContain('+1.250 <span class="small">sterne</span>');
    expect(markup.match(/<li /g)).toHaveLength(2);
  });
});
