'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { formatDate, formatSignedNumber } from '@/components/loyalty-card/format';
import { useViewerTimeZone } from '@/components/loyalty-card/use-viewer-time-zone';
import type { ActivityPage } from '@/lib/loyalty/activity-view';
import { loadMoreActivityAction } from './actions';

type Props = { initial: ActivityPage; pointsName: string; locale: string };

/**
 * The member's history, newest first. "Show more" appends the next page, reads out how many entries came,
 * and moves focus to the first of them so a keyboard user continues where the new entries start.
 */
export function ActivityList({ initial, pointsName, locale }: Props) {
  const t = useTranslations('Activity');
  const timeZone = useViewerTimeZone();
  const [entries, setEntries] = useState(initial.entries);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [status, setStatus] = useState('');
  const [firstNew, setFirstNew] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (firstNew !== null) (list.current?.children[firstNew] as HTMLElement | undefined)?.focus();
  }, [firstNew]);

  const showMore = () =>
    startTransition(async () => {
      const result = await loadMoreActivityAction(cursor);
      if (!result.ok) {
        setStatus(t(`failure.${result.code}`));
        return;
      }
      setFirstNew(entries.length);
      setEntries((current) => [...current, ...result.page.entries]);
      setCursor(result.page.nextCursor);
      setStatus(t('moreShown', { count: result.page.entries.length }));
    });

  const unit = pointsName.toLowerCase();
  return (
    <div className="flex flex-col gap-4">
      <ol
        ref={list}
        className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white shadow-sm"
        data-testid="activity-list"
      >
        {entries.map((entry) => (
          <li
            key={entry.id}
            tabIndex={-1}
            data-testid="activity-entry"
            data-kind={entry.kind}
            className="flex items-center justify-between gap-4 p-4 focus:outline-2 focus:outline-stone-900"
          >
            <div className="flex flex-col gap-1">
              <p className="font-medium">{entry.description || t(`fallback.${entry.kind}`)}</p>
              <p className="text-sm text-stone-600">
                <span data-testid="activity-kind">{t(`kind.${entry.kind}`)}</span>
                {entry.date && (
                  <>
                    {' · '}
                    <time dateTime={entry.date}>{formatDate(entry.date, locale, timeZone)}</time>
                  </>
                )}
              </p>
            </div>
            <p
              data-testid="activity-points"
              className={`shrink-0 font-semibold tabular-nums ${entry.points < 0 ? 'text-stone-700' : 'text-emerald-700'}`}
            >
              {formatSignedNumber(entry.points, locale)} <span className="text-sm font-normal">{unit}</span>
            </p>
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" data-testid="activity-status" className="min-h-5 text-sm">
        {status}
      </p>
      {cursor && (
        <button
          type="button"
          onClick={showMore}
          disabled={pending}
          className="self-center rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 disabled:opacity-60"
        >
          {pending ? t('loadingMore') : t('showMore')}
        </button>
      )}
    </div>
  );
}
