import type { AccountView, LoyaltyCardView } from './view-model';

/**
 * The card after an earn or join action answered with the member's fresh account: applied to the SWR
 * cache at once, so the card changes without a reload. A visitor's card is left alone.
 */
export function withAccount(
  current: LoyaltyCardView | undefined,
  account: AccountView,
): LoyaltyCardView | undefined {
  if (!current || current.status === 'visitor') return current;
  return { status: 'member', program: current.program, memberName: current.memberName, account };
}
