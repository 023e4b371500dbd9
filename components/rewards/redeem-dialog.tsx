'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { RewardView } from '@/lib/loyalty/rewards-view';

type Props = {
  /** The reward to confirm, kept while the dialog closes so its text does not vanish. */
  reward: RewardView | null;
  open: boolean;
  pointsName: string;
  pending: boolean;
  formAction: (formData: FormData) => void;
  /** The dialog closed without a redemption (Cancel, Escape). */
  onCancel: () => void;
};

/**
 * The confirmation step, as a modal `<dialog>`: the browser keeps focus inside it and Escape closes it.
 * Cancel has the focus first, so a stray Enter spends nothing; while the redemption runs neither button
 * (nor Escape) can close it, and the page decides where focus goes once it has the answer.
 */
export function RedeemDialog({ reward, open, pointsName, pending, formAction, onCancel }: Props) {
  const t = useTranslations('Rewards');
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const unit = pointsName.toLowerCase();
  return (
    <dialog
      ref={dialog}
      aria-labelledby="redeem-title"
      aria-describedby="redeem-question"
      data-testid="redeem-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-2xl p-6 text-stone-900 shadow-xl backdrop:bg-stone-900/50"
    >
      {reward && (
        <form action={formAction} className="flex flex-col gap-4">
          <h2 id="redeem-title" className="text-xl font-bold">
            {t('dialogTitle', { reward: reward.name })}
          </h2>
          <p id="redeem-question">{t('dialogQuestion', { count: reward.cost, unit, reward: reward.name })}</p>
          <input type="hidden" name="rewardId" value={reward.id} />
          <div className="flex justify-end gap-3">
            <button
              type="button"
              autoFocus
              onClick={onCancel}
              disabled={pending}
              className="rounded-lg border border-stone-300 px-4 py-2 text-sm font-semibold hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 disabled:opacity-60"
            >
              {t('cancel')}
            </button>
            <button
              type="submit"
              disabled={pending}
              className="rounded-lg bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-800 disabled:opacity-60"
            >
              {pending ? t('redeeming') : t('spend', { count: reward.cost, unit })}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
