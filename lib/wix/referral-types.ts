import { z } from 'zod';

/**
 * The Referral Program's REST shapes (`docs/wix-referrals.md`), as zod schemas the door checks every answer
 * against. Only what the app reads is required; the rest of an object passes through untyped, so a field Wix
 * adds later is no failure, and a field we read that is missing or of another type is one.
 */

const isoDate = z.iso.datetime({ offset: true });
/** Wix sends int64 revisions as strings. */
const revision = z.string().regex(/^\d+$/);

/** A referral code: exactly 12 letters or digits, e.g. `GxpxwAoMqxH8`. */
export const REFERRAL_CODE = /^[A-Za-z0-9]{12}$/;

/** Wix's Coupon type: the program's `couponOptions`, and a coupon reward's `couponSpecification`. */
const couponOptions = z.looseObject({
  name: z.string().optional(),
  discountType: z.enum(['UNKNOWN', 'FIXED_AMOUNT', 'PERCENTAGE', 'FREE_SHIPPING']),
  percentageOptions: z.object({ percentage: z.number().min(0).max(100) }).optional(),
  fixedAmountOptions: z.object({ amount: z.number().min(0) }).optional(),
  minimumSubtotal: z.number().min(0).optional(),
});

const reward = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('COUPON'), couponOptions }),
  z.looseObject({
    type: z.literal('LOYALTY_POINTS'),
    loyaltyPointsOptions: z.object({ amount: z.int().min(0) }),
  }),
  z.looseObject({ type: z.literal('NOTHING') }),
]);

export const referralProgramSchema = z.looseObject({
  name: z.string().optional(),
  status: z.enum(['UNKNOWN', 'DRAFT', 'ACTIVE', 'PAUSED']),
  revision: revision.optional(),
  referredFriendReward: reward.optional(),
  referringCustomerReward: reward.optional(),
  successfulReferralActions: z.array(z.string()).optional(),
});

export const referringCustomerSchema = z.looseObject({
  id: z.guid(),
  contactId: z.guid(),
  referralCode: z.string().regex(REFERRAL_CODE),
  revision,
  createdDate: isoDate,
});

export const referredFriendSchema = z.looseObject({
  id: z.guid(),
  contactId: z.guid(),
  referringCustomerId: z.guid(),
  status: z.enum(['UNKNOWN', 'SIGN_UP_COMPLETED', 'ACTIONS_COMPLETED']),
  revision,
  createdDate: isoDate,
  updatedDate: isoDate,
});

const rewardedSide = z.union([
  z.object({ rewardedReferringCustomerId: z.guid() }),
  z.object({ rewardedReferredFriendId: z.guid() }),
]);

export const referralRewardSchema = z.intersection(
  z.looseObject({
    id: z.guid(),
    revision,
    createdDate: isoDate,
    rewardType: z.enum(['COUPON', 'LOYALTY_POINTS', 'NOTHING']),
    coupon: z
      .looseObject({
        id: z.string(),
        code: z.string().optional(),
        status: z.enum(['UNKNOWN', 'ACTIVE', 'APPLIED', 'DELETED']).catch('UNKNOWN').optional(),
        couponSpecification: couponOptions.optional(),
      })
      .optional(),
    loyaltyPoints: z.looseObject({ amount: z.int(), transactionId: z.guid().optional() }).optional(),
  }),
  rewardedSide,
);

export const referralEventSchema = z.looseObject({
  id: z.guid(),
  revision,
  createdDate: isoDate,
  referredFriendSignupEvent: z.looseObject({ referredFriendId: z.guid() }).optional(),
  successfulReferralEvent: z
    .looseObject({ referredFriendId: z.guid(), referringCustomerId: z.guid() })
    .optional(),
  actionEvent: z.looseObject({ referredFriendId: z.guid(), referringCustomerId: z.guid() }).optional(),
  rewardEvent: z.looseObject({ referralRewardId: z.guid(), rewardType: z.string() }).optional(),
});

export const referralStatisticsSchema = z.looseObject({
  totalSignUpsCompleted: z.int().min(0),
  totalActionsCompleted: z.int().min(0),
  totalAmountGenerated: z.string().regex(/^\d+(\.\d+)?$/),
});

const pagingMetadata = z.looseObject({
  count: z.int().min(0),
  cursors: z.object({ next: z.string().nullish(), prev: z.string().nullish() }).optional(),
  hasNext: z.boolean().optional(),
});

/** A query answer: its items under `key`, and where the next page starts. */
export const pageSchema = <Key extends string, Item extends z.ZodType>(key: Key, item: Item) =>
  z.object({ [key]: z.array(item), pagingMetadata: pagingMetadata.optional() } as {
    [K in Key]: z.ZodArray<Item>;
  } & { pagingMetadata: z.ZodOptional<typeof pagingMetadata> });

export type ReferralProgram = z.output<typeof referralProgramSchema>;
export type ReferralReward = z.output<typeof reward>;
export type ReferringCustomer = z.output<typeof referringCustomerSchema>;
export type ReferredFriend = z.output<typeof referredFriendSchema>;
export type ReferralRewardRecord = z.output<typeof referralRewardSchema>;
export type ReferralEvent = z.output<typeof referralEventSchema>;
export type ReferralStatistics = z.output<typeof referralStatisticsSchema>;

/** Wix's cursor query, as the Query methods take it. */
export type ReferralQuery = {
  filter?: Record<string, unknown>;
  sort?: { fieldName: string; order?: 'ASC' | 'DESC' }[];
  cursorPaging?: { limit?: number; cursor?: string };
};

/** One page of a query: the items, and the cursor of the next page when there is one. */
export type ReferralPage<Item> = { items: Item[]; nextCursor: string | null };
