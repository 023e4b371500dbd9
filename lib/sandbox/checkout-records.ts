import { restPrice, SITE_CURRENCY, toCents } from './money';
import type { CheckoutLineItemRecord, CheckoutRecord, CouponSpecification } from './state';

/**
 * A checkout's money, in cents. The sandbox sells nothing that ships and charges no tax, so the subtotal less
 * the coupon is the total, and a discount never takes it below zero.
 */
export type CheckoutTotals = {
  subtotal: number;
  shipping: number;
  tax: number;
  discount: number;
  total: number;
};

export const lineTotal = (item: CheckoutLineItemRecord) => item.priceCents * item.quantity;

/** What a coupon takes off a subtotal: its amount or rate, capped at the subtotal; free shipping, the shipping. */
export function couponDiscountCents(spec: CouponSpecification, subtotal: number, shipping: number): number {
  switch (spec.type) {
    case 'MONEY_OFF_AMOUNT':
      return Math.min(subtotal, toCents(spec.moneyOffAmount ?? 0));
    case 'PERCENT_OFF_RATE':
      return Math.min(subtotal, Math.round((subtotal * (spec.percentOffRate ?? 0)) / 100));
    case 'FREE_SHIPPING':
      return shipping;
  }
}

export function checkoutTotals(checkout: CheckoutRecord): CheckoutTotals {
  const subtotal = checkout.lineItems.reduce((sum, item) => sum + lineTotal(item), 0);
  const shipping = 0;
  const tax = 0;
  const discount = checkout.coupon
    ? couponDiscountCents(checkout.coupon.specification, subtotal, shipping)
    : 0;
  return { subtotal, shipping, tax, discount, total: Math.max(0, subtotal + shipping + tax - discount) };
}

function restLineItem(item: CheckoutLineItemRecord) {
  const price = restPrice(item.priceCents);
  const total = restPrice(lineTotal(item));
  return {
    id: item.id,
    quantity: item.quantity,
    ...(item.catalogReference && { catalogReference: item.catalogReference }),
    productName: { original: item.name, translated: item.name },
    price,
    fullPrice: price,
    priceBeforeDiscounts: price,
    lineItemPrice: total,
    totalPriceBeforeTax: total,
    totalPriceAfterTax: total,
    discount: restPrice(0),
    taxDetails: { taxableAmount: total, taxRate: '0', totalTax: restPrice(0) },
    availability: { status: 'AVAILABLE' },
    physicalProperties: { shippable: false },
    itemType: item.itemType,
    paymentOption: 'FULL_PAYMENT_ONLINE',
    customLineItem: item.custom,
    priceUndetermined: false,
    fixedQuantity: false,
    savePaymentMethod: false,
    membersOnly: false,
  };
}

function restPriceSummary(totals: CheckoutTotals) {
  return {
    subtotal: restPrice(totals.subtotal),
    shipping: restPrice(totals.shipping),
    tax: restPrice(totals.tax),
    discount: restPrice(totals.discount),
    total: restPrice(totals.total),
    additionalFees: restPrice(0),
  };
}

/**
 * The checkout's one coupon, as eCommerce lists an applied coupon: its id, code, name and value. A loyalty
 * discount reaches a checkout as a coupon, so this is where it shows.
 */
function restAppliedDiscounts(checkout: CheckoutRecord, totals: CheckoutTotals) {
  const coupon = checkout.coupon;
  if (!coupon) return [];
  return [
    {
      coupon: {
        id: coupon.couponId,
        code: coupon.code,
        name: coupon.name,
        amount: restPrice(totals.discount),
      },
      discountType: coupon.specification.type === 'FREE_SHIPPING' ? 'SHIPPING' : 'GLOBAL',
      lineItemIds: [],
    },
  ];
}

/** The REST shape of a checkout, as Get Checkout answers it. */
export function toRestCheckout(checkout: CheckoutRecord) {
  const totals = checkoutTotals(checkout);
  const { memberId, visitorId, contactId, email } = checkout.buyer;
  return {
    id: checkout.id,
    lineItems: checkout.lineItems.map(restLineItem),
    buyerInfo: {
      ...(memberId ? { memberId } : visitorId ? { visitorId } : {}),
      ...(contactId && { contactId }),
      ...(email && { email }),
    },
    conversionCurrency: SITE_CURRENCY,
    currency: SITE_CURRENCY,
    paymentCurrency: SITE_CURRENCY,
    priceSummary: restPriceSummary(totals),
    payNow: restPriceSummary(totals),
    payLater: restPriceSummary({ subtotal: 0, shipping: 0, tax: 0, discount: 0, total: 0 }),
    appliedDiscounts: restAppliedDiscounts(checkout, totals),
    additionalFees: [],
    customFields: [],
    violations: [],
    weightUnit: 'LB',
    channelType: checkout.channelType,
    siteLanguage: 'en',
    buyerLanguage: 'en',
    completed: checkout.completed,
    taxIncludedInPrice: false,
    createdBy: checkout.createdBy,
    createdDate: checkout.createdDate.toISOString(),
    updatedDate: checkout.updatedDate.toISOString(),
  };
}

export type RestCheckout = ReturnType<typeof toRestCheckout>;
