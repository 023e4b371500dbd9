import 'server-only';
import type { HrTime } from '@opentelemetry/api';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { recordHttpRequest } from './metrics';

/** Next's span for each request it serves. */
const HANDLE_REQUEST = 'BaseServer.handleRequest';
/** The proxy passes awaiting their render, at most: a render whose span never ends must not grow this. */
const MAX_WAITING = 10_000;

const seconds = ([wholeSeconds, nanos]: HrTime) => wholeSeconds + nanos / 1e9;

/**
 * Feeds `loyalty_http_request_duration_seconds` from the spans Next makes anyway. When the proxy lets a
 * request through, Next serves it in two passes, each with its span: the proxy's (marked `next.bubble`),
 * then the render's, its child, which knows the route pattern and the status. The request's time runs from
 * the first's start to the second's end. A request the proxy answers itself has one span and no route.
 */
export function createHttpMetricsProcessor(record = recordHttpRequest): SpanProcessor {
  const waiting = new Map<string, HrTime>();
  return {
    onStart() {},
    onEnd(span: ReadableSpan) {
      const { attributes } = span;
      if (attributes['next.span_type'] !== HANDLE_REQUEST) return;
      if (attributes['next.bubble'] === true) {
        waiting.set(span.spanContext().spanId, span.startTime);
        if (waiting.size > MAX_WAITING) waiting.delete(waiting.keys().next().value!);
        return;
      }
      const parentId = span.parentSpanContext?.spanId;
      const start = (parentId && waiting.get(parentId)) || span.startTime;
      if (parentId) waiting.delete(parentId);
      record(
        attributes['http.method'],
        attributes['http.route'],
        attributes['http.status_code'],
        Math.max(0, seconds(span.endTime) - seconds(start)),
      );
    },
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
}
