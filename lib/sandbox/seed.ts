import {
  badgeIcon,
  seedEarningRules,
  seedGuid,
  seedTiers,
  socialMediaActivityType,
  WIX_LOYALTY_APP_ID,
  WIX_STORES_APP_ID,
} from './seed-catalog';
import type { ReferralState } from './referral-records';
import { seedCoupons, seedRewards } from './seed-rewards';
import { LIAM_ORDER_DAYS_AGO, REFERRAL_IDS, referredContacts, seedReferrals } from './seed-referrals';
import {
  accountById,
  addDays,
  type AccountRecord,
  type DemoMember,
  type FollowedChannelRecord,
  type SandboxState,
  type SiteContact,
  type TransactionRecord,
} from './state';

export { socialMediaActivityType, TIER_IDS, WIX_LOYALTY_APP_ID, WIX_STORES_APP_ID } from './seed-catalog';
export { REWARD_IDS } from './seed-rewards';
export { JOHNA_REFERRAL_CODE, REFERRAL_IDS, REFERRED_CONTACT_IDS } from './seed-referrals';

export const DEMO_MEMBER_IDS = {
  johna: 'a517751b-a1ca-4423-8d91-aaf8f5b34215',
  aigneis: 'ddd5302e-23cf-4fd6-bf6b-461aaae3ab7d',
  elena: '7d368843-6f0c-4037-8d0e-b7e36a8a0c32',
  noah: '0b7c3a52-5d0e-4f7e-9a51-3c2f6e1d9a04',
} as const;

export const DEMO_CONTACT_IDS = {
  johna: '88615e02-3e8a-4297-8939-5d0a432b322a',
  aigneis: 'fb8f125e-bfc3-4d9a-80c2-215494f24731',
  elena: '6ef3fe0f-9e33-42d3-8abe-61d5560338b2',
  noah: '4c1e8f27-9b3d-4a6e-8f02-7d5b1c9e3a61',
  /** A contact, not a member: he never signs in, so he is not on the login page. */
  john: 'c3a1f0d2-7b4e-4c19-9e6a-2f8d5b7c1e40',
} as const;

export const DEMO_ACCOUNT_IDS = {
  johna: 'e6f39a5b-a6d0-4556-b889-0cf09d8a84f7',
  aigneis: '73618276-35cc-4d21-8380-bdd2fbebf781',
  elena: 'd0dc5ba3-4a10-4cfc-b304-c976d8ac7303',
  john: '5d2b8e31-9f47-4a6c-b0d3-8e1f6a4c2b97',
} as const;

function members(now: Date): DemoMember[] {
  const member = (
    key: keyof typeof DEMO_MEMBER_IDS,
    first: string,
    last: string,
    email: string,
    age: number,
  ) => ({
    id: DEMO_MEMBER_IDS[key],
    contactId: DEMO_CONTACT_IDS[key],
    firstName: first,
    lastName: last,
    loginEmail: email,
    slug: `${first}-${last}`.toLowerCase(),
    createdDate: addDays(now, -age),
    lastLoginDate: addDays(now, -1),
  });
  return [
    member('johna', 'Johna', 'Linskey', 'johna.linskey@yopmail.com', 200),
    member('aigneis', 'Aigneis', 'Johnsson', 'aigneis.johnsson@yopmail.com', 150),
    member('elena', 'Elena', 'Rodriguez', 'elena.rodriguez@example.com', 180),
    member('noah', 'Noah', 'Newcomer', 'noah.newcomer@example.com', 2),
  ];
}

/**
 * John Carter bought once and never signed up. With Johna and Aigneis he makes the reference's Count
 * Accounts example hold: three accounts match "John", two of them with a balance of at least 50.
 */
function contacts(): SiteContact[] {
  return [
    {
      id: DEMO_CONTACT_IDS.john,
      firstName: 'John',
      lastName: 'Carter',
      email: 'john.carter@example.com',
      picture: { id: 'sandbox-avatar-john-carter', url: badgeIcon('#4a6fa5', 'J'), width: 64, height: 64 },
    },
    ...referredContacts(),
  ];
}

