import 'server-only';
import { context, type Context, type TextMapPropagator } from '@opentelemetry/api';

/**
 * The request id: taken from a caller's `x-request-id` when it is well formed, made here otherwise, returned
 * on the response and carried by every log line written while the request is served. It travels in the
 * OpenTelemetry context, which Next enters for each request it handles (see `requestIdPropagator`), so no
 * code has to pass it along.
 */

export const REQUEST_ID_HEADER = 'x-request-id';

/** Letters, digits, `.`, `_` and `-`, up to 128: a UUID, a load balancer's trace id; nothing to inject into a log. */
const WELL_FORMED = /^[A-Za-z0-9._-]{1,128}$/;

// Symbol.for, not createContextKey: Next bundles instrumentation, the proxy and each route on their own,
// and every copy of this module must read the key the others write.
const REQUEST_ID_KEY = Symbol.for('loyalty.request-id');

export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === 'string' && WELL_FORMED.test(value);
}

/** The caller's id when it is well formed, a new one otherwise. */
export function requestIdFor(header: string | null | undefined): string {
  return isWellFormedRequestId(header) ? header : crypto.randomUUID();
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  const value = context.active().getValue(REQUEST_ID_KEY);
  return typeof value === 'string' ? value : undefined;
}

export function contextWithRequestId(parent: Context, requestId: string): Context {
  return parent.setValue(REQUEST_ID_KEY, requestId);
}

/** Runs `work` as part of the request with this id. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return context.with(contextWithRequestId(context.active(), requestId), work);
}

/**
 * Next hands each request's headers to the global propagator when it starts serving it, and serves the
 * request inside the context that comes back. By then the proxy has put a well-formed id on the request's
 * headers, so this puts it in the context. It is never injected into outgoing calls: Wix gets its own.
 */
export const requestIdPropagator: TextMapPropagator = {
  inject() {},
  extract(parent, carrier, getter) {
    const raw = getter.get(carrier, REQUEST_ID_HEADER);
    const value = Array.isArray(raw) ? raw[0] : raw;
    return isWellFormedRequestId(value) ? contextWithRequestId(parent, value) : parent;
  },
  fields: () => [REQUEST_ID_HEADER],
};
