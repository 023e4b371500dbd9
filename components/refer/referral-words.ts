import type { FullTranslator } from '@/components/earn/earn-messages';
import { formatMoneyAmount } from '@/components/loyalty-card/format';
import type { ReferralBenefit, ReferralOffer, ReferralWelcomeView } from '@/lib/loyalty/referral-view';

/**
 * The words of the refer view and the friend's welcome, from their plain models: the embedded widget's HTML
 * and any React page word them the same way.
 */
export type ReferralWording = {
  t: FullTranslator;
  locale: string;
  /** The program's points name ("Stars"), for a reward in points. */
  pointsName: string;
  /** The site's currency, for money off; Wix keeps none on the coupon itself. */
  currency: string | null;
};

function money(amount: number, currency: string | null, locale: string): string {
  if (currency) {
    try {
      return formatMoneyAmount(amount, currency, locale);
    } catch {
      // An unknown currency code falls through to the plain number.
    }
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
}

/** "10% off", "$5 off", "free shipping", "100 stars": what one side gets, as a phrase. */
export function benefitPhrase(benefit: ReferralBenefit, words: ReferralWording): string {
  const { t, locale, currency } = words;
  switch (benefit.kind) {
    case 'percent-off':
      return t('Refer.benefit.percentOff', { value: benefit.percent });
    case 'amount-off':
      return t('Refer.benefit.amountOff', { money: money(benefit.amount, currency, locale) });
    case 'free-shipping':
      return t('Refer.benefit.freeShipping');
    case 'points':
      return t('Refer.benefit.points', { count: benefit.points, unit: words.pointsName.toLowerCase() });
  }
}

/** "Give 10% off, get 100 stars", or what can be said with one side (or neither) rewarded. */
export function offerHeadline({ friend, referrer }: ReferralOffer, words: ReferralWording): string {
  const { t } = words;
  if (friend && referrer)
    return t('Refer.offer', { friend: benefitPhrase(friend, words), you: benefitPhrase(referrer, words) });
  if (friend) return t('Refer.offerFriendOnly', { friend: benefitPhrase(friend, words) });
  if (referrer) return t('Refer.offerYouOnly', { you: benefitPhrase(referrer, words) });
  return t('Refer.offerNone');
}

/** How it works, one sentence a side: only the sides that get something. */
export function offerDetails({ friend, referrer }: ReferralOffer, words: ReferralWording): string[] {
  const { t } = words;
  return [
    friend && t('Refer.friendGets', { friend: benefitPhrase(friend, words) }),
    referrer && t('Refer.youGet', { you: benefitPhrase(referrer, words) }),
  ].filter((line) => typeof line === 'string');
}

/** "Johna gives you 10% off on your first order", or "A friend invited you" with nothing to give. */
export function welcomeHeadline(welcome: ReferralWelcomeView, words: ReferralWording): string {
  const { t } = words;
  const name = welcome.referrerName;
  if (!welcome.friendReward)
    return name ? t('Refer.welcome.invited', { name }) : t('Refer.welcome.invitedAnonymous');
  const friend = benefitPhrase(welcome.friendReward, words);
  return name ? t('Refer.welcome.gift', { name, friend }) : t('Refer.welcome.giftAnonymous', { friend });
}

/** What the Web Share sheet carries besides the link. */
export function shareText(offer: ReferralOffer, words: ReferralWording): string {
  return offer.friend
    ? words.t('Refer.shareText', { friend: benefitPhrase(offer.friend, words) })
    : words.t('Refer.shareTextPlain');
}