type SeedEvent = Omit<
  TransactionRecord,
  'id' | 'accountId' | 'createdDate' | 'amountBefore' | 'amountAfter'
> & {
  daysAgo: number;
};

const order = (amount: number, orderId: string, daysAgo: number): SeedEvent => ({
  type: 'EARN',
  amount,
  daysAgo,
  description: `Order #${orderId}`,
  appId: WIX_STORES_APP_ID,
  activityType: 'stores/OrderPaid',
  orderId,
});

/** What Johna earned when Liam, whom she referred, placed his first order (`seed-referrals.ts`). */
const REFERRAL_EARN_DESCRIPTION = 'Referral: Liam O. placed a first order';

/** Each account's totals are replayed from its history so the ledger and the balances always agree. */
const HISTORIES: Record<keyof typeof DEMO_ACCOUNT_IDS, { createdDaysAgo: number; events: SeedEvent[] }> = {
  johna: {
    createdDaysAgo: 200,
    events: [
      // 900 + the referral's 100 keep her at the 1,250 stars (1,400 earned) every other test knows.
      order(900, '1001', 60),
      {
        type: 'EARN',
        amount: 50,
        daysAgo: 45,
        description: 'Followed us on Instagram',
        appId: WIX_LOYALTY_APP_ID,
        activityType: socialMediaActivityType('INSTAGRAM'),
        channel: 'INSTAGRAM',
      },
      { type: 'ADJUST', amount: 50, daysAgo: 30, description: 'Goodwill bonus', appId: WIX_LOYALTY_APP_ID },
      {
        type: 'EARN',
        amount: 100,
        daysAgo: LIAM_ORDER_DAYS_AGO,
        description: REFERRAL_EARN_DESCRIPTION,
        appId: WIX_LOYALTY_APP_ID,
        activityType: 'referral/friend-order',
        idempotencyKey: `referral-${REFERRAL_IDS.liamFriend}`,
      },
      order(350, '1002', 12),
      {
        type: 'REDEEM',
        amount: -200,
        daysAgo: 5,
        description: 'Redeemed: $10 off',
        rewardId: seedGuid('c0000000', 1),
      },
    ],
  },
  aigneis: {
    createdDaysAgo: 150,
    events: [
      order(300, '2001', 70),
      {
        type: 'EARN',
        amount: 25,
        daysAgo: 68,
        description: 'Signed up to the newsletter',
        appId: WIX_LOYALTY_APP_ID,
        activityType: 'newsletter-signup',
      },
      order(95, '2002', 40),
      {
        type: 'REDEEM',
        amount: -300,
        daysAgo: 25,
        description: 'Redeemed: $15 off',
        rewardId: seedGuid('c0000000', 2),
      },
    ],
  },
  elena: {
    // The last activity 81 days ago puts her points' 3-month inactivity expiry about 10 days ahead.
    createdDaysAgo: 180,
    events: [
      order(180, '3001', 120),
      {
        type: 'EARN',
        amount: 100,
        daysAgo: 81,
        description: 'Happy birthday!',
        appId: WIX_LOYALTY_APP_ID,
        activityType: 'birthday',
      },
    ],
  },
  john: { createdDaysAgo: 21, events: [order(30, '4001', 20)] },
};

function replayHistory(now: Date, transactionIds: { next: number }) {
  const accounts: AccountRecord[] = [];
  const transactions: TransactionRecord[] = [];
  for (const key of Object.keys(HISTORIES) as (keyof typeof HISTORIES)[]) {
    const history = HISTORIES[key];
    const created = addDays(now, -history.createdDaysAgo);
    const account: AccountRecord = {
      id: DEMO_ACCOUNT_IDS[key],
      contactId: DEMO_CONTACT_IDS[key],
      memberId: key === 'john' ? undefined : DEMO_MEMBER_IDS[key],
      points: { balance: 0, earned: 0, adjusted: 0, redeemed: 0, expired: 0 },
      createdDate: created,
      updatedDate: created,
      lastActivityDate: created,
      revision: 1,
      tierUpdatedDate: created,
    };
    for (const { daysAgo, ...event } of history.events) {
      const at = addDays(now, -daysAgo);
      const before = account.points.balance;
      account.points.balance += event.amount;
      if (event.type === 'EARN') account.points.earned += event.amount;
      if (event.type === 'ADJUST') account.points.adjusted += event.amount;
      if (event.type === 'REDEEM') account.points.redeemed -= event.amount;
      if (event.type === 'EXPIRE') account.points.expired -= event.amount;
      Object.assign(account, { updatedDate: at, lastActivityDate: at, tierUpdatedDate: at });
      account.revision += 1;
      transactions.push({
        ...event,
        id: seedGuid('b0000000', transactionIds.next++),
        accountId: account.id,
        createdDate: at,
        amountBefore: before,
        amountAfter: account.points.balance,
      });
    }
    accounts.push(account);
  }
  return { accounts, transactions };
}

