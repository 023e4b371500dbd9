import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { requireAppOrMember } from './auth';
import { activeDiscountOn, refundDiscount, requireNotCompleted } from './checkout-discounts';
import { toRestCheckout } from './checkout-records';
import {
  applicationError,
  parseOrThrow,
  permissionDenied,
  SandboxErrorCode,
  validationError,
} from './errors';
import { requireGuid } from './guid';
import { toCents } from './money';
import { SANDBOX_ADMIN_APP_ID } from './points';
import type { RequestContext, Router } from './router';
import {
  contactDetails,
  memberById,
  type CheckoutBuyer,
  type CheckoutLineItemRecord,
  type CheckoutRecord,
  type SandboxState,
} from './state';

const BASE = '/ecom/v1/checkouts';

const CHANNEL_TYPES = [
  'UNSPECIFIED',
  'WEB',
  'POS',
  'EBAY',
  'AMAZON',
  'OTHER_PLATFORM',
  'WIX_APP_STORE',
  'WIX_INVOICES',
  'BACKOFFICE_MERCHANT',
  'WISH',
  'CLASS_PASS',
  'GLOBAL_E',
  'FACEBOOK',
  'ETSY',
  'TIKTOK',
  'FAIRE_COM',
  'PAYPAL_AGENTIC_CHECKOUT',
  'STRIPE_AGENTIC_CHECKOUT',
] as const;

/** `@decimalValue { gte:0, lte:1000000000000000 }`, at most three decimals as prices have. */
const decimal = z.string().regex(/^\d{1,15}(\.\d{1,3})?$/, 'must be a non-negative decimal string');
const quantity = z.int().min(1).max(100_000);
const productName = z.object({ original: z.string().min(1).max(200) });
const itemType = z.union([
  z.object({ preset: z.enum(['PHYSICAL', 'DIGITAL', 'GIFT_CARD', 'SERVICE']) }),
  z.object({ custom: z.string().min(1) }),
]);
const catalogReference = z.object({
  catalogItemId: z.string().min(1).max(36),
  appId: z.string().min(1),
  options: z.record(z.string(), z.unknown()).nullish(),
});

const customLineItemSchema = z.object({
  id: z.string().nullish(),
  quantity,
  price: decimal,
  productName,
  itemType,
  catalogReference: catalogReference.optional(),
});

/** The sandbox has no catalog to price an item, so a catalog line item must carry its price as an override. */
const lineItemSchema = z.object({
  id: z.string().nullish(),
  quantity,
  catalogReference,
  catalogOverrideFields: z.object({ productName: productName.optional(), price: decimal }),
});

const buyerInfoSchema = z.object({
  memberId: z.guid().optional(),
  visitorId: z.guid().optional(),
  contactId: z.guid().nullish(),
  email: z.email().nullish(),
});

const createSchema = z.object({
  checkoutInfo: z.object({ buyerInfo: buyerInfoSchema.optional() }).optional(),
  lineItems: z.array(lineItemSchema).max(300).optional(),
  customLineItems: z.array(customLineItemSchema).max(300).optional(),
  channelType: z.enum(CHANNEL_TYPES),
  couponCode: z.string().nullish(),
  giftCardCode: z.string().nullish(),
});

type CreateInput = z.output<typeof createSchema>;

function lineItemsOf(input: CreateInput): CheckoutLineItemRecord[] {
  const custom = (input.customLineItems ?? []).map((item) => ({
    id: randomUUID(),
    name: item.productName.original,
    quantity: item.quantity,
    priceCents: toCents(item.price),
    custom: true,
    itemType: item.itemType,
    ...(item.catalogReference && { catalogReference: stripNull(item.catalogReference) }),
  }));
  const catalog = (input.lineItems ?? []).map((item) => ({
    id: randomUUID(),
    name: item.catalogOverrideFields.productName?.original ?? item.catalogReference.catalogItemId,
    quantity: item.quantity,
    priceCents: toCents(item.catalogOverrideFields.price),
    custom: false,
    itemType: { preset: 'PHYSICAL' },
    catalogReference: stripNull(item.catalogReference),
  }));
  const items = [...catalog, ...custom];
  if (items.length === 0) {
    throw validationError([
      {
        field: 'lineItems',
        description: 'a checkout needs at least one line item',
        violatedRule: 'REQUIRED_FIELD',
      },
    ]);
  }
  return items;
}

function stripNull(reference: z.output<typeof catalogReference>): CheckoutLineItemRecord['catalogReference'] {
  const { options, ...rest } = reference;
  return { ...rest, ...(options && { options }) };
}

