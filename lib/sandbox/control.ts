import { z } from 'zod';
import { toRestAccount } from './account-json';
import { toRestDiscount } from './checkout-discounts';
import { toRestCheckout } from './checkout-records';
import { resetSandbox } from './context';
import { toRestCoupon } from './coupon-records';
import { WixApiError, zodIssuesToViolations } from './errors';
import { describeFaults } from './faults';
import type { RequestContext, Router } from './router';
import { accountByMemberId, fullName } from './state';
import { controlTransaction } from './transactions';

/** Control endpoints: for tests and developers, not Wix paths, and never delayed or faulted. */

const latencySchema = z.object({ ms: z.int().min(0).max(60_000) });
const faultSchema = z.object({
  pathPrefix: z.string().startsWith('/'),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .optional(),
  status: z.int().min(400).max(599),
  times: z.int().min(1).max(1000),
});
const behaviourSchema = z.object({ followAwards: z.boolean().optional() }).strict();

/** A control body validated by `schema`, or a 400 with the violations. */
export function parseControlBody<T extends z.ZodType>(ctx: RequestContext, schema: T): z.output<T> {
  const input = ctx.body();
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new WixApiError(400, {
      message: 'Invalid control request',
      violations: zodIssuesToViolations(result.error.issues, input),
    });
  }
  return result.data;
}

function members(ctx: RequestContext) {
  const { state } = ctx.sandbox;
  return {
    json: {
      members: state.members.map((member) => {
        const account = accountByMemberId(state, member.id);
        return {
          id: member.id,
          contactId: member.contactId,
          name: fullName(member),
          loginEmail: member.loginEmail,
          account: account ? toRestAccount(state, account) : null,
        };
      }),
    },
  };
}

function dumpState(ctx: RequestContext) {
  const { state } = ctx.sandbox;
  return {
    json: {
      program: { name: state.program.name, status: state.program.status },
      accounts: state.accounts.map((account) => toRestAccount(state, account)),
      followedChannels: state.followedChannels.map((f) => ({
        ...f,
        createdDate: f.createdDate.toISOString(),
      })),
      transactions: state.transactions.map((t) => controlTransaction(state, t)),
      coupons: state.coupons.map(toRestCoupon),
      checkouts: state.checkouts.map(toRestCheckout),
      checkoutDiscounts: state.checkoutDiscounts.map(toRestDiscount),
      idempotencyKeys: [...state.earnResults.keys()].sort(),
    },
  };
}

export function registerControlRoutes(router: Router): void {
  router
    .add('GET', '/_sandbox/health', () => ({ json: { sandbox: true } }))
    .add('POST', '/_sandbox/reset', (ctx) => {
      resetSandbox(ctx.sandbox);
      return { json: { reset: true } };
    })
    .add('GET', '/_sandbox/members', members)
    .add('GET', '/_sandbox/transactions', (ctx) => ({
      json: {
        transactions: ctx.sandbox.state.transactions.map((t) => controlTransaction(ctx.sandbox.state, t)),
      },
    }))
    .add('GET', '/_sandbox/coupons', (ctx) => ({
      json: { coupons: ctx.sandbox.state.coupons.map(toRestCoupon) },
    }))
    .add('GET', '/_sandbox/state', dumpState)
    .add('GET', '/_sandbox/latency', (ctx) => ({ json: { ms: ctx.sandbox.latencyMs } }))
    .add('PUT', '/_sandbox/latency', (ctx) => {
      ctx.sandbox.latencyMs = parseControlBody(ctx, latencySchema).ms;
      return { json: { ms: ctx.sandbox.latencyMs } };
    })
    .add('GET', '/_sandbox/behaviour', (ctx) => ({ json: ctx.sandbox.behaviour }))
    .add('PUT', '/_sandbox/behaviour', (ctx) => {
      Object.assign(ctx.sandbox.behaviour, parseControlBody(ctx, behaviourSchema));
      return { json: ctx.sandbox.behaviour };
    })
    .add('GET', '/_sandbox/faults', (ctx) => ({ json: { faults: describeFaults(ctx.sandbox.faults) } }))
    .add('POST', '/_sandbox/faults', (ctx) => {
      const fault = parseControlBody(ctx, faultSchema);
      ctx.sandbox.faults.push({
        pathPrefix: fault.pathPrefix,
        method: fault.method,
        status: fault.status,
        remaining: fault.times,
      });
      return { json: { faults: describeFaults(ctx.sandbox.faults) } };
    })
    .add('DELETE', '/_sandbox/faults', (ctx) => {
      ctx.sandbox.faults.length = 0;
      return { json: { faults: [] } };
    });
}
