import { z } from 'zod';
import { toRestAccount } from './account-json';
import { requireApp, requireMember } from './auth';
import { applicationError, parseOrThrow, SandboxErrorCode, validationError } from './errors';
import { adjustPoints, createAccount, earnPoints, requireAccount } from './points';
import { matchesFilter, runCursorQuery } from './query';
import type { RequestContext, Router } from './router';
import { accountByContactId, accountByMemberId, type SandboxState } from './state';

const BASE = '/loyalty-accounts/v1/accounts';

const createAccountSchema = z.object({ contactId: z.string().min(1) });
const queryBodySchema = z.object({ query: z.unknown() });
const countBodySchema = z.object({ filter: z.record(z.string(), z.unknown()).nullish() });

const allAccounts = (state: SandboxState) => state.accounts.map((account) => toRestAccount(state, account));

function accountNotFound(description: string, data: Record<string, unknown>) {
  return applicationError(404, SandboxErrorCode.AccountNotFound, description, data);
}

function getMyAccount(ctx: RequestContext) {
  const memberId = requireMember(ctx);
  const { state } = ctx.sandbox;
  const account = accountByMemberId(state, memberId);
  if (!account) throw accountNotFound(`Member ${memberId} has no loyalty account`, { memberId });
  return { json: { account: toRestAccount(state, account) } };
}

function getBySecondaryId(ctx: RequestContext) {
  requireApp(ctx);
  const { state } = ctx.sandbox;
  const contactId = ctx.url.searchParams.get('contactId');
  const memberId = ctx.url.searchParams.get('memberId');
  if (!contactId && !memberId) {
    throw validationError([
      {
        field: 'contactId',
        description: 'contactId or memberId is required',
        violatedRule: 'ONE_OF_ALIGNMENT',
      },
    ]);
  }
  const account = contactId ? accountByContactId(state, contactId) : accountByMemberId(state, memberId ?? '');
  if (!account) throw accountNotFound('No loyalty account for that id', { contactId, memberId });
  return { json: { account: toRestAccount(state, account) } };
}

/** List Accounts takes `contactIds` (repeated, or `contactIds[]` as in the reference's curl) and `cursorPaging.*`. */
function listAccounts(ctx: RequestContext) {
  requireApp(ctx);
  const params = ctx.url.searchParams;
  const contactIds = [...params.getAll('contactIds'), ...params.getAll('contactIds[]')];
  const limit = params.get('cursorPaging.limit');
  const page = runCursorQuery(allAccounts(ctx.sandbox.state), {
    filter: contactIds.length > 0 ? { contactId: { $in: contactIds } } : {},
    cursorPaging: {
      limit: limit === null ? undefined : Number(limit),
      cursor: params.get('cursorPaging.cursor'),
    },
  });
  return { json: { accounts: page.items, pagingMetadata: page.pagingMetadata } };
}

function queryAccounts(ctx: RequestContext) {
  requireApp(ctx);
  const { query } = parseOrThrow(queryBodySchema, ctx.body());
  const page = runCursorQuery(allAccounts(ctx.sandbox.state), query);
  return { json: { loyaltyAccounts: page.items, pagingMetadata: page.pagingMetadata } };
}

function countAccounts(ctx: RequestContext) {
  requireApp(ctx);
  const { filter } = parseOrThrow(countBodySchema, ctx.body());
  const count = allAccounts(ctx.sandbox.state).filter((account) =>
    matchesFilter(account, filter ?? {}),
  ).length;
  return { json: { count } };
}

function programTotals(ctx: RequestContext) {
  requireApp(ctx);
  const accounts = allAccounts(ctx.sandbox.state);
  const sum = (field: 'balance' | 'earned' | 'adjusted' | 'redeemed' | 'expired') =>
    accounts.reduce((total, account) => total + account.points[field], 0);
  const tierIds = [undefined, ...ctx.sandbox.state.tiers.map((tier) => tier.id)];
  return {
    json: {
      points: {
        balance: sum('balance'),
        earned: sum('earned'),
        adjusted: sum('adjusted'),
        redeemed: sum('redeemed'),
        expired: sum('expired'),
      },
      tierTotals: tierIds.map((id) => ({
        ...(id && { id }),
        numberOfAccounts: accounts.filter((account) => account.tier.id === id).length,
      })),
    },
  };
}

export function registerAccountRoutes(router: Router): void {
  router
    .add('GET', `${BASE}/my-account`, getMyAccount)
    .add('GET', `${BASE}/fetch-by`, getBySecondaryId)
    .add('GET', `${BASE}/program-totals`, programTotals)
    .add('POST', `${BASE}/query`, queryAccounts)
    .add('POST', `${BASE}/count`, countAccounts)
    .add('GET', BASE, listAccounts)
    .add('POST', BASE, (ctx) => {
      requireApp(ctx);
      const { contactId } = parseOrThrow(createAccountSchema, ctx.body());
      return { json: createAccount(ctx.sandbox.state, contactId) };
    })
    .add('GET', `${BASE}/:id`, (ctx) => {
      requireApp(ctx);
      const account = requireAccount(ctx.sandbox.state, ctx.params.id ?? '');
      return { json: { account: toRestAccount(ctx.sandbox.state, account) } };
    })
    .add('POST', `${BASE}/:id/earn-points`, (ctx) => {
      requireApp(ctx);
      return { json: earnPoints(ctx.sandbox.state, ctx.params.id ?? '', ctx.body()) };
    })
    .add('POST', `${BASE}/:id/adjust-points`, (ctx) => {
      requireApp(ctx);
      return { json: adjustPoints(ctx.sandbox.state, ctx.params.id ?? '', ctx.body()) };
    });
}
