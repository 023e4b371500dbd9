'use client';

import { useSWRConfig } from 'swr';
import { LOYALTY_CARD_KEY } from '@/components/loyalty-card/fetch-loyalty-card';
import { withAccount } from '@/lib/loyalty/card-updates';
import type { AccountView, LoyaltyCardView } from '@/lib/loyalty/view-model';

/**
 * Puts an action's returned account on the loyalty card at once. With `confirm`, SWR then reads the card
 * again in the background, for an account the action worked out rather than read from Wix.
 */
export function useApplyAccount() {
  const { mutate } = useSWRConfig();
  return (account: AccountView, { confirm = false }: { confirm?: boolean } = {}) =>
    mutate<LoyaltyCardView>(LOYALTY_CARD_KEY, (current) => withAccount(current, account), {
      revalidate: confirm,
    });
}
