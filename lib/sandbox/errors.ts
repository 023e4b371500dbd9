import type { z } from 'zod';

/**
 * Application error codes the sandbox answers with. Wix's loyalty reference pages only promise
 * "standard errors" for these methods, so where Wix names no specific code the sandbox uses a
 * descriptive one; callers should branch on the HTTP status first and the code second.
 */
export const SandboxErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  PermissionDenied: 'PERMISSION_DENIED',
  InvalidArgument: 'INVALID_ARGUMENT',
  /** The name `@wix/members` declares for GetMyMember when the caller is not a member. */
  NotFound: 'NOT_FOUND',
  AccountNotFound: 'ACCOUNT_NOT_FOUND',
  ContactNotFound: 'CONTACT_NOT_FOUND',
  MemberNotFound: 'MEMBER_NOT_FOUND',
  TierNotFound: 'TIER_NOT_FOUND',
  EarningRuleNotFound: 'EARNING_RULE_NOT_FOUND',
  TransactionNotFound: 'TRANSACTION_NOT_FOUND',
  RewardNotFound: 'REWARD_NOT_FOUND',
  CouponNotFound: 'COUPON_NOT_FOUND',
  AccountAlreadyExists: 'ACCOUNT_ALREADY_EXISTS',
  RevisionMismatch: 'REVISION_MISMATCH',
  ChannelAlreadyFollowed: 'CHANNEL_ALREADY_FOLLOWED',
  ProgramNotActive: 'PROGRAM_NOT_ACTIVE',
  ChannelNotEnabled: 'CHANNEL_NOT_ENABLED',
  BalanceCannotBeNegative: 'BALANCE_CANNOT_BE_NEGATIVE',
  RewardNotActive: 'REWARD_NOT_ACTIVE',
  RewardNotInTier: 'REWARD_NOT_AVAILABLE_FOR_TIER',
  NotEnoughPoints: 'NOT_ENOUGH_POINTS',
  /** A flexible (DISCOUNT_AMOUNT) reward is spent at checkout only, never redeemed for a coupon. */
  RewardNotRedeemableAsCoupon: 'REWARD_NOT_REDEEMABLE_AS_COUPON',
  CheckoutNotFound: 'CHECKOUT_NOT_FOUND',
  CheckoutCompleted: 'CHECKOUT_ALREADY_COMPLETED',
  LoyaltyDiscountAlreadyApplied: 'LOYALTY_DISCOUNT_ALREADY_APPLIED',
  PointsExceedCheckoutTotal: 'POINTS_EXCEED_CHECKOUT_TOTAL',
  CouponNotActive: 'COUPON_NOT_ACTIVE',
  ReferralRewardNotFound: 'REFERRAL_REWARD_NOT_FOUND',
  ReferralRewardNotActive: 'REFERRAL_REWARD_NOT_ACTIVE',
  EndpointNotImplemented: 'SANDBOX_ENDPOINT_NOT_IMPLEMENTED',
  /** A documented option of an implemented endpoint that the sandbox does not evaluate. */
  FeatureNotImplemented: 'SANDBOX_FEATURE_NOT_IMPLEMENTED',
  InjectedFault: 'SANDBOX_INJECTED_FAULT',
  Internal: 'INTERNAL',
} as const;

export type SandboxErrorCodeValue = (typeof SandboxErrorCode)[keyof typeof SandboxErrorCode];

/** Rule names from Wix's validation error vocabulary. */
export type ViolatedRule =
  | 'REQUIRED_FIELD'
  | 'MIN'
  | 'MAX'
  | 'MIN_LENGTH'
  | 'MAX_LENGTH'
  | 'FORMAT'
  | 'INVALID_ENUM_VALUE'
  | 'ONE_OF_ALIGNMENT'
  | 'OTHER';

export interface FieldViolation {
  field: string;
  description: string;
  violatedRule: ViolatedRule;
  data?: Record<string, unknown>;
}

export interface WixErrorBody {
  message: string;
  details: {
    applicationError?: { code: string; description: string; data: Record<string, unknown> };
    validationError?: { fieldViolations: FieldViolation[] };
  };
}

/** An error with the status and body Wix would send; the HTTP layer serialises it as is. */
export class WixApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: WixErrorBody | Record<string, unknown>,
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

export function applicationError(
  status: number,
  code: string,
  description: string,
  data: Record<string, unknown> = {},
): WixApiError {
  return new WixApiError(status, {
    message: description,
    details: { applicationError: { code, description, data } },
  });
}

export function validationError(fieldViolations: FieldViolation[]): WixApiError {
  const summary = fieldViolations.map((v) => `"${v.field}" ${v.description}`).join(', ');
  return new WixApiError(400, {
    message: `INVALID_ARGUMENT: ${summary}`,
    details: { validationError: { fieldViolations } },
  });
}

export const unauthenticated = (description: string) =>
  applicationError(401, SandboxErrorCode.Unauthenticated, description);

export const permissionDenied = (description: string) =>
  applicationError(403, SandboxErrorCode.PermissionDenied, description);

function valueAtPath(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function ruleFor(issue: z.core.$ZodIssue, input: unknown): ViolatedRule {
  switch (issue.code) {
    case 'invalid_type':
      return valueAtPath(input, issue.path) === undefined ? 'REQUIRED_FIELD' : 'FORMAT';
    case 'too_small':
      return issue.origin === 'string' ? 'MIN_LENGTH' : 'MIN';
    case 'too_big':
      return issue.origin === 'string' ? 'MAX_LENGTH' : 'MAX';
    case 'invalid_value':
      return 'INVALID_ENUM_VALUE';
    case 'invalid_format':
      return 'FORMAT';
    default:
      return 'OTHER';
  }
}

/** Turns zod issues into Wix `fieldViolations`, with REST (not SDK) field paths. */
export function zodIssuesToViolations(issues: z.core.$ZodIssue[], input: unknown): FieldViolation[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    description: issue.message,
    violatedRule: ruleFor(issue, input),
  }));
}

/** Parses `input` with `schema` or throws the 400 Wix sends for invalid requests. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(zodIssuesToViolations(result.error.issues, input));
  return result.data;
}
