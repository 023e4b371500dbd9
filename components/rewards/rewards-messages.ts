import type { useTranslations } from 'next-intl';
import type { RewardKind } from '@/lib/loyalty/rewards-view';

export type RewardsTranslator = ReturnType<typeof useTranslations<'Rewards'>>;

/**
 * What a reward or coupon gives. Wix keeps no currency on a reward, so money off is not given a figure here:
 * the reward's own name ("$10 off") carries it.
 */
export function describeBenefit(kind: RewardKind | null, value: number | null, t: RewardsTranslator): string {
  switch (kind) {
    case 'amount-off':
      return t('benefit.amountOff');
    case 'percent-off':
      return value === null ? t('benefit.percentOff') : t('benefit.percentOffValue', { value });
    case 'free-shipping':
      return t('benefit.freeShipping');
    case null:
      return t('benefit.other');
  }
}
