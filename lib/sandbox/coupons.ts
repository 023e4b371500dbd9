import { z } from 'zod';
import { requireApp, requireMember } from './auth';
import { toRestCoupon, type RestCoupon } from './coupon-records';
import { applicationError, parseOrThrow, SandboxErrorCode } from './errors';
import { requireGuid } from './guid';
import { requireAccount } from './points';
import { runCursorQuery } from './query';
import { ALL_OPERATORS, type FieldRules } from './query-filter';
import { redeemForCoupon } from './redemption';
import { requireCurrentRevision } from './revision';
import type { RequestContext, Router } from './router';
import { accountByMemberId, type CouponRecord, type SandboxState } from './state';

const BASE = '/loyalty-coupons/v1/coupons';

const redeemMineSchema = z.object({ rewardId: z.string() });
const redeemSchema = z.object({ rewardId: z.string(), loyaltyAccountId: z.string() });

/** The fields `LoyaltyCouponQuerySpec` lets a query filter and sort on (`operators: '*'`), in REST names. */
const QUERY_FIELDS: FieldRules = Object.fromEntries(
  [
    'accountId',
    'memberId',
    'transactionId',
    'couponReference',
    'status',
    'rewardName',
    'createdDate',
    'updatedDate',
  ].map((field) => [field, { operators: ALL_OPERATORS, sortable: true }]),
);

const newestFirst = (coupons: CouponRecord[]): RestCoupon[] =>
  [...coupons].sort((a, b) => b.createdDate.getTime() - a.createdDate.getTime()).map(toRestCoupon);

function requireCoupon(state: SandboxState, id: string): CouponRecord {
  const coupon = state.coupons.find((candidate) => candidate.id === requireGuid(id, 'id'));
  if (!coupon) throw applicationError(404, SandboxErrorCode.CouponNotFound, `Coupon ${id} not found`, { id });
  return coupon;
}

/** Whose points are spent is decided by the token: the body names only the reward. */
function redeemMine(ctx: RequestContext) {
  const memberId = requireMember(ctx);
  const { rewardId } = parseOrThrow(redeemMineSchema, ctx.body());
  const { state } = ctx.sandbox;
  const account = accountByMemberId(state, memberId);
  if (!account) {
    throw applicationError(
      404,
      SandboxErrorCode.AccountNotFound,
      `Member ${memberId} has no loyalty account`,
      {
        memberId,
      },
    );
  }
  return { json: redeemForCoupon(state, account, requireGuid(rewardId, 'rewardId')) };
}

function redeemForAccount(ctx: RequestContext) {
  requireApp(ctx);
  const { rewardId, loyaltyAccountId } = parseOrThrow(redeemSchema, ctx.body());
  const { state } = ctx.sandbox;
  const account = requireAccount(state, requireGuid(loyaltyAccountId, 'loyaltyAccountId'));
  return { json: redeemForCoupon(state, account, requireGuid(rewardId, 'rewardId')) };
}

/** A member without an account simply has no coupons. */
function myCoupons(ctx: RequestContext) {
  const memberId = requireMember(ctx);
  const { state } = ctx.sandbox;
  const account = accountByMemberId(state, memberId);
  const mine = state.coupons.filter((coupon) => account && coupon.accountId === account.id);
  return { json: { loyaltyCoupons: newestFirst(mine) } };
}

function queryCoupons(ctx: RequestContext) {
  requireApp(ctx);
  const { query } = parseOrThrow(z.object({ query: z.unknown() }), ctx.body());
  const page = runCursorQuery(newestFirst(ctx.sandbox.state.coupons), query, {
    fields: QUERY_FIELDS,
    path: 'query.',
  });
  // Query Loyalty Coupons answers its paging as `metadata`, which is where the SDK reads it.
  const { count, cursors } = page.pagingMetadata;
  return { json: { loyaltyCoupons: page.items, metadata: { count, cursors } } };
}

/** Deleting a loyalty coupon leaves the reference coupon usable, so the sandbox only forgets the record. */
function deleteCoupon(ctx: RequestContext) {
  requireApp(ctx);
  const { state } = ctx.sandbox;
  const coupon = requireCoupon(state, ctx.params.id ?? '');
  requireCurrentRevision(coupon, ctx.url.searchParams.get('revision'), 'revision');
  state.coupons = state.coupons.filter((candidate) => candidate !== coupon);
  return { json: {} };
}

export function registerCouponRoutes(router: Router): void {
  router
    .add('POST', `${BASE}/redeem-my-coupon`, redeemMine)
    .add('GET', `${BASE}/my-coupons`, myCoupons)
    .add('POST', `${BASE}/query`, queryCoupons)
    .add('POST', BASE, redeemForAccount)
    .add('GET', `${BASE}/:id`, (ctx) => {
      requireApp(ctx);
      return { json: { loyaltyCoupon: toRestCoupon(requireCoupon(ctx.sandbox.state, ctx.params.id ?? '')) } };
    })
    .add('DELETE', `${BASE}/:id`, deleteCoupon);
}
