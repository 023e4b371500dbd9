import { z } from 'zod';
import { registerAccountQueryRoutes } from './account-queries';
import { allRestAccounts, toRestAccount } from './account-json';
import { requireApp, requireMember } from './auth';
import { applicationError, parseOrThrow, SandboxErrorCode, validationError } from './errors';
import { requireGuid } from './guid';
import { adjustPoints, createAccount, earnPoints, requireAccount } from './points';
import type { RequestContext, Router } from './router';
import { accountByContactId, accountByMemberId } from './state';

const BASE = '/loyalty-accounts/v1/accounts';

const createAccountSchema = z.object({ contactId: z.string().min(1) });

/** The account id of a `/accounts/{id}` path, which Wix validates as a GUID. */
const accountIdParam = (ctx: RequestContext, field: string) => requireGuid(ctx.params.id ?? '', field);

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
  const account = contactId
    ? accountByContactId(state, requireGuid(contactId, 'contactId'))
    : accountByMemberId(state, memberId ?? '');
  if (!account) throw accountNotFound('No loyalty account for that id', { contactId, memberId });
  return { json: { account: toRestAccount(state, account) } };
}

function programTotals(ctx: RequestContext) {
  requireApp(ctx);
  const accounts = allRestAccounts(ctx.sandbox.state);
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
  registerAccountQueryRoutes(router);
  router
    .add('GET', `${BASE}/my-account`, getMyAccount)
    .add('GET', `${BASE}/fetch-by`, getBySecondaryId)
    .add('GET', `${BASE}/program-totals`, programTotals)
    .add('POST', BASE, (ctx) => {
      requireApp(ctx);
      const { contactId } = parseOrThrow(createAccountSchema, ctx.body());
      return { json: createAccount(ctx.sandbox.state, requireGuid(contactId, 'contactId')) };
    })
    .add('GET', `${BASE}/:id`, (ctx) => {
      requireApp(ctx);
      const account = requireAccount(ctx.sandbox.state, accountIdParam(ctx, 'id'));
      return { json: { account: toRestAccount(ctx.sandbox.state, account) } };
    })
    .add('POST', `${BASE}/:id/earn-points`, (ctx) => {
      requireApp(ctx);
      return { json: earnPoints(ctx.sandbox.state, accountIdParam(ctx, 'accountId'), ctx.body()) };
    })
    .add('POST', `${BASE}/:id/adjust-points`, (ctx) => {
      requireApp(ctx);
      return { json: adjustPoints(ctx.sandbox.state, accountIdParam(ctx, 'accountId'), ctx.body()) };
    });
}
