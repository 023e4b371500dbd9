import type { AccountView } from '@/lib/loyalty/view-model';

/** The four totals under the balance, as catalogue keys (`Card.earned`…) in the order every card shows them. */
export function accountTotals(account: AccountView) {
  return [
    ['earned', account.earned],
    ['redeemed', account.redeemed],
    ['adjusted', account.adjusted],
    ['expired', account.expired],
  ] as const;
}
