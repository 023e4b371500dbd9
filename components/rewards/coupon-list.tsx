'use client';

import { useTranslations } from 'next-intl';
import { formatDate } from '@/components/loyalty-card/format';
import { useViewerTimeZone } from '@/components/loyalty-card/use-viewer-time-zone';
import type { CouponView } from '@/lib/loyalty/rewards-view';
import { CopyButton } from './copy-button';
import { describeBenefit } from './rewards-messages';

const STATUS_STYLES: Record<CouponView['status'], string> = {
  active: 'bg-emerald-100 text-emerald-900',
  pending: 'bg-sky-100 text-sky-900',
  used: 'bg-stone-100 text-stone-700',
  expired: 'bg-stone-100 text-stone-700',
};

/** The member's coupons, newest first, each with its code to copy while it can still be used. */
export function CouponList({
  coupons,
  locale,
  onAnnounce,
}: {
  coupons: CouponView[];
  locale: string;
  onAnnounce: (message: string) => void;
}) {
  const t = useTranslations('Rewards');
  const timeZone = useViewerTimeZone();
  return (
    <section aria-labelledby="coupons-heading" className="flex flex-col gap-4" data-testid="my-coupons">
      <h2 id="coupons-heading" className="text-xl font-bold">
        {t('myCoupons')}
      </h2>
      {coupons.length === 0 ? (
        <p className="text-stone-600" data-testid="coupons-empty">
          {t('noCoupons')}
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {coupons.map((coupon) => {
            const usable = coupon.status === 'active' || coupon.status === 'pending';
            return (
              <li
                key={coupon.id}
                data-testid={`coupon-${coupon.id}`}
                className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm"
              >
                <div className="flex flex-col gap-1">
                  <p className="font-semibold">{coupon.rewardName}</p>
                  <p className="text-sm text-stone-600">{describeBenefit(coupon.kind, coupon.value, t)}</p>
                  {coupon.createdDate && (
                    <p className="text-xs text-stone-500">
                      {t.rich('redeemedOn', {
                        date: formatDate(coupon.createdDate, locale, timeZone),
                        when: (chunks) => <time dateTime={coupon.createdDate ?? undefined}>{chunks}</time>,
                      })}
                    </p>
                  )}
                </div>
                <div className="flex items-center gap-3">
                  <code
                    data-testid="coupon-code"
                    className={`rounded bg-stone-100 px-2 py-1 font-mono text-sm tracking-wider ${usable ? '' : 'text-stone-500 line-through'}`}
                  >
                    {coupon.code}
                  </code>
                  {usable && <CopyButton code={coupon.code} label={t('copy')} onCopied={onAnnounce} />}
                  <span
                    data-testid="coupon-status"
                    data-status={coupon.status}
                    className={`rounded-full px-3 py-1 text-xs font-semibold whitespace-nowrap ${STATUS_STYLES[coupon.status]}`}
                  >
                    {t(`status.${coupon.status}`)}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
