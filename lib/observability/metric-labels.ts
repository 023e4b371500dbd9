import type { ErrorCode } from '@/lib/errors/codes';

/**
 * Label values for the metrics, each from a closed set: every distinct value is a time series a Prometheus
 * server keeps, so nothing a client sends (a path with an id, a made-up method) may become one.
 */

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function methodLabel(method: unknown): string {
  const upper = typeof method === 'string' ? method.toUpperCase() : '';
  return METHODS.has(upper) ? upper : 'OTHER';
}

export function statusLabel(status: unknown): string {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599
    ? String(status)
    : 'none';
}

/** A route pattern as Next names it (`/embed/api/claim`, `/[slug]`, `/_not-found`); never a concrete path. */
const ROUTE_PATTERN = /^\/[A-Za-z0-9_\-./[\]()@]{0,100}$/;

/** Requests Next answered without a route: the proxy's own answers, static files. */
export const UNROUTED = 'unrouted';

export function routeLabel(route: unknown): string {
  return typeof route === 'string' && ROUTE_PATTERN.test(route) ? route : UNROUTED;
}

/** `ok`, or the error code of the app's closed unions (`lib/errors/codes.ts`) the result carries. */
export function outcomeLabel<Code extends ErrorCode>(
  result: { ok: true } | { ok: false; code: Code },
): 'ok' | Code {
  return result.ok ? 'ok' : result.code;
}
