'use client';

import { useEffect } from 'react';
import useSWR from 'swr';
import type { LoyaltyErrorCode } from '@/lib/errors/codes';
import type { LoyaltyCardView } from '@/lib/loyalty/view-model';
import { CardError } from './card-error';
import { LOYALTY_CARD_KEY, LoyaltyCardError, fetchLoyaltyCard } from './fetch-loyalty-card';
import { LoyaltyCardSkeleton } from './loyalty-card-skeleton';
import { MemberCard } from './member-card';
import { NoAccountCard } from './no-account-card';
import { useLiveAccount } from './use-live-account';
import { VisitorCard } from './visitor-card';

export type InitialLoyaltyCard = { view: LoyaltyCardView } | { error: LoyaltyErrorCode };

type Props = {
  initial: InitialLoyaltyCard;
  locale: string;
  /** The server's clock at render time, so "in N days" hydrates to the same text. */
  serverNow: number;
  returnTo: string;
};

/**
 * The loyalty card. The server renders it with data; a signed-in member's card then follows their account
 * live over Server-Sent Events, with focus revalidation as the fallback, and any
 * `mutate(LOYALTY_CARD_KEY, view)` (after earning points, say) updates it at once.
 */
export function LoyaltyCard({ initial, locale, serverNow, returnTo }: Props) {
  const serverView = 'view' in initial ? initial.view : undefined;
  const { data, error, isValidating, mutate } = useSWR<LoyaltyCardView, LoyaltyCardError>(
    LOYALTY_CARD_KEY,
    fetchLoyaltyCard,
    {
      fallbackData: serverView,
      // The server just rendered this view (or its error, which the retry button answers): fetching it again
      // on mount would cost a request per page view and drop what only the server knows, like a session
      // that just ended.
      revalidateOnMount: false,
      revalidateOnFocus: true,
    },
  );
  const status = data?.status;
  useLiveAccount(status === 'member' || status === 'no-account', mutate);

  // SWR keeps fallbackData out of its cache, so an action's `mutate(key, current => …)` would see nothing
  // to update. Seeding the cache with the server's view gives those updates something to start from.
  useEffect(() => {
    if (serverView) void mutate((cached) => cached ?? serverView, { revalidate: false });
  }, [serverView, mutate]);

  const retry = () => void mutate();
  const errorCode = error?.code ?? ('error' in initial && !data ? initial.error : null);

  if (errorCode && !data) return <CardError code={errorCode} onRetry={retry} retrying={isValidating} />;
  if (!data) return <LoyaltyCardSkeleton />;

  switch (data.status) {
    case 'visitor':
      return <VisitorCard program={data.program} sessionEnded={data.sessionEnded} returnTo={returnTo} />;
    case 'no-account':
      return <NoAccountCard program={data.program} memberName={data.memberName} returnTo={returnTo} />;
    case 'member':
      return (
        <MemberCard
          program={data.program}
          memberName={data.memberName}
          account={data.account}
          locale={locale}
          serverNow={serverNow}
          returnTo={returnTo}
        />
      );
  }
}
