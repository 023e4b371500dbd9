import 'server-only';
import { context, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import { logger } from '@/lib/observability/logger';
import { recordWixCall } from '@/lib/observability/metrics';
import { processSingleton } from '@/lib/stores/process-singleton';
import { classifyTokenFailure, classifyWixFailure, wixFailureDetails, type WixFailureKind } from './errors';

/**
 * Every Wix call passes here on its way out (the clients of `clients.ts` are wrapped): it is timed, counted
 * (`loyalty_wix_calls_total`, `loyalty_wix_call_duration_seconds`), traced as a span named for the SDK
 * method under the request's span, and, when it fails, logged once, here, where the failure is classified.
 * Callers branch on the failure; they do not log it again.
 */

type Classify = (error: unknown) => WixFailureKind;

/** Expected refusals are worth a line, not an alarm; only an outage is an error. */
const LEVEL_BY_KIND: Record<WixFailureKind, 'info' | 'warn' | 'error'> = {
  'not-found': 'info',
  conflict: 'info',
  precondition: 'info',
  unauthenticated: 'warn',
  // A site's permissions: the operator's to fix (`npm run doctor` names the method), not an outage.
  forbidden: 'warn',
  invalid: 'warn',
  unavailable: 'error',
};

const tracer = trace.getTracer('loyalty-widget');

/** The failures logged here, so a caller's report of the same one adds no second line. */
const logged = processSingleton('wix-failures-logged', () => new WeakSet<object>());

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** The SDK's `query…()` functions answer a builder at once; its `find()` makes the call. */
function isQueryBuilder(value: unknown): value is { find: () => unknown } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { find?: unknown }).find === 'function'
  );
}

type Started = { method: string; parent: Context; startTime: number; startedAt: number; classify: Classify };

function settle(
  { method, parent, startTime, startedAt, classify }: Started,
  failed: boolean,
  error?: unknown,
) {
  const latencyMs = performance.now() - startedAt;
  const kind = failed ? classify(error) : 'ok';
  recordWixCall(method, kind, latencyMs / 1000);
  const { status, code } = failed ? wixFailureDetails(error) : { status: 200, code: null };
  // Made once the call is over, with its start time, so a query builder (whose call happens later, in
  // `find`) gets one span too; the SDK's HTTP request sits beside it under the same parent.
  const span = tracer.startSpan(
    method,
    {
      kind: SpanKind.CLIENT,
      startTime,
      attributes: {
        'wix.method': method,
        'wix.outcome': kind,
        // Wix answers 200 to every call that succeeds; the SDK does not hand the status on.
        ...(status !== null && { 'http.response.status_code': status }),
        ...(code !== null && { 'wix.error_code': code }),
      },
    },
    parent,
  );
  span.setStatus(failed ? { code: SpanStatusCode.ERROR, message: kind } : { code: SpanStatusCode.OK });
  span.end(startTime + latencyMs);
  if (failed) {
    const fields = { method, kind, wixCode: code, status, latencyMs: Math.round(latencyMs * 10) / 10 };
    context.with(parent, () => logger[LEVEL_BY_KIND[kind as WixFailureKind]](fields, 'Wix call failed'));
    if (typeof error === 'object' && error !== null) logged.add(error);
  }
}

/**
 * For a caller that gives up because something failed: logs it, unless it is a Wix call's failure, which the
 * door logged already. What is left is the rest (a store, a bug), named by its type and `what` it stopped.
 */
export function logFailure(error: unknown, what: string): void {
  if (typeof error === 'object' && error !== null && logged.has(error)) return;
  logger.error({ err: error }, `${what} failed`);
}

/** Runs one SDK call (or builds its query) through the door. */
export function observeWixCall<T>(method: string, call: () => T, classify: Classify = classifyWixFailure): T {
  const started: Started = {
    method,
    parent: context.active(),
    startTime: Date.now(),
    startedAt: performance.now(),
    classify,
  };
  let result: T;
  try {
    result = call();
  } catch (error) {
    settle(started, true, error);
    throw error;
  }
  if (isThenable(result)) {
    return result.then(
      (value) => {
        settle(started, false);
        return value;
      },
      (error: unknown) => {
        settle(started, true, error);
        throw error;
      },
    ) as T;
  }
  return isQueryBuilder(result) ? (observeQuery(method, result, classify) as T) : result;
}

/** A query builder whose every refinement stays observed, and whose `find` is the call. */
function observeQuery<Builder extends object>(method: string, builder: Builder, classify: Classify): Builder {
  return new Proxy(builder, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'find') {
        return (...args: unknown[]) => observeWixCall(method, () => value.apply(target, args), classify);
      }
      return (...args: unknown[]) => {
        const next: unknown = value.apply(target, args);
        return isQueryBuilder(next) ? observeQuery(method, next, classify) : next;
      };
    },
  });
}

/** `module`'s functions (or only those named), each observed as `<name>.<function>`. */
function observeFunctions<Module extends object>(
  name: string,
  module: Module,
  classify: Classify,
  only?: ReadonlySet<string>,
): Module {
  const wrappers = new Map<string, unknown>();
  return new Proxy(module, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      if (only && !only.has(property)) return value;
      let wrapper = wrappers.get(property);
      if (!wrapper) {
        const method = `${name}.${property}`;
        wrapper = (...args: unknown[]) => observeWixCall(method, () => value.apply(target, args), classify);
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}

/** An SDK client whose named modules are observed: `accounts.getCurrentMemberAccount`, … */
export function observeModules<Client extends object>(client: Client, modules: readonly string[]): Client {
  const observed = new Map<string, unknown>();
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof property !== 'string' || !modules.includes(property)) return value;
      if (typeof value !== 'object' || value === null) return value;
      if (!observed.has(property))
        observed.set(property, observeFunctions(property, value, classifyWixFailure));
      return observed.get(property);
    },
  });
}

/** The OAuth strategy's calls to Wix's token and redirect-session endpoints, as `oauth.<function>`. */
const OAUTH_CALLS = new Set([
  'generateVisitorTokens',
  'renewToken',
  'getAuthUrl',
  'getMemberTokens',
  'getMemberTokensForExternalLogin',
  'logout',
]);

export function observeOAuth<Strategy extends object>(strategy: Strategy): Strategy {
  return observeFunctions('oauth', strategy, classifyTokenFailure, OAUTH_CALLS);
}
