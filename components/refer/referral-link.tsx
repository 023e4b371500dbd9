'use client';

import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * The member's link in a read-only field (left to right in every language: it is an address), with Copy, as
 * a coupon's, and Share where the browser has the Web Share API. What happened is read out below.
 */
export function ReferralLink({ link, shareText }: { link: string; shareText: string }) {
  const t = useTranslations('Refer');
  const [status, setStatus] = useState('');
  // Known only in the browser: the server's HTML has no Share, and hydration adds it where it works.
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === 'function',
    () => false,
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setStatus(t('copied'));
    } catch {
      setStatus(t('copyFailed'));
    }
  };
  const share = async () => {
    try {
      await navigator.share({ text: shareText, url: link });
    } catch {
      // A cancelled share says nothing.
    }
  };

  const button =
    'rounded-lg border border-stone-300 bg-white px-3 py-1 text-sm font-semibold text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900';
  return (
    <div className="flex flex-col gap-2 rounded-2xl bg-stone-50 p-5">
      <label htmlFor="refer-link" className="text-sm">
        {t('linkLabel')}
      </label>
      <input
        id="refer-link"
        readOnly
        dir="ltr"
        value={link}
        data-testid="refer-link"
        className="rounded-lg border border-stone-300 bg-white px-3 py-2 font-mono text-sm"
      />
      <p className="flex gap-2">
        <button type="button" className={button} onClick={() => void copy()}>
          {t('copy')}
        </button>
        {canShare && (
          <button type="button" className={button} onClick={() => void share()}>
            {t('share')}
          </button>
        )}
      </p>
      <p role="status" aria-live="polite" className="text-sm text-stone-600" data-testid="refer-status">
        {status}
      </p>
    </div>
  );
}
