/**
 * Every error code the server hands to a browser, one closed union per surface. Server code returns codes,
 * never sentences; components turn them into words in the shopper's language. Codes are part of the JSON
 * contract: add new ones, never rename.
 */

/** `/auth/error?reason=…`: why a sign-in did not complete. */
export const AUTH_ERROR_CODES = [
  'LOGIN_CANCELLED',
  'LOGIN_EXPIRED',
  'MISSING_CODE',
  'STATE_MISMATCH',
  'LOGIN_FAILED',
  'LOGIN_UNAVAILABLE',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/** `GET /api/loyalty/account` and the card it feeds. */
export type LoyaltyErrorCode = 'SIGN_IN_REQUIRED' | 'UPSTREAM_UNAVAILABLE';

/** The claim action. */
export type EarnErrorCode =
  | 'SIGN_IN_REQUIRED'
  | 'INVALID_INPUT'
  | 'INVALID_ACTIVITY'
  | 'ACTIVITY_DISABLED'
  | 'ALREADY_CLAIMED'
  | 'RATE_LIMITED'
  | 'NO_LOYALTY_ACCOUNT'
  | 'PROGRAM_INACTIVE'
  | 'UPSTREAM_UNAVAILABLE';

/** The join action. */
export type JoinErrorCode =
  'SIGN_IN_REQUIRED' | 'RATE_LIMITED' | 'ALREADY_MEMBER' | 'PROGRAM_INACTIVE' | 'UPSTREAM_UNAVAILABLE';

/** Requests refused at the door, before any feature runs (server action posts). */
export type RequestErrorCode = 'MALFORMED_REQUEST' | 'FORBIDDEN_ORIGIN';

/** The list of ways to earn. */
export type EarnOffersErrorCode = 'UPSTREAM_UNAVAILABLE';

/**
 * `POST /api/wix/webhooks`, answered to Wix (or whoever posts): 400 for a body that is not a webhook, 401
 * for a token we cannot trust, 413 for an oversized body, 503 when webhooks are off or the event could not
 * be processed yet (Wix retries those).
 */
export type WebhookErrorCode =
  | 'WEBHOOK_BODY_MISSING'
  | 'WEBHOOK_BODY_TOO_LARGE'
  | 'WEBHOOK_TOKEN_MALFORMED'
  | 'WEBHOOK_TOKEN_EXPIRED'
  | 'WEBHOOK_SIGNATURE_INVALID'
  | 'WEBHOOKS_NOT_CONFIGURED'
  | 'WEBHOOK_NOT_PROCESSED';

/** `GET /api/loyalty/events`, the card's live-update stream; `SHUTTING_DOWN` comes with `Retry-After`. */
export type LiveEventsErrorCode = 'SIGN_IN_REQUIRED' | 'UPSTREAM_UNAVAILABLE' | 'SHUTTING_DOWN';

/** The redeem action. */
export type RedeemErrorCode =
  | 'SIGN_IN_REQUIRED'
  | 'INVALID_INPUT'
  | 'NO_LOYALTY_ACCOUNT'
  | 'PROGRAM_INACTIVE'
  /** No active reward has that id: it never existed, or it was withdrawn. */
  | 'REWARD_UNAVAILABLE'
  /** The reward exists but not for the member's tier. */
  | 'REWARD_NOT_IN_TIER'
  | 'NOT_ENOUGH_POINTS'
  /** Another redemption by the same member is still running (a double click, a second tab). */
  | 'REDEMPTION_IN_PROGRESS'
  /** The member redeemed this reward seconds ago: taken for a repeat of that request, not a new one. */
  | 'RECENTLY_REDEEMED'
  | 'RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE';

/** Points at checkout (`POST /embed/api/checkout-apply`): a reward, a coupon or flexible points on a checkout. */
export const CHECKOUT_ERROR_CODES = [
  'SIGN_IN_REQUIRED',
  'NO_LOYALTY_ACCOUNT',
  'PROGRAM_INACTIVE',
  /** No checkout with that id is the member's: unknown, malformed or someone else's (all look the same). */
  'CHECKOUT_NOT_FOUND',
  /** A loyalty discount already holds this checkout (applied, in progress or completed). */
  'DISCOUNT_ALREADY_APPLIED',
  'NOT_ENOUGH_POINTS',
  /** Not a reward, coupon or flexible reward this member can use: unknown, withdrawn, used or another tier's. */
  'REWARD_UNAVAILABLE',
  /** Flexible points outside what the reward's steps, the balance and the checkout's total allow. */
  'POINTS_OUT_OF_RANGE',
  'REDEMPTION_IN_PROGRESS',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
] as const;
export type CheckoutErrorCode = (typeof CHECKOUT_ERROR_CODES)[number];

/** Taking the loyalty discount off a checkout (`POST /embed/api/checkout-remove`). */
export const CHECKOUT_REMOVE_ERROR_CODES = [
  'SIGN_IN_REQUIRED',
  'NO_LOYALTY_ACCOUNT',
  'PROGRAM_INACTIVE',
  /** As for an apply: unknown, malformed or someone else's checkout, all alike. */
  'CHECKOUT_NOT_FOUND',
  /** No loyalty discount waits on this checkout: none was applied, or it was already taken off or refunded. */
  'NO_DISCOUNT_TO_REMOVE',
  /** The checkout became an order: its discount was used and stays. */
  'ORDER_ALREADY_PLACED',
  /** Another spend or removal by the same member is still running (a double click, a second tab). */
  'REDEMPTION_IN_PROGRESS',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
] as const;
export type CheckoutRemoveErrorCode = (typeof CHECKOUT_REMOVE_ERROR_CODES)[number];

/** The rewards page: the rewards on offer and the member's coupons. */
export type RewardsPageErrorCode = 'UPSTREAM_UNAVAILABLE';

/** The tiers page and the widget's tiers view. */
export type TiersPageErrorCode = 'UPSTREAM_UNAVAILABLE';

/** The activity history and its "Show more". */
export type ActivityErrorCode =
  'SIGN_IN_REQUIRED' | 'NO_LOYALTY_ACCOUNT' | 'INVALID_INPUT' | 'UPSTREAM_UNAVAILABLE';

/** The language switcher: a locale the widget does not speak. */
export type LocaleErrorCode = 'UNSUPPORTED_LOCALE';

/**
 * The embedded widget's own routes (`/embed/api/*`): signing in inside the iframe with a popup's one-time
 * code or a storefront's signed member token, and requests refused at its door. Claims, joins, redemptions
 * and "Show more" from the widget answer with the earn, join, redeem and activity codes above, as the pages'
 * own actions do.
 */
export const EMBED_ERROR_CODES = [
  'FORBIDDEN_ORIGIN',
  'MALFORMED_REQUEST',
  /** The popup's code is unknown, was used already, or expired (codes live 60 seconds). */
  'HANDOFF_INVALID',
  /** The code was handed to another widget than the one that asks for it. */
  'HANDOFF_NONCE_MISMATCH',
  /** `data-member-token` was given, but this app has no `EMBED_SSO_SECRET`. */
  'MEMBER_TOKEN_DISABLED',
  /** Not a token we signed together: malformed, wrong signature or algorithm, missing claims, or over 5 minutes. */
  'MEMBER_TOKEN_INVALID',
  'MEMBER_TOKEN_EXPIRED',
  'MEMBER_TOKEN_REPLAYED',
  'MEMBER_TOKEN_WRONG_AUDIENCE',
  /** Wix knows no member with the token's `sub`. */
  'MEMBER_NOT_FOUND',
  'UPSTREAM_UNAVAILABLE',
] as const;
export type EmbedErrorCode = (typeof EMBED_ERROR_CODES)[number];

/** Why a friend's referral was refused (by Wix, or by the code's own form): each records nothing. */
export const REFERRAL_REFUSAL_CODES = [
  /** Not a referral code: not exactly 12 letters or digits. */
  'REFERRAL_CODE_INVALID',
  /** A well-formed code nobody has. */
  'REFERRAL_CODE_UNKNOWN',
  /** The member followed their own link. */
  'SELF_REFERRAL',
  /** The member was already referred, by this code or another one. */
  'ALREADY_REFERRED',
  /** The member already ordered from the shop: by the program's rule they are a customer, not a friend. */
  'ALREADY_CUSTOMER',
  /** The shop's referral program is not active. */
  'REFERRAL_PROGRAM_INACTIVE',
] as const;
export type ReferralRefusalCode = (typeof REFERRAL_REFUSAL_CODES)[number];

/** A friend arriving with a member's link, signed in, asks to be recorded (`POST /embed/api/referral`). */
export const REFERRAL_ERROR_CODES = [
  'SIGN_IN_REQUIRED',
  'MALFORMED_REQUEST',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  ...REFERRAL_REFUSAL_CODES,
] as const;
export type ReferralErrorCode = (typeof REFERRAL_ERROR_CODES)[number];

export type ErrorCode =
  | AuthErrorCode
  | LoyaltyErrorCode
  | EarnErrorCode
  | JoinErrorCode
  | EarnOffersErrorCode
  | WebhookErrorCode
  | LiveEventsErrorCode
  | RedeemErrorCode
  | RewardsPageErrorCode
  | TiersPageErrorCode
  | ActivityErrorCode
  | EmbedErrorCode
  | CheckoutErrorCode
  | CheckoutRemoveErrorCode
  | ReferralErrorCode
  | LocaleErrorCode;

export type Failure<Code extends ErrorCode> = { ok: false; code: Code };

export function failure<Code extends ErrorCode>(code: Code): Failure<Code> {
  return { ok: false, code };
}

export function isAuthErrorCode(value: unknown): value is AuthErrorCode {
  return AUTH_ERROR_CODES.includes(value as AuthErrorCode);
}

export function isEmbedErrorCode(value: unknown): value is EmbedErrorCode {
  return EMBED_ERROR_CODES.includes(value as EmbedErrorCode);
}
