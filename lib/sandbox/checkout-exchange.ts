import { z } from 'zod';
import { requireAppOrMember } from './auth';
import { applyLoyaltyDiscount, toRestDiscount, type DiscountRequest } from './checkout-discounts';
import { checkoutForCaller } from './ecom-checkouts';
import { applicationError, parseOrThrow, SandboxErrorCode, validationError } from './errors';
import { requireGuid } from './guid';
import { runCursorQuery } from './query';
import { ALL_OPERATORS, type FieldRules } from './query-filter';
import type { RequestContext, Router } from './router';
import {
  accountByContactId,
  accountByMemberId,
  type AccountRecord,
  type CheckoutRecord,
  type SandboxState,
} from './state';

const BASE = '/loyalty-checkout-exchange/v1';

const revision = z.union([z.string(), z.int()]).nullish();
const applySchema = z.object({
  checkoutId: z.string(),
  reward: z
    .object({ id: z.string(), pointsToSpend: z.int().min(1).max(9_999_999).nullish(), revision })
    .optional(),
  loyaltyCoupon: z.object({ id: z.string(), revision }).optional(),
  referralReward: z.object({ id: z.string(), revision }).optional(),
});

/** `LoyaltyCheckoutDiscountQuerySpec`: `checkoutId` and `status`, every operator, sortable both ways. */
const QUERY_FIELDS: FieldRules = {
  checkoutId: { operators: ALL_OPERATORS, sortable: true },
  status: { operators: ALL_OPERATORS, sortable: true },
};

/** Whose points pay: the checkout's buyer, a member or a contact with a loyalty account. */
function buyerAccount(state: SandboxState, checkout: CheckoutRecord): AccountRecord {
  const { memberId, contactId } = checkout.buyer;
  const account =
    (memberId && accountByMemberId(state, memberId)) || (contactId && accountByContactId(state, contactId));
  if (!account) {
    throw applicationError(
      404,
      SandboxErrorCode.AccountNotFound,
      `The buyer of checkout ${checkout.id} has no loyalty account`,
      { checkoutId: checkout.id },
    );
  }
  return account;
}

function discountRequest(input: z.output<typeof applySchema>): DiscountRequest {
  const given = (['reward', 'loyaltyCoupon', 'referralReward'] as const).filter((key) => input[key]);
  if (given.length !== 1) {
    throw validationError([
      {
        field: 'reward',
        description: 'exactly one of reward, loyaltyCoupon or referralReward is required',
        violatedRule: 'ONE_OF_ALIGNMENT',
      },
    ]);
  }
  if (input.reward) {
    const { id, pointsToSpend } = input.reward;
    return { reward: { id: requireGuid(id, 'reward.id'), pointsToSpend: pointsToSpend ?? undefined } };
  }
  if (input.loyaltyCoupon) {
    return { loyaltyCoupon: { id: requireGuid(input.loyaltyCoupon.id, 'loyaltyCoupon.id') } };
  }
  const referralReward = input.referralReward as { id: string };
  return { referralReward: { id: requireGuid(referralReward.id, 'referralReward.id') } };
}

/**
 * A member applies to checkouts they are the buyer of, with their own points; an API key to any checkout,
 * with its buyer's points. Someone else's checkout is 403, as for Get Checkout.
 */
function applyDiscount(ctx: RequestContext) {
  const input = parseOrThrow(applySchema, ctx.body());
  const request = discountRequest(input);
  const checkout = checkoutForCaller(ctx, input.checkoutId, 'checkoutId');
  const { state } = ctx.sandbox;
  const discount = applyLoyaltyDiscount(state, checkout, buyerAccount(state, checkout), request);
  return { json: { discount: toRestDiscount(discount) } };
}

/** A member sees the discounts paid from their own account; an API key sees all of them. */
function queryDiscounts(ctx: RequestContext) {
  const caller = requireAppOrMember(ctx);
  const { query } = parseOrThrow(z.object({ query: z.unknown() }), ctx.body());
  const { state } = ctx.sandbox;
  const own = caller.kind === 'member' ? accountByMemberId(state, caller.memberId)?.id : undefined;
  const visible = state.checkoutDiscounts
    .filter((discount) => caller.kind === 'app' || discount.accountId === own)
    .sort((a, b) => b.appliedDate.getTime() - a.appliedDate.getTime())
    .map(toRestDiscount);
  const page = runCursorQuery(visible, query, { fields: QUERY_FIELDS, path: 'query.' });
  return { json: { loyaltyCheckoutDiscounts: page.items, pagingMetadata: page.pagingMetadata } };
}

export function registerCheckoutExchangeRoutes(router: Router): void {
  router
    .add('POST', `${BASE}/loyalty-checkout-discount`, applyDiscount)
    .add('POST', `${BASE}/loyalty-checkout-discounts/query`, queryDiscounts);
}
