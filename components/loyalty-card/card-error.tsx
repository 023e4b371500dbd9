import { useTranslations } from 'next-intl';
import type { LoyaltyErrorCode } from '@/lib/errors/codes';
import { CardShell } from './card-shell';

const MESSAGE_KEYS = {
  UPSTREAM_UNAVAILABLE: 'errorUnavailable',
  SIGN_IN_REQUIRED: 'errorSignIn',
} as const satisfies Record<LoyaltyErrorCode, string>;

export function CardError({
  code,
  onRetry,
  retrying,
}: {
  code: LoyaltyErrorCode;
  onRetry: () => void;
  retrying: boolean;
}) {
  const t = useTranslations('Card');
  return (
    <CardShell label={t('labelGeneric')} busy={retrying}>
      <div role="alert" className="flex flex-1 flex-col items-start justify-center gap-3">
        <p className="text-lg font-semibold">{t(MESSAGE_KEYS[code])}</p>
        <p className="text-sm text-stone-600">{t('pointsSafe')}</p>
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 disabled:opacity-60"
        >
          {retrying ? t('retrying') : t('retry')}
        </button>
      </div>
    </CardShell>
  );
}