function followedChannels(now: Date): FollowedChannelRecord[] {
  return [
    {
      id: seedGuid('f0000000', 1),
      accountId: DEMO_ACCOUNT_IDS.johna,
      channel: 'INSTAGRAM',
      createdDate: addDays(now, -45),
    },
  ];
}

function referralEarnId(transactions: TransactionRecord[]): string {
  const earn = transactions.find((t) => t.description === REFERRAL_EARN_DESCRIPTION);
  if (!earn) throw new Error('the seeded history has lost Johna’s referral EARN');
  return earn.id;
}

/** A fresh copy of the demo data. Every number is fixed; dates are relative to `now`. */
export function createSeedState(now: Date = new Date()): SandboxState {
  const { accounts, transactions } = replayHistory(now, { next: 1 });
  const programCreated = addDays(now, -365);
  const state: SandboxState = {
    program: {
      name: 'Star Rewards',
      pointsName: 'Stars',
      status: 'ACTIVE',
      createdDate: programCreated,
      updatedDate: programCreated,
      pointsExpiration: { status: 'ENABLED', monthsOfInactivity: 3, expiringPointsPercentage: 100 },
      tiersProgram: {
        status: 'ACTIVE',
        rollingWindowMonths: 12,
        createdDate: programCreated,
        updatedDate: programCreated,
        revision: 1,
        baseTier: {
          name: 'Bronze',
          description: 'Where every member starts',
          iconUrl: badgeIcon('#a0522d', 'B'),
        },
      },
    },
    tiers: seedTiers(now),
    earningRules: seedEarningRules(now),
    members: members(now),
    contacts: contacts(),
    accounts,
    transactions,
    followedChannels: followedChannels(now),
    rewards: seedRewards(now),
    coupons: [],
    checkouts: [],
    checkoutDiscounts: [],
    earnResults: new Map(),
    referrals: seedReferrals(now, DEMO_CONTACT_IDS.johna, referralEarnId(transactions)),
  };
  // Aigneis has already spent her $15 coupon; Johna's $10 coupon is still waiting for an order.
  state.coupons = seedCoupons(state, new Set([DEMO_ACCOUNT_IDS.aigneis]));
  return state;
}

/** The referral program and its seeded records, too, continue from the revision they reached. */
function keepReferralRevisionsRising(previous: ReferralState, next: ReferralState): void {
  if (previous.program.revision > next.program.revision)
    next.program.revision = previous.program.revision + 1;
  for (const list of ['customers', 'friends'] as const) {
    for (const record of next[list]) {
      const before = previous[list].find((candidate) => candidate.id === record.id);
      if (before && before.revision > record.revision) record.revision = before.revision + 1;
    }
  }
}

/**
 * The seed again, for a reset, with every seeded account's revision still rising: Wix never winds a revision
 * back, and the app rightly drops a webhook whose revision is older than one it already passed on. An
 * account changed since the last reset continues from its last revision; an untouched one keeps the seed's.
 */
export function reseed(previous: SandboxState, now: Date = new Date()): SandboxState {
  const state = createSeedState(now);
  for (const account of state.accounts) {
    const before = accountById(previous, account.id);
    if (before && before.revision > account.revision) account.revision = before.revision + 1;
  }
  keepReferralRevisionsRising(previous.referrals, state.referrals);
  return state;
}
