import type { AccountView } from '@/lib/loyalty/view-model';

/** The four totals under the balance, labelled and in the order every card shows them. */
export function accountTotals(account: AccountView) {
  return [
    ['Earned', account.earned],
    ['Redeemed', account.redeemed],
    ['Adjusted', account.adjusted],
    ['Expired', account.expired],
  ] as const;
}
