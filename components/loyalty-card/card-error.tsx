import type { LoyaltyErrorCode } from '@/lib/errors/codes';
import { CardShell } from './card-shell';

const MESSAGES: Record<LoyaltyErrorCode, string> = {
  UPSTREAM_UNAVAILABLE: 'We could not load your points just now.',
  SIGN_IN_REQUIRED: 'Sign in to see your points.',
};

export function CardError({
  code,
  onRetry,
  retrying,
}: {
  code: LoyaltyErrorCode;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <CardShell label="Loyalty card" busy={retrying}>
      <div role="alert" className="flex flex-1 flex-col items-start justify-center gap-3">
        <p className="text-lg font-semibold">{MESSAGES[code]}</p>
        <p className="text-sm text-stone-600">Your points are safe. Please try again in a moment.</p>
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 disabled:opacity-60"
        >
          {retrying ? 'Retrying…' : 'Try again'}
        </button>
      </div>
    </CardShell>
  );
}
