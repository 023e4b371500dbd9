import type { FullTranslator } from '@/components/earn/earn-messages';
import type { LoyaltyCardView } from '@/lib/loyalty/view-model';

/**
 * What the launcher's button says, read from the card's own view model: a member's balance, and the dot's
 * words when a reward is available; "Join and earn" to a shopper the program would take. `label` null keeps
 * the button's plain name (a program not taking members). `balance` lets the button tell a change it already
 * shows from a new one.
 */
export type LauncherBadge = { label: string | null; reward: string | null; balance: number | null };

export function launcherBadge(view: LoyaltyCardView, t: FullTranslator): LauncherBadge {
  if (view.status === 'member') {
    const { balance, rewardAvailable } = view.account;
    return {
      label: t('Launcher.balance', { count: balance, unit: view.program.pointsName.toLowerCase() }),
      reward: rewardAvailable ? t('Launcher.rewardAvailable') : null,
      balance,
    };
  }
  return { label: view.program.active ? t('Launcher.join') : null, reward: null, balance: null };
}
