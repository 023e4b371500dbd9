import type { ReactNode } from 'react';

type Props = {
  children: ReactNode;
  label: string;
  busy?: boolean;
  testId?: string;
};

/** The card's frame. The skeleton uses it too, so loading and loaded cards are exactly the same size. */
export function CardShell({ children, label, busy = false, testId = 'loyalty-card' }: Props) {
  return (
    <section
      aria-label={label}
      aria-busy={busy}
      data-testid={testId}
      className="flex min-h-[30rem] w-full max-w-sm flex-col gap-4 rounded-2xl border border-stone-200 bg-white p-6 text-stone-900 shadow-sm"
    >
      {children}
    </section>
  );
}
