import type { useTranslations } from 'next-intl';
import type { EarnResult } from '@/lib/loyalty/earn-result';
import type { EarnOfferView } from '@/lib/loyalty/earn-page-view';

/** The earn page's translator; codes and offers become its catalogue keys, with no upstream detail. */
export type EarnTranslator = ReturnType<typeof useTranslations<'Earn'>>;

export function offerTitle(offer: EarnOfferView, t: EarnTranslator): string {
  if (offer.kind === 'social-follow') return t('followUs', { channel: offer.channelLabel ?? '' });
  return offer.id === 'newsletter-signup' ? t('newsletter') : t('genericTitle');
}

export function describeEarnResult(
  result: EarnResult,
  pointsName: string,
  title: string,
  t: EarnTranslator,
): string {
  if (result.ok) return t('earnedResult', { title, count: result.points, unit: pointsName.toLowerCase() });
  return t(`failure.${result.code}`);
}
