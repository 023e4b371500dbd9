import type { WixEarningRule } from '@/lib/wix/types';
import {
  CONFIGURED_ACTIVITIES,
  SOCIAL_CHANNELS,
  SOCIAL_PROFILES,
  type ConfiguredActivity,
  type SocialChannel,
} from './earn-config';

/** One thing a member can earn points for, as the marketing page shows it and the server awards it. */
export type EarnOffer = {
  id: string;
  kind: 'social-follow' | 'activity';
  /** Written on the Wix transaction for the site owner; never shown to shoppers. */
  wixDescription: string;
  points: number;
  activityType: string;
  channel: SocialChannel | null;
  profileUrl: string | null;
};

export type EarnOfferCatalog = { offers: EarnOffer[]; disabledOfferIds: string[] };

/**
 * A social-follow rule names its channel in `triggerActivityType` (for example `social-media/instagram`).
 * Matching on the last word keeps us tolerant of the exact prefix a site's rules use.
 */
export function channelOfRule(rule: WixEarningRule): SocialChannel | null {
  const activity = rule.triggerActivityType?.toLowerCase() ?? '';
  if (!activity.includes('social')) return null;
  const lastWord = activity
    .split(/[^a-z]+/)
    .filter(Boolean)
    .at(-1)
    ?.toUpperCase();
  return SOCIAL_CHANNELS.find((channel) => channel === lastWord) ?? null;
}

/** Fixed points for a tier: its own config, else the base config (no tier id). Rate-based rules have none. */
export function fixedPointsOf(rule: WixEarningRule, tierId: string | null): number | null {
  const configs = rule.fixedAmount?.configs;
  if (!configs?.length) return null;
  const match =
    configs.find((config) => (config.tierId ?? null) === tierId) ?? configs.find((config) => !config.tierId);
  const points = match?.points;
  return typeof points === 'number' && points > 0 ? points : null;
}

export function socialOfferId(channel: SocialChannel): string {
  return `follow-${channel.toLowerCase()}`;
}

/**
 * Builds what the site offers from its earning rules, for the member's tier. An active rule sets the
 * points; a paused rule disables the offer even if the server config has a fallback; an activity with no
 * rule at all uses the server's fallback amount.
 */
export function buildEarnOffers(rules: WixEarningRule[], tierId: string | null): EarnOfferCatalog {
  const offers: EarnOffer[] = [];
  const disabledOfferIds: string[] = [];

  for (const channel of SOCIAL_CHANNELS) {
    const rule = rules.find((candidate) => channelOfRule(candidate) === channel);
    const id = socialOfferId(channel);
    const points = rule ? fixedPointsOf(rule, tierId) : null;
    if (!rule || rule.status !== 'ACTIVE' || points === null) {
      if (rule) disabledOfferIds.push(id);
      continue;
    }
    const profile = SOCIAL_PROFILES[channel];
    offers.push({
      id,
      kind: 'social-follow',
      wixDescription: profile.label,
      points,
      activityType: rule.triggerActivityType ?? `social-media/${channel.toLowerCase()}`,
      channel,
      profileUrl: profile.url,
    });
  }

  for (const activity of CONFIGURED_ACTIVITIES) {
    const offer = activityOffer(activity, rules, tierId);
    if (offer) offers.push(offer);
    else disabledOfferIds.push(activity.id);
  }

  return { offers, disabledOfferIds };
}

function activityOffer(
  activity: ConfiguredActivity,
  rules: WixEarningRule[],
  tierId: string | null,
): EarnOffer | null {
  const rule = rules.find((candidate) => candidate.triggerActivityType === activity.activityType);
  const points = rule
    ? rule.status === 'ACTIVE'
      ? fixedPointsOf(rule, tierId)
      : null
    : activity.fallbackPoints;
  if (points === null) return null;
  return {
    id: activity.id,
    kind: 'activity',
    wixDescription: activity.wixDescription,
    points,
    activityType: activity.activityType,
    channel: null,
    profileUrl: null,
  };
}

/** Every offer id this app can ever award; anything else is rejected before any Wix call. */
export function knownOfferIds(): string[] {
  return [...SOCIAL_CHANNELS.map(socialOfferId), ...CONFIGURED_ACTIVITIES.map((activity) => activity.id)];
}

/**
 * The offer if every tier can earn it (points aside), else null: what a claim may act on before it knows the
 * member's tier. The base tier must earn it, and every tier's own amount, if it has one, must be positive;
 * a tier without one earns the base amount.
 */
export function offerForEveryTier(rules: WixEarningRule[], offerId: string): EarnOffer | null {
  const offer = buildEarnOffers(rules, null).offers.find((candidate) => candidate.id === offerId);
  if (!offer) return null;
  const rule = rules.find((candidate) =>
    offer.channel
      ? channelOfRule(candidate) === offer.channel
      : candidate.triggerActivityType === offer.activityType,
  );
  const configs = rule?.fixedAmount?.configs ?? [];
  return configs.every((config) => typeof config.points === 'number' && config.points > 0) ? offer : null;
}
