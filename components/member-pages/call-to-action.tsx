import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { JoinProgramButton } from '@/components/earn/join-program-button';
import { SignInLink } from '@/components/loyalty-card/sign-in-link';
import type { ProgramView } from '@/lib/loyalty/view-model';
import { RetryButton } from './retry-button';

/** What the member pages show instead of a member's data: sign in, join, or "could not load". */

const PANEL = 'flex flex-col items-start gap-3 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm';

export function SignInPanel({ returnTo, children }: { returnTo: string; children: ReactNode }) {
  return (
    <div className={PANEL} data-testid="sign-in-panel">
      <p>{children}</p>
      <SignInLink returnTo={returnTo} />
    </div>
  );
}

export function JoinPanel({ program, children }: { program: ProgramView; children: ReactNode }) {
  const t = useTranslations('Card');
  return (
    <div className={PANEL} data-testid="join-panel">
      <p>{children}</p>
      {program.active ? (
        <JoinProgramButton programName={program.name} />
      ) : (
        <p className="text-sm text-stone-600">{t('notTakingMembers')}</p>
      )}
    </div>
  );
}

export function SectionError({ children }: { children: ReactNode }) {
  const t = useTranslations('MemberPages');
  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-2xl bg-amber-50 p-5 text-amber-900">
      <p className="font-semibold">{children}</p>
      <p className="text-sm">{t('pointsSafe')}</p>
      <RetryButton />
    </div>
  );
}
