'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { EarnResult } from '@/lib/loyalty/earn-result';
import type { EarnOfferView } from '@/lib/loyalty/earn-page-view';
import { claimOfferAction } from './actions';
import { describeEarnResult, offerTitle } from './earn-messages';
import { useApplyAccount } from './use-apply-account';

type Props = {
  offer: EarnOfferView;
  pointsName: string;
  signInHref: string;
  onAnnounce: (message: string) => void;
};

/**
 * One offer. The form posts only the offer id; while the action runs the button is disabled, which
 * stops double clicks here, and the server's idempotency key stops everything else.
 */
export function OfferCard({ offer, pointsName, signInHref, onAnnounce }: Props) {
  const t = useTranslations('Earn');
  const tAll = useTranslations();
  const title = offerTitle(offer, tAll);
  const applyAccount = useApplyAccount();
  const [result, formAction, pending] = useActionState<EarnResult | null, FormData>(
    async (previous, formData) => {
      const next = await claimOfferAction(previous, formData);
      if (!next.ok && next.code === 'SIGN_IN_REQUIRED') {
        window.location.assign(signInHref);
        return next;
      }
      if (next.ok) void applyAccount(next.account);
      onAnnounce(describeEarnResult(next, pointsName, title, tAll));
      return next;
    },
    null,
  );
  const claimed = offer.claimed || (result !== null && (result.ok || result.code === 'ALREADY_CLAIMED'));

  const unit = pointsName.toLowerCase();
  return (
    <li
      data-testid={`offer-${offer.id}`}
      className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="font-semibold">{title}</h3>
        <span className="text-sm font-semibold text-emerald-700">
          {t('bonus', { count: offer.points, unit })}
        </span>
      </div>
      {offer.profileUrl && (
        <a
          href={offer.profileUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="text-sm text-stone-700 underline underline-offset-2"
        >
          {t('openProfile', { channel: offer.channelLabel ?? '' })}
          <span className="sr-only">{t('opensInNewTab')}</span>
        </a>
      )}
      {claimed ? (
        <p className="text-sm font-semibold text-emerald-800" data-testid="offer-done">
          <span aria-hidden="true">✓</span> {t('done')}
        </p>
      ) : offer.mode === 'sign-in' ? (
        <a
          href={signInHref}
          className="inline-flex justify-center rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700"
        >
          {t('signInToEarn', { count: offer.points, unit })}
        </a>
      ) : (
        <form action={formAction}>
          <input type="hidden" name="offerId" value={offer.id} />
          <button
            type="submit"
            disabled={pending || offer.mode === 'join-first'}
            className="w-full rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {pending
              ? t('claiming')
              : offer.mode === 'join-first'
                ? t('joinToEarn')
                : t('claim', { count: offer.points, unit })}
          </button>
        </form>
      )}
    </li>
  );
}
