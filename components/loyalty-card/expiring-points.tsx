'use client';

import { useTranslations } from 'next-intl';
import type { AccountView } from '@/lib/loyalty/view-model';
import { formatDate, formatDaysUntil } from './format';
import { useRenderTime, useViewerTimeZone } from './use-viewer-time-zone';

type Props = {
  expiring: NonNullable<AccountView['expiring']>;
  pointsName: string;
  locale: string;
  serverNow: number;
};

export function ExpiringPoints({ expiring, pointsName, locale, serverNow }: Props) {
  const t = useTranslations('Card');
  const timeZone = useViewerTimeZone();
  const now = useRenderTime(serverNow);
  return (
    <p data-testid="expiring" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
      {t.rich('expiring', {
        count: expiring.amount,
        unit: pointsName.toLowerCase(),
        date: formatDate(expiring.date, locale, timeZone),
        relative: formatDaysUntil(expiring.date, now, locale),
        amount: (chunks) => (
          <span className="font-semibold" data-testid="expiring-amount">
            {chunks}
          </span>
        ),
        when: (chunks) => (
          <time dateTime={expiring.date} data-testid="expiring-date">
            {chunks}
          </time>
        ),
        left: (chunks) => <span data-testid="expiring-in">{chunks}</span>,
      })}
    </p>
  );
}
