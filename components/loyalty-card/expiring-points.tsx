'use client';

import type { AccountView } from '@/lib/loyalty/view-model';
import { formatDate, formatDaysUntil, formatNumber } from './format';
import { useRenderTime, useViewerTimeZone } from './use-viewer-time-zone';

type Props = {
  expiring: NonNullable<AccountView['expiring']>;
  pointsName: string;
  locale: string;
  serverNow: number;
};

export function ExpiringPoints({ expiring, pointsName, locale, serverNow }: Props) {
  const timeZone = useViewerTimeZone();
  const now = useRenderTime(serverNow);
  return (
    <p data-testid="expiring" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
      <span className="font-semibold" data-testid="expiring-amount">
        {formatNumber(expiring.amount, locale)} {pointsName.toLowerCase()}
      </span>{' '}
      expire on{' '}
      <time dateTime={expiring.date} data-testid="expiring-date">
        {formatDate(expiring.date, locale, timeZone)}
      </time>{' '}
      (<span data-testid="expiring-in">{formatDaysUntil(expiring.date, now, locale)}</span>)
    </p>
  );
}
