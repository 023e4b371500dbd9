'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import type { ProgramView } from '@/lib/loyalty/view-model';
import { forgetEndedSessionAction } from './actions';
import { CardShell } from './card-shell';
import { SignInLink } from './sign-in-link';

export function VisitorCard({
  program,
  sessionEnded,
  returnTo,
}: {
  program: ProgramView;
  sessionEnded: boolean;
  returnTo: string;
}) {
  const t = useTranslations('Card');
  const unit = program.pointsName.toLowerCase();
  useEffect(() => {
    if (sessionEnded) void forgetEndedSessionAction();
  }, [sessionEnded]);

  return (
    <CardShell label={t('label', { program: program.name })}>
      <h2 className="text-sm font-semibold tracking-wide text-stone-500 uppercase">{program.name}</h2>
      {sessionEnded && (
        <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {t('sessionEnded', { unit })}
        </p>
      )}
      <p className="text-2xl font-semibold">{t('visitorHeadline', { unit })}</p>
      <p className="text-stone-600">{t('visitorIntro')}</p>
      <div className="mt-auto">
        <SignInLink returnTo={returnTo} />
      </div>
    </CardShell>
  );
}
