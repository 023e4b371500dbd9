import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/catalogues';
import type { Locale } from '@/lib/i18n/locales';
import type { AccountView, LoyaltyCardView, ProgramView } from '@/lib/loyalty/view-model';
import { launcherBadge } from './launcher-badge';

const program: ProgramView = { name: 'Star Rewards', pointsName: 'Stars', active: true };
const account: AccountView = {
  balance: 1250,
  earned: 1400,
  redeemed: 150,
  adjusted: 0,
  expired: 0,
  rewardAvailable: true,
  tier: null,
  expiring: null,
  lastActivityDate: null,
};
const member = (changes: Partial<AccountView> = {}): LoyaltyCardView => ({
  status: 'member',
  program,
  memberName: 'Johna',
  account: { ...account, ...changes },
});
const badge = (view: LoyaltyCardView, locale: Locale = 'en') =>
  launcherBadge(view, createTranslator({ locale, messages: messagesFor(locale) }));

describe('the launcher badge', () => {
  it('shows a member their balance in the program’s points, and the dot’s words when a reward waits', () => {
    expect(badge(member())).toEqual({ label: '1,250 stars', reward: 'Reward available', balance: 1250 });
    expect(badge(member({ rewardAvailable: false, balance: 40 }))).toEqual({
      label: '40 stars',
      reward: null,
      balance: 40,
    });
  });

  it('speaks the shopper’s language, numbers included', () => {
    expect(badge(member(), 'de')).toEqual({
      label: '1.250 stars',
      reward: 'Prämie verfügbar',
      balance: 1250,
    });
    expect(badge(member(), 'he').reward).toBe('הטבה זמינה');
    expect(badge({ status: 'visitor', program, sessionEnded: false }, 'fr').label).toBe(
      'Inscrivez-vous et gagnez',
    );
  });

  it('asks visitors and members without an account to join, with no balance and no dot', () => {
    const joined = { label: 'Join and earn', reward: null, balance: null };
    expect(badge({ status: 'visitor', program, sessionEnded: false })).toEqual(joined);
    expect(badge({ status: 'no-account', program, memberName: null })).toEqual(joined);
  });

  it('invites no one to a program that is not taking members, and keeps the button’s own name', () => {
    const closed = { ...program, active: false };
    expect(badge({ status: 'visitor', program: closed, sessionEnded: true }).label).toBeNull();
    expect(badge({ ...member(), program: closed }).label).toBe('1,250 stars');
  });
});
