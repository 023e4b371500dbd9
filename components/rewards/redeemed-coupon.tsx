'use client';

import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import type { CouponView } from '@/lib/loyalty/rewards-view';
import { CopyButton } from './copy-button';
import { describeBenefit } from './rewards-messages';

/**
 * The coupon a redemption just gave, shown at once with its code. Wix's loyalty coupons carry no expiry
 * date, so none is promised here. Focus moves to its heading when it appears.
 */
export function RedeemedCoupon({
  coupon,
  headingRef,
  onAnnounce,
}: {
  coupon: CouponView;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onAnnounce: (message: string) => void;
}) {
  const t = useTranslations('Rewards');
  return (
    <section
      aria-labelledby="redeemed-heading"
      data-testid="redeemed-coupon"
      className="flex flex-col gap-3 rounded-2xl border-2 border-emerald-600 bg-emerald-50 p-5"
    >
      <h2
        id="redeemed-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-lg font-bold focus:outline-none"
      >
        {t('couponFor', { reward: coupon.rewardName })}
      </h2>
      <p className="text-sm text-stone-700">{describeBenefit(coupon.kind, coupon.value, t)}</p>
      <div className="flex flex-wrap items-center gap-3">
        <code
          data-testid="redeemed-code"
          className="rounded bg-white px-3 py-2 font-mono text-2xl tracking-widest"
        >
          {coupon.code}
        </code>
        <CopyButton code={coupon.code} label={t('copyCode')} onCopied={onAnnounce} />
      </div>
      <p className="text-sm text-stone-600" data-testid="redeemed-expiry">
        {t('noExpiry')}
      </p>
    </section>
  );
}
