import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { allRestAccounts } from './account-json';
import { requireApp } from './auth';
import { parseOrThrow } from './errors';
import { requireGuid } from './guid';
import { balanceAfter, applyAdjustment, parseAdjustment, requireAccount } from './points';
import { cursorQuerySchema, runCursorQuery, runListPage, selectItems, type QueryRules } from './query';
import {
  ALL_OPERATORS,
  EQUALITY_OPERATORS,
  RANGE_OPERATORS,
  type FieldRule,
  type FieldRules,
} from './query-filter';
import type { RequestContext, Router } from './router';
import { searchDetailsSchema } from './text-search';

const BASE = '/loyalty-accounts/v1/accounts';

/**
 * Newest first: the default the SDK typings give `queryLoyaltyAccounts()`. Search documents no default
 * order, so the sandbox uses the same there.
 */
const NEWEST_FIRST = [{ fieldName: 'createdDate', order: 'DESC' as const }];

const ID_FIELD: FieldRule = { operators: [...EQUALITY_OPERATORS, '$startsWith'], sortable: true };
const RANGE_FIELD: FieldRule = { operators: [...EQUALITY_OPERATORS, ...RANGE_OPERATORS], sortable: true };

/** The reference's "Supported Filters and Sorting" table for Query Loyalty Accounts. */
const QUERY_FIELDS: FieldRules = {
  id: ID_FIELD,
  contactId: ID_FIELD,
  memberId: ID_FIELD,
  'tier.id': ID_FIELD,
  'points.balance': RANGE_FIELD,
  'points.earned': RANGE_FIELD,
  'points.adjusted': RANGE_FIELD,
  'points.redeemed': RANGE_FIELD,
  'points.expired': RANGE_FIELD,
  createdDate: RANGE_FIELD,
  lastActivityDate: RANGE_FIELD,
  'pointsExpiration.expirationDate': RANGE_FIELD,
  'pointsExpiration.expiringPointsAmount': RANGE_FIELD,
};

const ANY_OPERATOR: FieldRule = { operators: ALL_OPERATORS, sortable: true };

/** The SDK's `LoyaltyAccountSearchSpec` in REST names: what Search, Count and Bulk Adjust filter on. */
const SEARCH_FIELDS: FieldRules = Object.fromEntries(
  [
    'updatedDate',
    'contact.id',
    'contact.displayName',
    'contact.email',
    'contact.name',
    'lastActivityDate',
    'points.balance',
    'points.redeemed',
    'pointsExpiration.expirationDate',
  ].map((field) => [field, ANY_OPERATOR]),
);
const SEARCHABLE = ['contact.email', 'contact.name'] as const;

const queryRules: QueryRules = { fields: QUERY_FIELDS, defaultSort: NEWEST_FIRST, path: 'query.' };
const searchRules = (path: string): QueryRules => ({
  fields: SEARCH_FIELDS,
  defaultSort: NEWEST_FIRST,
  searchable: SEARCHABLE,
  path,
});

const queryBodySchema = z.object({ query: z.unknown() });
const searchBodySchema = z.object({ search: cursorQuerySchema.nullish() });
const countBodySchema = z.object({
  filter: z.record(z.string(), z.unknown()).nullish(),
  search: searchDetailsSchema.nullish(),
});

/** List Accounts takes `contactIds` (repeated, or `contactIds[]` as in the reference) and `cursorPaging.*`. */
function listAccounts(ctx: RequestContext) {
  requireApp(ctx);
  const params = ctx.url.searchParams;
  const contactIds = [...params.getAll('contactIds'), ...params.getAll('contactIds[]')];
  for (const contactId of contactIds) requireGuid(contactId, 'contactIds');
  const filter = contactIds.length > 0 ? { contactId: { $in: contactIds } } : {};
  const page = runListPage(allRestAccounts(ctx.sandbox.state), params, filter);
  return { json: { accounts: page.items, pagingMetadata: page.pagingMetadata } };
}

function queryAccounts(ctx: RequestContext) {
  requireApp(ctx);
  const { query } = parseOrThrow(queryBodySchema, ctx.body());
  const page = runCursorQuery(allRestAccounts(ctx.sandbox.state), query, queryRules);
  return { json: { loyaltyAccounts: page.items, pagingMetadata: page.pagingMetadata } };
}

function searchAccounts(ctx: RequestContext) {
  requireApp(ctx);
  const { search } = parseOrThrow(searchBodySchema, ctx.body());
  const page = runCursorQuery(allRestAccounts(ctx.sandbox.state), search, searchRules('search.'));
  return { json: { accounts: page.items, pagingMetadata: page.pagingMetadata } };
}

function countAccounts(ctx: RequestContext) {
  requireApp(ctx);
  const selection = parseOrThrow(countBodySchema, ctx.body());
  return {
    json: { count: selectItems(allRestAccounts(ctx.sandbox.state), selection, searchRules('')).length },
  };
}

/**
 * Wix runs Bulk Adjust Points as an async job; the sandbox finishes it before answering, so the job
 * id is only a receipt (Get Async Job is not implemented). An account the adjustment would take
 * below zero is skipped, as Adjust Points would refuse it, and the others are still adjusted.
 */
function bulkAdjustPoints(ctx: RequestContext) {
  requireApp(ctx);
  const body = ctx.body();
  const adjustment = parseAdjustment(body);
  const { search } = parseOrThrow(searchBodySchema, body);
  const { state } = ctx.sandbox;
  const now = new Date();
  const targets = selectItems(allRestAccounts(state), search ?? {}, searchRules('search.')).map((account) =>
    requireAccount(state, account.id),
  );
  for (const account of targets) {
    if (balanceAfter(account, adjustment) >= 0) applyAdjustment(state, account, adjustment, now);
  }
  return { json: { asyncJobId: randomUUID() } };
}

export function registerAccountQueryRoutes(router: Router): void {
  router
    .add('POST', `${BASE}/query`, queryAccounts)
    .add('POST', `${BASE}/search`, searchAccounts)
    .add('POST', `${BASE}/count`, countAccounts)
    .add('POST', `${BASE}/bulk-adjust`, bulkAdjustPoints)
    .add('GET', BASE, listAccounts);
}
