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
  return (
    <CardShell label={`${program.name} loyalty card`}>
      <h2 className="text-sm font-semibold tracking-wide text-stone-500 uppercase">{program.name}</h2>
      <p className="text-2xl font-semibold">{memberName ? `Hi ${memberName},` : 'Hi,'}</p>
      <p data-testid="no-account" className="text-stone-700">
        you are not a member of {program.name} yet. Join to start earning {program.pointsName.toLowerCase()}.
      </p>
      {program.active ? (
        <JoinProgramButton programName={program.name} />
      ) : (
        <p className="text-sm text-stone-600">The program is not taking new members right now.</p>
      )}
      <div className="mt-auto flex items-center justify-between">
        <SignOutButton returnTo={returnTo} />
      </div>
    </CardShell>
  );
}
