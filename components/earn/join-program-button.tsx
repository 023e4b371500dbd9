'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { JoinResult } from '@/lib/loyalty/earn-result';
import { joinProgramAction } from './actions';
import { useApplyAccount } from './use-apply-account';

/** Joins the program; the card turns into the member card at once and the offers reload as claimable. */
export function JoinProgramButton({ programName }: { programName: string }) {
  const t = useTranslations('Earn');
  const router = useRouter();
  const applyAccount = useApplyAccount();
  const [result, join, pending] = useActionState<JoinResult | null>(async () => {
    const next = await joinProgramAction();
    if (next.ok) {
      await applyAccount(next.account);
      router.refresh();
    }
    return next;
  }, null);

  return (
    <form action={join} className="flex flex-col gap-2">
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-800 disabled:opacity-60"
      >
        {pending ? t('joining') : t('join', { program: programName })}
      </button>
      <p role="status" aria-live="polite" className="min-h-5 text-sm" data-testid="join-status">
        {result && !result.ok ? t(`failure.${result.code}`) : ''}
      </p>
    </form>
  );
}
