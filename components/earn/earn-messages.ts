import type { useTranslations } from 'next-intl';
import type { EarnResult } from '@/lib/loyalty/earn-result';
import type { EarnOfferView } from '@/lib/loyalty/earn-page-view';

/**
 * A translator over every namespace (`useTranslations()` on the page, `getTranslations({ locale })` for the
 * embed): codes and offers become catalogue keys, with no upstream detail.
 */
export type FullTranslator = ReturnType<typeof useTranslations<never>>;

export function offerTitle(
  offer: Pick<EarnOfferView, 'id' | 'kind' | 'channelLabel'>,
  t: FullTranslator,
): string {
  if (offer.kind === 'social-follow') return t('Earn.followUs', { channel: offer.channelLabel ?? '' });
  return offer.id === 'newsletter-signup' ? t('Earn.newsletter') : t('Earn.genericTitle');
}

export function describeEarnResult(
  result: EarnResult,
  pointsName: string,
  title: string,
  t: FullTranslator,
): string {
  if (result.ok)
    return t('Earn.earnedResult', { title, count: result.points, unit: pointsName.toLowerCase() });
  return t(`Earn.failure.${result.code}`);
}
