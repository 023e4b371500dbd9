import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { requireApp } from './auth';
import { applicationError, parseOrThrow, SandboxErrorCode, validationError } from './errors';
import { requireGuid } from './guid';
import { runCursorQuery, runListPage } from './query';
import { requireCurrentRevision } from './revision';
import type { RequestContext, Router } from './router';
import type { RewardDiscountKind, RewardRecord, RewardTierConfig, SandboxState } from './state';

const BASE = '/loyalty-rewards/v1/rewards';

/** Limits from the Reward object's typings. */
const cost = z.int().min(1).max(9_999_999);
const tierId = z.guid().nullish();
const configs = <T extends z.ZodRawShape>(shape: T) =>
  z.object({
    configsByTier: z
      .array(z.object({ tierId, costInPoints: cost, ...shape }))
      .min(1)
      .max(21),
  });

const couponRewardSchema = z.object({
  fixedAmount: configs({ amount: z.number().min(0.01) }).optional(),
  percentage: configs({ percentage: z.number().gt(0).max(100) }).optional(),
  freeShipping: configs({}).optional(),
  minimumSubtotal: z.number().min(0).optional(),
});

const rewardSchema = z.object({
  name: z.string().min(1).max(50),
  active: z.boolean().optional(),
  type: z.enum(['COUPON_REWARD', 'DISCOUNT_AMOUNT', 'UNDEFINED']).optional(),
  couponReward: couponRewardSchema.optional(),
  discountAmount: z.unknown().optional(),
  revision: z.union([z.string().regex(/^\d+$/), z.int()]).nullish(),
});

type RewardInput = z.output<typeof rewardSchema>;

/** The one discount a coupon reward holds, with its tier configs in the sandbox's shape. */
function discountOf(input: RewardInput): { discount: RewardDiscountKind; configs: RewardTierConfig[] } {
  if (input.discountAmount !== undefined || input.type === 'DISCOUNT_AMOUNT') {
    throw applicationError(
      501,
      SandboxErrorCode.FeatureNotImplemented,
      'The Wix sandbox implements coupon rewards only; discount-amount rewards are for Wix Restaurants',
    );
  }
  const reward = input.couponReward;
  const kinds = (['fixedAmount', 'percentage', 'freeShipping'] as const).filter((kind) => reward?.[kind]);
  const kind = kinds[0];
  if (!reward || !kind || kinds.length > 1) {
    throw validationError([
      {
        field: 'reward.couponReward',
        description: 'exactly one of fixedAmount, percentage or freeShipping is required',
        violatedRule: 'ONE_OF_ALIGNMENT',
      },
    ]);
  }
  const entries = (reward[kind]?.configsByTier ?? []) as (RewardTierConfig & { tierId?: string | null })[];
  return {
    discount: kind,
    configs: entries.map(({ tierId: id, ...terms }) => ({ ...(id && { tierId: id }), ...terms })),
  };
}

/** A flexible reward's amount is a decimal string, as `DiscountAmountConfig.amount` is typed. */
function toRestReward(reward: RewardRecord) {
  const flexible = reward.discount === 'discountAmount';
  const configsByTier = reward.configs.map(({ tierId: id, costInPoints, amount, percentage }) => ({
    ...(id && { tierId: id }),
    costInPoints,
    ...(amount !== undefined && { amount: flexible ? String(amount) : amount }),
    ...(percentage !== undefined && { percentage }),
  }));
  const details = flexible
    ? { type: 'DISCOUNT_AMOUNT', discountAmount: { configsByTier } }
    : {
        type: 'COUPON_REWARD',
        couponReward: {
          [reward.discount]: { configsByTier },
          ...(reward.minimumSubtotal !== undefined && { minimumSubtotal: reward.minimumSubtotal }),
        },
      };
  return {
    id: reward.id,
    name: reward.name,
    active: reward.active,
    ...details,
    revision: String(reward.revision),
    createdDate: reward.createdDate.toISOString(),
    updatedDate: reward.updatedDate.toISOString(),
  };
}

function requireReward(state: SandboxState, id: string): RewardRecord {
  const reward = state.rewards.find((candidate) => candidate.id === requireGuid(id, 'id'));
  if (!reward) throw applicationError(404, SandboxErrorCode.RewardNotFound, `Reward ${id} not found`, { id });
  return reward;
}

const sortedByCreation = (state: SandboxState) =>
  [...state.rewards].sort((a, b) => a.createdDate.getTime() - b.createdDate.getTime()).map(toRestReward);

function createReward(ctx: RequestContext) {
  requireApp(ctx);
  const { reward: input } = parseOrThrow(z.object({ reward: rewardSchema }), ctx.body());
  const now = new Date();
  const reward: RewardRecord = {
    id: randomUUID(),
    name: input.name,
    // "A reward's `active` status defaults to `false`."
    active: input.active ?? false,
    ...discountOf(input),
    ...(input.couponReward?.minimumSubtotal !== undefined && {
      minimumSubtotal: input.couponReward.minimumSubtotal,
    }),
    createdDate: now,
    updatedDate: now,
    revision: 1,
  };
  ctx.sandbox.state.rewards.push(reward);
  return { json: { reward: toRestReward(reward) } };
}

/** Update Reward replaces what it is sent; the type of a reward cannot change, and here it is always a coupon. */
function updateReward(ctx: RequestContext) {
  requireApp(ctx);
  const reward = requireReward(ctx.sandbox.state, ctx.params.id ?? '');
  const { reward: input } = parseOrThrow(z.object({ reward: rewardSchema }), ctx.body());
  requireCurrentRevision(reward, input.revision, 'reward.revision');
  const { discount, configs } = input.couponReward ? discountOf(input) : reward;
  Object.assign(reward, {
    name: input.name,
    active: input.active ?? reward.active,
    discount,
    configs,
    minimumSubtotal: input.couponReward ? input.couponReward.minimumSubtotal : reward.minimumSubtotal,
    updatedDate: new Date(),
    revision: reward.revision + 1,
  });
  return { json: { reward: toRestReward(reward) } };
}

function deleteReward(ctx: RequestContext) {
  requireApp(ctx);
  const { state } = ctx.sandbox;
  const reward = requireReward(state, ctx.params.id ?? '');
  requireCurrentRevision(reward, ctx.url.searchParams.get('revision'), 'revision');
  state.rewards = state.rewards.filter((candidate) => candidate !== reward);
  return { json: {} };
}

export function registerRewardRoutes(router: Router): void {
  router
    // "Only rewards with `active` set to `true` will be retrieved" (List Rewards, REST reference).
    .add('GET', BASE, (ctx) => {
      requireApp(ctx);
      const page = runListPage(sortedByCreation(ctx.sandbox.state), ctx.url.searchParams, { active: true });
      return { json: { rewards: page.items, pagingMetadata: page.pagingMetadata } };
    })
    .add('POST', `${BASE}/query`, (ctx) => {
      requireApp(ctx);
      const { query } = parseOrThrow(z.object({ query: z.unknown() }), ctx.body());
      const page = runCursorQuery(sortedByCreation(ctx.sandbox.state), query);
      return { json: { rewards: page.items, pagingMetadata: page.pagingMetadata } };
    })
    .add('POST', BASE, createReward)
    .add('GET', `${BASE}/:id`, (ctx) => {
      requireApp(ctx);
      return { json: { reward: toRestReward(requireReward(ctx.sandbox.state, ctx.params.id ?? '')) } };
    })
    .add('PUT', `${BASE}/:id`, updateReward)
    .add('DELETE', `${BASE}/:id`, deleteReward);
}
