import { z } from 'zod';
import { requireApp } from './auth';
import { applicationError, parseOrThrow, SandboxErrorCode } from './errors';
import { runCursorQuery } from './query';
import type { Router } from './router';
import { accountById, type SandboxState, type TransactionRecord } from './state';

const BASE = '/loyalty-transactions/v1/loyalty-transactions';

/** The Loyalty Transactions REST shape: one `*Info` object per transaction type. */
export function restTransaction(t: TransactionRecord) {
  const info = (() => {
    switch (t.type) {
      case 'EARN':
        return {
          earnInfo: {
            appId: t.appId ?? '',
            activityType: t.activityType ?? '',
            ...(t.orderId && { orderId: t.orderId }),
            ...(t.channel && { followedSocialMedia: { channel: t.channel } }),
          },
        };
      case 'ADJUST':
        return {
          adjustInfo: { appId: t.appId ?? '', amountBefore: t.amountBefore, amountAfter: t.amountAfter },
        };
      case 'REDEEM':
        return { redeemInfo: { rewardId: t.rewardId ?? '' } };
      case 'EXPIRE':
        return { expireInfo: { amountBefore: t.amountBefore, amountAfter: t.amountAfter } };
      case 'REFUND':
        return {
          refundInfo: { appId: t.appId ?? '', refundedTransactionId: t.refundedTransactionId ?? null },
        };
    }
  })();
  return {
    id: t.id,
    accountId: t.accountId,
    createdDate: t.createdDate.toISOString(),
    amount: t.amount,
    transactionType: t.type,
    description: t.description,
    idempotencyKey: t.idempotencyKey ?? '',
    ...info,
  };
}

/** The flat view `GET /_sandbox/transactions` returns, convenient for assertions. */
export function controlTransaction(state: SandboxState, t: TransactionRecord) {
  return {
    id: t.id,
    accountId: t.accountId,
    contactId: accountById(state, t.accountId)?.contactId ?? null,
    type: t.type,
    amount: t.amount,
    ...(t.idempotencyKey && { idempotencyKey: t.idempotencyKey }),
    ...(t.activityType && { activityType: t.activityType }),
    ...(t.channel && { channel: t.channel }),
    ...(t.orderId && { orderId: t.orderId }),
    ...(t.rewardId && { rewardId: t.rewardId }),
    ...(t.refundedTransactionId && { refundedTransactionId: t.refundedTransactionId }),
    ...(t.appId && { appId: t.appId }),
    ...(t.description && { description: t.description }),
    createdDate: t.createdDate.toISOString(),
  };
}

const queryBodySchema = z.object({ query: z.unknown() });

export function registerTransactionRoutes(router: Router): void {
  router
    .add('POST', `${BASE}/query`, (ctx) => {
      requireApp(ctx);
      const { query } = parseOrThrow(queryBodySchema, ctx.body());
      const newestFirst = [...ctx.sandbox.state.transactions]
        .sort((a, b) => b.createdDate.getTime() - a.createdDate.getTime())
        .map(restTransaction);
      const page = runCursorQuery(newestFirst, query);
      return { json: { loyaltyTransactions: page.items, pagingMetadata: page.pagingMetadata } };
    })
    .add('GET', `${BASE}/:id`, (ctx) => {
      requireApp(ctx);
      const transaction = ctx.sandbox.state.transactions.find((t) => t.id === ctx.params.id);
      if (!transaction) {
        throw applicationError(
          404,
          SandboxErrorCode.TransactionNotFound,
          `Transaction ${ctx.params.id} not found`,
        );
      }
      return { json: { loyaltyTransaction: restTransaction(transaction) } };
    });
}
