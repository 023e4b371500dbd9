/**
 * What this site offers points for, decided on the server. Point amounts come from the site's Wix
 * earning rules when a rule matches; the amounts here are only the fallback for activities the site
 * has no rule for. Nothing a browser sends can change them.
 */

export const SOCIAL_CHANNELS = ['INSTAGRAM', 'FACEBOOK', 'TIKTOK', 'LINKEDIN', 'X'] as const;
export type SocialChannel = (typeof SOCIAL_CHANNELS)[number];

export type SocialProfile = { label: string; url: string };

/** The brand's profiles that a "follow us" card opens in a new tab. */
export const SOCIAL_PROFILES: Record<SocialChannel, SocialProfile> = {
  INSTAGRAM: { label: 'Instagram', url: 'https://www.instagram.com/wix/' },
  FACEBOOK: { label: 'Facebook', url: 'https://www.facebook.com/wix' },
  TIKTOK: { label: 'TikTok', url: 'https://www.tiktok.com/@wix' },
  LINKEDIN: { label: 'LinkedIn', url: 'https://www.linkedin.com/company/wix-com/' },
  X: { label: 'X', url: 'https://x.com/wix' },
};

export type ConfiguredActivity = {
  id: string;
  /** How the award is described on the transaction, which the site owner reads in the Wix dashboard. */
  wixDescription: string;
  /** Matched against the earning rules' `triggerActivityType`. */
  activityType: string;
  /** Used only when the site has no earning rule for `activityType`. */
  fallbackPoints: number;
};

/** One-time activities besides social follows. */
export const CONFIGURED_ACTIVITIES: readonly ConfiguredActivity[] = [
  {
    id: 'newsletter-signup',
    wixDescription: 'Newsletter sign-up',
    activityType: 'newsletter-signup',
    fallbackPoints: 25,
  },
];

/** Wix Loyalty's own app id: Wix documents it as the `appId` of points earned manually. */
export const LOYALTY_APP_ID = '553c79f3-5625-4f38-b14b-ef7c0d1e87df';