function memberBuyer(state: SandboxState, memberId: string): CheckoutBuyer {
  const member = memberById(state, memberId);
  if (!member) {
    throw applicationError(404, SandboxErrorCode.MemberNotFound, `Member ${memberId} not found`, {
      memberId,
    });
  }
  return { memberId, contactId: member.contactId, email: member.loginEmail };
}

/** An app names the buyer; a member is always the buyer of the checkouts they create. */
function buyerOf(
  state: SandboxState,
  caller: { kind: 'app' } | { kind: 'member'; memberId: string },
  requested: z.output<typeof buyerInfoSchema> | undefined,
): CheckoutBuyer {
  if (caller.kind === 'member') {
    if (requested?.memberId && requested.memberId !== caller.memberId) {
      throw permissionDenied('A member may create checkouts for themselves only');
    }
    return memberBuyer(state, caller.memberId);
  }
  if (requested?.memberId) return memberBuyer(state, requested.memberId);
  const contactId = requested?.contactId ?? undefined;
  if (contactId && !contactDetails(state, contactId)) {
    throw applicationError(404, SandboxErrorCode.ContactNotFound, `Contact ${contactId} not found`, {
      contactId,
    });
  }
  const email = requested?.email ?? (contactId ? contactDetails(state, contactId)?.email : undefined);
  return {
    ...(requested?.visitorId && { visitorId: requested.visitorId }),
    ...(contactId && { contactId }),
    ...(email && { email }),
  };
}

export function createCheckout(
  state: SandboxState,
  caller: { kind: 'app' } | { kind: 'member'; memberId: string },
  body: unknown,
  now = new Date(),
): CheckoutRecord {
  const input = parseOrThrow(createSchema, body);
  if (input.couponCode || input.giftCardCode) {
    throw applicationError(
      501,
      SandboxErrorCode.FeatureNotImplemented,
      'The Wix sandbox applies coupons to a checkout through the loyalty checkout exchange only',
    );
  }
  const checkout: CheckoutRecord = {
    id: randomUUID(),
    buyer: buyerOf(state, caller, input.checkoutInfo?.buyerInfo),
    createdBy: caller.kind === 'member' ? { memberId: caller.memberId } : { appId: SANDBOX_ADMIN_APP_ID },
    channelType: input.channelType,
    lineItems: lineItemsOf(input),
    completed: false,
    createdDate: now,
    updatedDate: now,
  };
  state.checkouts.push(checkout);
  return checkout;
}

export function requireCheckout(state: SandboxState, id: string, field = 'id'): CheckoutRecord {
  requireGuid(id, field);
  const checkout = state.checkouts.find((candidate) => candidate.id === id);
  if (!checkout) {
    throw applicationError(404, SandboxErrorCode.CheckoutNotFound, `Checkout ${id} not found`, { id });
  }
  return checkout;
}

/**
 * The checkout `id` names, if the caller may see it: an API key sees every checkout, a member only those
 * they are the buyer of. Someone else's checkout is 403, so a member can tell "not mine" from "no such".
 */
export function checkoutForCaller(ctx: RequestContext, id: string, field = 'id'): CheckoutRecord {
  const caller = requireAppOrMember(ctx);
  const checkout = requireCheckout(ctx.sandbox.state, id, field);
  if (caller.kind === 'member' && checkout.buyer.memberId !== caller.memberId) {
    throw permissionDenied(`Checkout ${id} belongs to another buyer`);
  }
  return checkout;
}

/**
 * Remove Coupon is how a loyalty discount comes off a checkout: it reached the checkout as a coupon, so
 * removing that coupon refunds the exchange (REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL). A checkout that
 * already became an order is refused; one without a coupon is answered as it is.
 */
function removeCoupon(ctx: RequestContext) {
  const { state } = ctx.sandbox;
  const checkout = checkoutForCaller(ctx, ctx.params.id ?? '');
  requireNotCompleted(checkout);
  const discount = activeDiscountOn(state, checkout.id);
  if (discount) refundDiscount(state, discount, 'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL');
  else if (checkout.coupon) {
    delete checkout.coupon;
    checkout.updatedDate = new Date();
  }
  return { json: { checkout: toRestCheckout(checkout) } };
}

export function registerEcomCheckoutRoutes(router: Router): void {
  router
    .add('POST', BASE, (ctx) => {
      const caller = requireAppOrMember(ctx);
      return { json: { checkout: toRestCheckout(createCheckout(ctx.sandbox.state, caller, ctx.body())) } };
    })
    .add('GET', `${BASE}/:id`, (ctx) => ({
      json: { checkout: toRestCheckout(checkoutForCaller(ctx, ctx.params.id ?? '')) },
    }))
    .add('POST', `${BASE}/:id/remove-coupon`, removeCoupon);
}
