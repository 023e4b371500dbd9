import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { announceAccountChange } from './account-changes';
import { toRestAccount } from './account-json';
import { applicationError, parseOrThrow, SandboxErrorCode, validationError } from './errors';
import { requireCurrentRevision } from './revision';
import {
  accountByContactId,
  accountById,
  contactDetails,
  memberByContactId,
  type AccountRecord,
  type SandboxState,
  type TransactionRecord,
} from './state';

/** Limits from the Earn Points and Adjust Points reference pages. */
export const earnPointsSchema = z.object({
  amount: z.int().min(1).max(9_999_999),
  appId: z.string().min(1).max(100),
  idempotencyKey: z.string().min(1).max(256),
  description: z.string().min(1).max(100).optional(),
  activityType: z.string().max(100).optional(),
  orderId: z.string().max(512).optional(),
  followedSocialMedia: z.object({ channel: z.string().min(1).max(32) }).optional(),
});

export const adjustPointsSchema = z.object({
  description: z.string().min(1).max(100).optional(),
  balance: z.int().min(0).max(999_999_999).optional(),
  amount: z.int().min(-9_999_999).max(9_999_999).optional(),
  revision: z.union([z.string().regex(/^\d+$/), z.int()]).optional(),
});

export type Adjustment = z.output<typeof adjustPointsSchema>;

/** `appId` the sandbox records for adjustments made with its admin API key. */
export const SANDBOX_ADMIN_APP_ID = '00000000-0000-4000-8000-00000000a0a0';

export function requireAccount(state: SandboxState, accountId: string): AccountRecord {
  const account = accountById(state, accountId);
  if (!account) {
    throw applicationError(404, SandboxErrorCode.AccountNotFound, `Loyalty account ${accountId} not found`, {
      accountId,
    });
  }
  return account;
}

export function requireActiveProgram(state: SandboxState): void {
  if (state.program.status !== 'ACTIVE') {
    throw applicationError(
      428,
      SandboxErrorCode.ProgramNotActive,
      `The loyalty program is ${state.program.status}; it must be ACTIVE`,
    );
  }
}

export function touch(account: AccountRecord, now: Date): void {
  account.revision += 1;
  account.updatedDate = now;
  account.lastActivityDate = now;
  account.tierUpdatedDate = now;
}

export function record(state: SandboxState, entry: Omit<TransactionRecord, 'id'>): TransactionRecord {
  const transaction = { id: randomUUID(), ...entry };
  state.transactions.push(transaction);
  return transaction;
}

export function createAccount(state: SandboxState, contactId: string, now = new Date()) {
  requireActiveProgram(state);
  if (!contactDetails(state, contactId)) {
    throw applicationError(404, SandboxErrorCode.ContactNotFound, `Contact ${contactId} not found`, {
      contactId,
    });
  }
  if (accountByContactId(state, contactId)) {
    throw applicationError(
      409,
      SandboxErrorCode.AccountAlreadyExists,
      `Contact ${contactId} already has a loyalty account`,
      { contactId },
    );
  }
  const account: AccountRecord = {
    id: randomUUID(),
    contactId,
    memberId: memberByContactId(state, contactId)?.id,
    points: { balance: 0, earned: 0, adjusted: 0, redeemed: 0, expired: 0 },
    createdDate: now,
    updatedDate: now,
    lastActivityDate: now,
    revision: 1,
    tierUpdatedDate: now,
  };
  state.accounts.push(account);
  announceAccountChange(state, account, null, now);
  return { account: toRestAccount(state, account) };
}

/**
 * Wix treats a repeated idempotency key as a retry: it answers with the first call's response and
 * awards nothing. Keys are scoped to the account. Everything between the lookup and the write is
 * synchronous, so concurrent retries cannot both award points.
 */
export function earnPoints(state: SandboxState, accountId: string, body: unknown, now = new Date()) {
  const input = parseOrThrow(earnPointsSchema, body);
  const account = requireAccount(state, accountId);
  const key = `${accountId} ${input.idempotencyKey}`;
  const previous = state.earnResults.get(key);
  if (previous) return previous;
  requireActiveProgram(state);
  const shownBefore = toRestAccount(state, account);
  const before = account.points.balance;
  account.points.balance += input.amount;
  account.points.earned += input.amount;
  touch(account, now);
  announceAccountChange(state, account, shownBefore, now);
  const transaction = record(state, {
    accountId,
    type: 'EARN',
    amount: input.amount,
    createdDate: now,
    description: input.description ?? '',
    amountBefore: before,
    amountAfter: account.points.balance,
    appId: input.appId,
    idempotencyKey: input.idempotencyKey,
    activityType: input.activityType,
    orderId: input.orderId,
    channel: input.followedSocialMedia?.channel,
  });
  const response = { account: toRestAccount(state, account), transactionId: transaction.id };
  state.earnResults.set(key, response);
  return response;
}

/** An Adjust Points body needs `balance` or a non-zero `amount`; Bulk Adjust Points takes the same two. */
export function parseAdjustment(body: unknown): Adjustment {
  const input = parseOrThrow(adjustPointsSchema, body);
  if (input.balance === undefined && input.amount === undefined) {
    throw validationError([
      {
        field: 'amount',
        description: 'either amount or balance is required',
        violatedRule: 'ONE_OF_ALIGNMENT',
      },
    ]);
  }
  if (input.balance === undefined && input.amount === 0) {
    throw validationError([{ field: 'amount', description: 'must not be 0', violatedRule: 'OTHER' }]);
  }
  return input;
}

/** `balance` wins over `amount` when both are sent, as the reference page says. */
export function balanceAfter(account: AccountRecord, input: Adjustment): number {
  return input.balance ?? account.points.balance + (input.amount ?? 0);
}

export function adjustPoints(state: SandboxState, accountId: string, body: unknown, now = new Date()) {
  const input = parseAdjustment(body);
  const account = requireAccount(state, accountId);
  // "The current revision must be passed when adjusting points" (Adjust Points reference).
  requireCurrentRevision(account, input.revision, 'revision');
  return applyAdjustment(state, account, input, now);
}

/** Records one ADJUST transaction; an account's balance never goes below zero. */
export function applyAdjustment(state: SandboxState, account: AccountRecord, input: Adjustment, now: Date) {
  const before = account.points.balance;
  const after = balanceAfter(account, input);
  if (after < 0) {
    throw applicationError(
      400,
      SandboxErrorCode.BalanceCannotBeNegative,
      `Adjusting by ${after - before} would leave a balance of ${after}`,
      { balance: before, amount: after - before },
    );
  }
  const shownBefore = toRestAccount(state, account);
  account.points.balance = after;
  account.points.adjusted += after - before;
  touch(account, now);
  announceAccountChange(state, account, shownBefore, now);
  const transaction = record(state, {
    accountId: account.id,
    type: 'ADJUST',
    amount: after - before,
    createdDate: now,
    description: input.description ?? '',
    amountBefore: before,
    amountAfter: after,
    appId: SANDBOX_ADMIN_APP_ID,
  });
  return { account: toRestAccount(state, account), transactionId: transaction.id };
}
