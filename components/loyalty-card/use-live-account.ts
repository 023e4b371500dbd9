import { useEffect } from 'react';
import type { KeyedMutator } from 'swr';
import { subscribeToAccountEvents } from '@/lib/live/subscribe-account-events';
import { withAccount } from '@/lib/loyalty/card-updates';
import type { LoyaltyCardView } from '@/lib/loyalty/view-model';

/**
 * Keeps the card in step with the member's account while it is open: each pushed update goes straight
 * into the SWR cache (no request), and a stream that reconnects after a drop revalidates once.
 */
export function useLiveAccount(enabled: boolean, mutate: KeyedMutator<LoyaltyCardView>) {
  useEffect(() => {
    if (!enabled) return;
    return subscribeToAccountEvents({
      onAccount: (account) => void mutate((current) => withAccount(current, account), { revalidate: false }),
      onResync: () => void mutate(),
    });
  }, [enabled, mutate]);
}
