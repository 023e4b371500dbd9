import type { useTranslations } from 'next-intl';
import type { RewardKind } from '@/lib/loyalty/rewards-view';

export type RewardsTranslator = ReturnType<typeof useTranslations<'Rewards'>>;

type BenefitMessage =
  | { key: 'benefit.amountOff' | 'benefit.percentOff' | 'benefit.freeShipping' | 'benefit.other' }
  | { key: 'benefit.percentOffValue'; values: { value: number } };

/**
 * What a reward or coupon gives, as a key in the `Rewards` namespace: the page and the embedded widget (which
 * writes its HTML with a translator over every namespace) word it the same way. Wix keeps no currency on a
 * reward, so money off is not given a figure here: the reward's own name ("$10 off") carries it.
 */
export function benefitMessage(kind: RewardKind | null, value: number | null): BenefitMessage {
  switch (kind) {
    case 'amount-off':
      return { key: 'benefit.amountOff' };
    case 'percent-off':
      return value === null
        ? { key: 'benefit.percentOff' }
        : { key: 'benefit.percentOffValue', values: { value } };
    case 'free-shipping':
      return { key: 'benefit.freeShipping' };
    case null:
      return { key: 'benefit.other' };
  }
}

export function describeBenefit(kind: RewardKind | null, value: number | null, t: RewardsTranslator): string {
  const message = benefitMessage(kind, value);
  return 'values' in message ? t(message.key, message.values) : t(message.key);
}
