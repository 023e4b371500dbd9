/** The sandbox's in-memory model. Dates are `Date`s here and become ISO strings only in REST JSON. */

import type { ReferralState } from './referral-records';

export const SOCIAL_CHANNELS = ['FACEBOOK', 'INSTAGRAM', 'LINKEDIN', 'X', 'TIKTOK'] as const;
export type SocialChannel = (typeof SOCIAL_CHANNELS)[number];

export type ProgramStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED';

export interface DemoMember {
  id: string;
  contactId: string;
  firstName: string;
  lastName: string;
  loginEmail: string;
  slug: string;
  createdDate: Date;
  lastLoginDate: Date;
}

/** A Wix `Image`, as a contact's profile picture. */
export interface ContactPicture {
  id: string;
  url: string;
  width: number;
  height: number;
}

/** A site contact who is not a member: Wix lets any contact hold a loyalty account. */
export interface SiteContact {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  picture?: ContactPicture;
}

/** What an account shows of its owner, whether a member or a plain contact. */
export interface ContactDetails {
  id: string;
  name: string;
  email: string;
  picture?: ContactPicture;
}

export interface Points {
  balance: number;
  earned: number;
  adjusted: number;
  redeemed: number;
  expired: number;
}

export interface AccountRecord {
  id: string;
  contactId: string;
  memberId: string | undefined;
  points: Points;
  createdDate: Date;
  updatedDate: Date;
  lastActivityDate: Date;
  revision: number;
  tierUpdatedDate: Date;
}

export type TransactionType = 'EARN' | 'REDEEM' | 'ADJUST' | 'EXPIRE' | 'REFUND';

/** `amount` is the signed change to the balance: EARN and REFUND > 0, REDEEM and EXPIRE < 0, ADJUST either. */
export interface TransactionRecord {
  id: string;
  accountId: string;
  type: TransactionType;
  amount: number;
  createdDate: Date;
  description: string;
  amountBefore: number;
  amountAfter: number;
  appId?: string;
  idempotencyKey?: string;
  activityType?: string;
  orderId?: string;
  channel?: string;
  rewardId?: string;
  /** The REDEEM transaction a REFUND gives back. */
  refundedTransactionId?: string;
}

export interface FollowedChannelRecord {
  id: string;
  accountId: string;
  channel: SocialChannel;
  createdDate: Date;
}

export interface TierRecord {
  id: string;
  name: string;
  description: string;
  iconUrl: string;
  requiredPoints: number;
  createdDate: Date;
  updatedDate: Date;
  revision: number;
}

export interface ProgramRecord {
  name: string;
  pointsName: string;
  status: ProgramStatus;
  createdDate: Date;
  updatedDate: Date;
  pointsExpiration: {
    status: 'ENABLED' | 'DISABLED';
    monthsOfInactivity: number;
    expiringPointsPercentage: number;
  };
  tiersProgram: {
    status: 'ACTIVE' | 'PAUSED' | 'DISABLED';
    rollingWindowMonths: number;
    createdDate: Date;
    updatedDate: Date;
    revision: number;
    baseTier: { name: string; description: string; iconUrl: string };
  };
}

export interface RuleConfig {
  tierId?: string;
  points: number;
  moneyAmount?: number;
}

export interface EarningRuleRecord {
  id: string;
  title: string;
  sourceAppId: string;
  triggerAppId: string;
  triggerActivityType: string;
  status: 'ACTIVE' | 'PAUSED';
  kind: 'fixedAmount' | 'conversionRate';
  configs: RuleConfig[];
  createdDate: Date;
  updatedDate: Date;
  revision: number;
  canBeDeleted: boolean;
}

/**
 * What a reward gives: a coupon reward's `couponReward` holds one of the first three; `discountAmount` is Wix's
 * flexible reward (type DISCOUNT_AMOUNT), spent only at checkout, `costInPoints` points for `amount` money off.
 */
export type RewardDiscountKind = 'fixedAmount' | 'percentage' | 'freeShipping' | 'discountAmount';

/** One tier's terms of a reward: no `tierId` is the base tier. A tier without a config cannot redeem it. */
export interface RewardTierConfig {
  tierId?: string;
  costInPoints: number;
  /** Money off, for `fixedAmount`; for `discountAmount`, what `costInPoints` points are worth. */
  amount?: number;
  /** Percent off, for `percentage`. */
  percentage?: number;
}

export interface RewardRecord {
  id: string;
  name: string;
  active: boolean;
  discount: RewardDiscountKind;
  configs: RewardTierConfig[];
  minimumSubtotal?: number;
  createdDate: Date;
  updatedDate: Date;
  revision: number;
}

export type CouponStatus = 'PENDING' | 'ACTIVE' | 'APPLIED' | 'FAILED' | 'ARCHIVED';

/** What the reference coupon gives, in the Coupons API's `specification` terms. */
export interface CouponSpecification {
  type: 'MONEY_OFF_AMOUNT' | 'PERCENT_OFF_RATE' | 'FREE_SHIPPING';
  moneyOffAmount?: number;
  percentOffRate?: number;
  freeShipping?: boolean;
  minimumSubtotal?: number;
}

