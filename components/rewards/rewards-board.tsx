'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { useApplyAccount } from '@/components/earn/use-apply-account';
import { LOYALTY_CARD_KEY } from '@/components/loyalty-card/fetch-loyalty-card';
import { signInHref } from '@/components/loyalty-card/sign-in-link';
import type { RedeemErrorCode } from '@/lib/errors/codes';
import type { RedeemResult } from '@/lib/loyalty/redeem-result';
import {
  withBalance,
  type CouponView,
  type RewardsPageView,
  type RewardView,
} from '@/lib/loyalty/rewards-view';
import type { LoyaltyCardView } from '@/lib/loyalty/view-model';
import { redeemRewardAction } from './actions';
import { CouponList } from './coupon-list';
import { RedeemDialog } from './redeem-dialog';
import { RedeemedCoupon } from './redeemed-coupon';
import { RedeemableRewards } from './redeemable-rewards';

/** Refusals that mean the page is out of date: it is read again so the shopper sees what is true now. */
const STALE_AFTER: ReadonlySet<RedeemErrorCode> = new Set([
  'NOT_ENOUGH_POINTS',
  'REWARD_UNAVAILABLE',
  'REWARD_NOT_IN_TIER',
  'RECENTLY_REDEEMED',
  'UPSTREAM_UNAVAILABLE',
]);

type Props = { view: Extract<RewardsPageView, { status: 'member' }>; locale: string; returnTo: string };

/**
 * A member's rewards and coupons. The balance is the loyalty card's (the same SWR entry), so a redemption
 * moves both at once; the coupon it gives is shown on top and added to My coupons without a reload.
 */
export function RewardsBoard({ view, locale, returnTo }: Props) {
  const t = useTranslations('Rewards');
  const router = useRouter();
  const applyAccount = useApplyAccount();
  const { mutate } = useSWRConfig();
  const { data: card } = useSWR<LoyaltyCardView>(LOYALTY_CARD_KEY, null);
  const balance = card?.status === 'member' ? card.account.balance : view.balance;
  const unit = view.program.pointsName.toLowerCase();

  const [confirming, setConfirming] = useState<RewardView | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [redeemed, setRedeemed] = useState<CouponView[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<{ on: 'result' | 'opener' } | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focus?.on === 'result') resultHeading.current?.focus();
    if (focus?.on === 'opener' && opener.current?.isConnected) opener.current.focus();
  }, [focus]);

  const [, redeem, pending] = useActionState<RedeemResult | null, FormData>(async (previous, formData) => {
    const result = await redeemRewardAction(previous, formData);
    if (!result.ok && result.code === 'SIGN_IN_REQUIRED') {
      window.location.assign(signInHref(returnTo));
      return result;
    }
    setDialogOpen(false);
    if (result.ok) {
      setRedeemed((current) => [result.coupon, ...current]);
      void applyAccount(result.account, { confirm: true });
      // Wix answers with the coupon as created; reading the page again shows it as Wix now holds it.
      router.refresh();
      setAnnouncement(
        t('spent', { count: result.cost, unit, reward: result.coupon.rewardName, code: result.coupon.code }),
      );
      setFocus({ on: 'result' });
    } else {
      setAnnouncement(t(`failure.${result.code}`));
      setFocus({ on: 'opener' });
      if (STALE_AFTER.has(result.code)) {
        router.refresh();
        void mutate(LOYALTY_CARD_KEY);
      }
    }
    return result;
  }, null);

  const known = new Set(view.coupons.map((coupon) => coupon.id));
  const coupons = [...redeemed.filter((coupon) => !known.has(coupon.id)), ...view.coupons];
  const latest = redeemed[0];
  const rewards = view.rewards.map((reward) => withBalance(reward, balance));

  return (
    <div className="flex flex-col gap-8">
      <p
        role="status"
        aria-live="polite"
        data-testid="rewards-status"
        className="min-h-6 text-sm font-medium"
      >
        {announcement}
      </p>
      {latest && <RedeemedCoupon coupon={latest} headingRef={resultHeading} onAnnounce={setAnnouncement} />}
      <RedeemableRewards
        rewards={rewards}
        balance={balance}
        pointsName={view.program.pointsName}
        tierName={view.tierName}
        pending={pending}
        onRedeem={(reward, button) => {
          opener.current = button;
          setConfirming(reward);
          setDialogOpen(true);
        }}
      />
      <CouponList coupons={coupons} locale={locale} onAnnounce={setAnnouncement} />
      <RedeemDialog
        reward={confirming}
        open={dialogOpen}
        pointsName={view.program.pointsName}
        pending={pending}
        formAction={redeem}
        onCancel={() => {
          setDialogOpen(false);
          setFocus({ on: 'opener' });
        }}
      />
    </div>
  );
}
