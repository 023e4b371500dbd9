import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * Whether a reward is within reach; either way it leads to the rewards page. Not prefetched: the card is on
 * every page, and a prefetch of a member page is a render with its own Wix calls (and token renewal).
 */
export function RewardBadge({ available }: { available: boolean }) {
  const t = useTranslations('Card');
  return available ? (
    <Link
      href="/rewards"
      prefetch={false}
      data-testid="reward-badge"
      data-available="true"
      className="inline-flex items-center gap-1 rounded-full bg-emerald-100 px-3 py-1 text-xs font-semibold text-emerald-900 hover:bg-emerald-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-800"
    >
      <span aria-hidden="true">★</span> {t('rewardAvailable')}
      <span className="sr-only">{t('seeRewards')}</span>
    </Link>
  ) : (
    <Link
      href="/rewards"
      prefetch={false}
      data-testid="reward-badge"
      data-available="false"
      className="inline-flex items-center rounded-full bg-stone-100 px-3 py-1 text-xs font-medium text-stone-700 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
    >
      {t('noRewardYet')}
      <span className="sr-only">{t('seeRewards')}</span>
    </Link>
  );
}
