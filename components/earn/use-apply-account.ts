'use client';

import { useSWRConfig } from 'swr';
import { LOYALTY_CARD_KEY } from '@/components/loyalty-card/fetch-loyalty-card';
import { withAccount } from '@/lib/loyalty/card-updates';
import type { AccountView, LoyaltyCardView } from '@/lib/loyalty/view-model';

/** Puts an action's returned account on the loyalty card at once, then lets SWR confirm in the background. */
export function useApplyAccount() {
  const { mutate } = useSWRConfig();
  return (account: AccountView) =>
    mutate<LoyaltyCardView>(LOYALTY_CARD_KEY, (current) => withAccount(current, account), {
      revalidate: false,
    });
}
