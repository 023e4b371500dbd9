'use client';

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
  useEffect(() => {
    if (sessionEnded) void forgetEndedSessionAction();
  }, [sessionEnded]);

  return (
    <CardShell label={`${program.name} loyalty card`}>
      <h2 className="text-sm font-semibold tracking-wide text-stone-500 uppercase">{program.name}</h2>
      {sessionEnded && (
        <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          Your session has ended. Sign in again to see your {program.pointsName.toLowerCase()}.
        </p>
      )}
      <p className="text-2xl font-semibold">Earn {program.pointsName.toLowerCase()} with every order.</p>
      <p className="text-stone-600">
        Sign in to see your balance, your tier and the rewards waiting for you.
      </p>
      <div className="mt-auto">
        <SignInLink returnTo={returnTo} />
      </div>
    </CardShell>
  );
}
