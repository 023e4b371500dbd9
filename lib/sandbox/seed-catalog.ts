import { addDays, type EarningRuleRecord, type SocialChannel, type TierRecord } from './state';

/** Seeded tiers and earning rules, and the ids other seed data and tests refer to. */

/** Wix Loyalty's app id, which Wix documents as the `appId` of manually earned points. */
export const WIX_LOYALTY_APP_ID = '553c79f3-5625-4f38-b14b-ef7c0d1e87df';
export const WIX_STORES_APP_ID = '215238eb-22a5-4c36-9e7b-e7c08025e04e';

/** Social-media earning rules use `triggerActivityType: 'social-media/<channel in lower case>'`. */
export function socialMediaActivityType(channel: SocialChannel): string {
  return `social-media/${channel.toLowerCase()}`;
}

export const TIER_IDS = {
  silver: '1415f107-640c-4e04-870f-149cdd562093',
  gold: 'acddc0e0-5e27-4a1b-a52d-b3785ac258cb',
} as const;

export function seedGuid(prefix: string, n: number): string {
  return `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function badgeIcon(fill: string, letter: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="${fill}"/>` +
    `<text x="32" y="42" font-family="sans-serif" font-size="28" text-anchor="middle" fill="#fff">${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function seedTiers(now: Date): TierRecord[] {
  const created = addDays(now, -365);
  const tier = (id: string, name: string, description: string, requiredPoints: number, icon: string) => ({
    id,
    name,
    description,
    requiredPoints,
    iconUrl: icon,
    createdDate: created,
    updatedDate: created,
    revision: 1,
  });
  return [
    tier(TIER_IDS.silver, 'Silver', 'Free shipping on every order', 300, badgeIcon('#8a8d91', 'S')),
    tier(TIER_IDS.gold, 'Gold', 'Double stars on every purchase', 1000, badgeIcon('#b8860b', 'G')),
  ];
}

export function seedEarningRules(now: Date): EarningRuleRecord[] {
  const created = addDays(now, -300);
  const allTiers = (points: number, moneyAmount?: number) => [
    { points, moneyAmount },
    { tierId: TIER_IDS.silver, points, moneyAmount },
    { tierId: TIER_IDS.gold, points, moneyAmount },
  ];
  const base = { createdDate: created, updatedDate: created, revision: 1, sourceAppId: WIX_LOYALTY_APP_ID };
  const social = (n: number, channel: SocialChannel, label: string, points: number, active: boolean) => ({
    ...base,
    id: seedGuid('e0000000', n),
    title: `Follow us on ${label}`,
    triggerAppId: WIX_LOYALTY_APP_ID,
    triggerActivityType: socialMediaActivityType(channel),
    status: active ? ('ACTIVE' as const) : ('PAUSED' as const),
    kind: 'fixedAmount' as const,
    configs: allTiers(points),
    canBeDeleted: true,
  });
  return [
    social(1, 'INSTAGRAM', 'Instagram', 50, true),
    social(2, 'FACEBOOK', 'Facebook', 30, true),
    social(3, 'TIKTOK', 'TikTok', 40, true),
    social(4, 'LINKEDIN', 'LinkedIn', 20, true),
    social(5, 'X', 'X', 25, false),
    {
      ...base,
      id: seedGuid('e0000000', 6),
      title: 'Sign up to the newsletter',
      triggerAppId: WIX_LOYALTY_APP_ID,
      triggerActivityType: 'newsletter-signup',
      status: 'ACTIVE',
      kind: 'fixedAmount',
      configs: allTiers(25),
      canBeDeleted: true,
    },
    {
      ...base,
      id: seedGuid('e0000000', 7),
      title: 'Celebrate your birthday',
      triggerAppId: WIX_LOYALTY_APP_ID,
      triggerActivityType: 'birthday',
      status: 'ACTIVE',
      kind: 'fixedAmount',
      configs: allTiers(100),
      canBeDeleted: true,
    },
    {
      ...base,
      id: seedGuid('e0000000', 8),
      title: 'Purchase a product',
      triggerAppId: WIX_STORES_APP_ID,
      triggerActivityType: 'stores/OrderPaid',
      status: 'ACTIVE',
      kind: 'conversionRate',
      configs: [
        { moneyAmount: 1, points: 1 },
        { tierId: TIER_IDS.silver, moneyAmount: 1, points: 1 },
        { tierId: TIER_IDS.gold, moneyAmount: 1, points: 2 },
      ],
      canBeDeleted: false,
    },
  ];
}