/** A loyalty coupon and the reference coupon Wix creates with it. */
export interface CouponRecord {
  id: string;
  accountId: string;
  memberId: string | undefined;
  transactionId: string;
  rewardId: string;
  rewardName: string;
  couponId: string;
  code: string;
  specification: CouponSpecification;
  status: CouponStatus;
  /** Made by a checkout exchange: Wix deletes it in the background and says it must not be shown. */
  refundable?: boolean;
  createdDate: Date;
  updatedDate: Date;
  revision: number;
}

/** One line of a checkout; prices are in cents of the site's currency. */
export interface CheckoutLineItemRecord {
  id: string;
  name: string;
  quantity: number;
  priceCents: number;
  custom: boolean;
  itemType: { preset: string } | { custom: string };
  catalogReference?: { catalogItemId: string; appId: string; options?: Record<string, unknown> };
}

/** Who a checkout is for: a member, or a contact or visitor who is not signed in. */
export interface CheckoutBuyer {
  memberId?: string;
  contactId?: string;
  visitorId?: string;
  email?: string;
}

/** The coupon applied to a checkout: a checkout holds one at a time. */
export interface AppliedCouponRecord {
  couponId: string;
  code: string;
  name: string;
  specification: CouponSpecification;
}

export interface CheckoutRecord {
  id: string;
  buyer: CheckoutBuyer;
  createdBy: { memberId: string } | { appId: string };
  channelType: string;
  lineItems: CheckoutLineItemRecord[];
  coupon?: AppliedCouponRecord;
  completed: boolean;
  /** The order the checkout became, once placed: its id and the number a shopper sees. */
  order?: { id: string; number: string };
  createdDate: Date;
  updatedDate: Date;
}

export type CheckoutDiscountStatus =
  'APPLIED' | 'COMPLETED' | 'REFUNDED_DUE_TO_TIMEOUT' | 'REFUNDED_DUE_TO_MANUAL_DISCOUNT_REMOVAL';

export type CheckoutDiscountType = 'DISCOUNT_AMOUNT' | 'LOYALTY_COUPON' | 'COUPON_REWARD' | 'REFERRAL_REWARD';

/** A loyalty checkout discount: points (or a coupon) exchanged for a discount on one checkout. */
export interface CheckoutDiscountRecord {
  id: string;
  checkoutId: string;
  accountId: string;
  discountType: CheckoutDiscountType;
  rewardId?: string;
  /** The loyalty coupon exchanged or held; none for a referral reward, which names its record instead. */
  loyaltyCouponId?: string;
  referralRewardId?: string;
  status: CheckoutDiscountStatus;
  /** Points spent: 0 for a coupon the member already held. */
  pointsSpent: number;
  /** The REDEEM transaction that spent them; a refund names it. */
  transactionId?: string;
  appliedDate: Date;
  updatedDate: Date;
}

export interface SandboxState {
  program: ProgramRecord;
  tiers: TierRecord[];
  earningRules: EarningRuleRecord[];
  members: DemoMember[];
  /** Contacts who are not members; members' contact details live on `members`. */
  contacts: SiteContact[];
  accounts: AccountRecord[];
  transactions: TransactionRecord[];
  followedChannels: FollowedChannelRecord[];
  rewards: RewardRecord[];
  coupons: CouponRecord[];
  checkouts: CheckoutRecord[];
  checkoutDiscounts: CheckoutDiscountRecord[];
  /** Earn Points responses by `${accountId} ${idempotencyKey}`, replayed verbatim on retries. */
  earnResults: Map<string, unknown>;
  /** The Referral Program: its settings, codes, friends, rewards and tracker events. */
  referrals: ReferralState;
}

export function memberById(state: SandboxState, id: string): DemoMember | undefined {
  return state.members.find((m) => m.id === id);
}

export function memberByContactId(state: SandboxState, contactId: string): DemoMember | undefined {
  return state.members.find((m) => m.contactId === contactId);
}

export function contactDetails(state: SandboxState, contactId: string): ContactDetails | undefined {
  const member = memberByContactId(state, contactId);
  if (member) return { id: member.contactId, name: fullName(member), email: member.loginEmail };
  const contact = state.contacts.find((c) => c.id === contactId);
  if (!contact) return undefined;
  return {
    id: contact.id,
    name: `${contact.firstName} ${contact.lastName}`,
    email: contact.email,
    picture: contact.picture,
  };
}

export function accountById(state: SandboxState, id: string): AccountRecord | undefined {
  return state.accounts.find((a) => a.id === id);
}

export function accountByContactId(state: SandboxState, contactId: string): AccountRecord | undefined {
  return state.accounts.find((a) => a.contactId === contactId);
}

export function accountByMemberId(state: SandboxState, memberId: string): AccountRecord | undefined {
  return state.accounts.find((a) => a.memberId === memberId);
}

export function fullName(member: DemoMember): string {
  return `${member.firstName} ${member.lastName}`;
}

/** Calendar-month arithmetic in UTC, as points expiration is configured in months. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}
