import { useTranslations } from 'next-intl';
import { JoinProgramButton } from '@/components/earn/join-program-button';
import type { ProgramView } from '@/lib/loyalty/view-model';
import { CardShell } from './card-shell';
import { SignOutButton } from './sign-in-link';

export function NoAccountCard({
  program,
  memberName,
  returnTo,
}: {
  program: ProgramView;
  memberName: string | null;
  returnTo: string;
}) {
  const t = useTranslations('Card');
  return (
    <CardShell label={t('label', { program: program.name })}>
      <h2 className="text-sm font-semibold tracking-wide text-stone-500 uppercase">{program.name}</h2>
      <p className="text-2xl font-semibold">
        {memberName ? t('greetingComma', { name: memberName }) : t('greetingAnonymous')}
      </p>
      <p data-testid="no-account" className="text-stone-700">
        {t('notMember', { program: program.name, unit: program.pointsName.toLowerCase() })}
      </p>
      {program.active ? (
        <JoinProgramButton programName={program.name} />
      ) : (
        <p className="text-sm text-stone-600">{t('notTakingMembers')}</p>
      )}
      <div className="mt-auto flex items-center justify-between">
        <SignOutButton returnTo={returnTo} />
      </div>
    </CardShell>
  );
}
