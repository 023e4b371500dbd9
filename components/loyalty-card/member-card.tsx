'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { AccountView, ProgramView } from '@/lib/loyalty/view-model';
import { accountTotals } from './account-totals';
import { CardShell } from './card-shell';
import { ExpiringPoints } from './expiring-points';
import { formatDate, formatNumber } from './format';
import { RewardBadge } from './reward-badge';
import { SignOutButton } from './sign-in-link';
import { TierProgress } from './tier-progress';
import { useViewerTimeZone } from './use-viewer-time-zone';

type Props = {
  program: ProgramView;
  memberName: string | null;
  account: AccountView;
  locale: string;
  serverNow: number;
  returnTo: string;
};

export function MemberCard({ program, memberName, account, locale, serverNow, returnTo }: Props) {
  const t = useTranslations('Card');
  const tRefer = useTranslations('Refer');
  const timeZone = useViewerTimeZone();
  const unit = program.pointsName.toLowerCase();
  const totals = accountTotals(account);

  return (
    <CardShell label={t('label', { program: program.name })}>
      <header className="flex items-start justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold tracking-wide text-stone-500 uppercase">{program.name}</h2>
          {memberName && <p className="text-sm text-stone-600">{t('greeting', { name: memberName })}</p>}
        </div>
        <RewardBadge available={account.rewardAvailable} />
      </header>

      {/* Live: the balance changes in place when points arrive from anywhere, and screen readers hear it. */}
      <p className="flex items-baseline gap-2" aria-live="polite" aria-atomic="true">
        <span className="text-5xl font-bold tabular-nums" data-testid="balance">
          {formatNumber(account.balance, locale)}
        </span>
        <span className="text-lg text-stone-600" data-testid="points-name">
          {unit}
        </span>
      </p>

      <dl className="grid grid-cols-4 gap-2 text-center">
        {totals.map(([kind, value]) => (
          <div key={kind} className="rounded-lg bg-stone-50 px-1 py-2">
            <dt className="text-xs text-stone-500">{t(kind)}</dt>
            <dd className="font-semibold tabular-nums" data-testid={`total-${kind}`}>
              {formatNumber(value, locale)}
            </dd>
          </div>
        ))}
      </dl>

      {account.tier && <TierProgress tier={account.tier} pointsName={program.pointsName} />}
      {account.expiring && (
        <ExpiringPoints
          expiring={account.expiring}
          pointsName={program.pointsName}
          locale={locale}
          serverNow={serverNow}
        />
      )}

      <footer className="mt-auto flex items-center justify-between gap-2 text-xs text-stone-500">
        <Link
          href="/activity"
          prefetch={false}
          data-testid="activity-link"
          className="underline underline-offset-2 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-stone-900"
        >
          {account.lastActivityDate ? (
            <span data-testid="last-activity">
              {t.rich('lastActivity', {
                date: formatDate(account.lastActivityDate, locale, timeZone),
                when: (chunks) => <time dateTime={account.lastActivityDate ?? undefined}>{chunks}</time>,
              })}
            </span>
          ) : (
            <span>{t('noActivity')}</span>
          )}
          <span className="sr-only">{t('seeActivity')}</span>
        </Link>
        <Link
          href="/refer"
          prefetch={false}
          data-testid="refer-link-from-card"
          className="underline underline-offset-2 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-stone-900"
        >
          {tRefer('title')}
        </Link>
        <SignOutButton returnTo={returnTo} />
      </footer>
    </CardShell>
  );
}
