import type { HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { createHttpMetricsProcessor } from './http-metrics';

/** The parts of Next's spans the processor reads, as Next sets them (see the e2e traces for the real ones). */
function span(
  id: string,
  parent: string | null,
  [start, end]: [number, number],
  attributes: Record<string, unknown>,
): ReadableSpan {
  const at = (ms: number): HrTime => [Math.floor(ms / 1000), (ms % 1000) * 1e6];
  return {
    spanContext: () => ({ spanId: id, traceId: 't', traceFlags: 1 }),
    parentSpanContext: parent ? { spanId: parent, traceId: 't', traceFlags: 1 } : undefined,
    startTime: at(start),
    endTime: at(end),
    attributes,
  } as unknown as ReadableSpan;
}

const handleRequest = { 'next.span_type': 'BaseServer.handleRequest', 'http.method': 'GET' };

function recorder() {
  const recorded: unknown[][] = [];
  const processor = createHttpMetricsProcessor((...args) => void recorded.push(args));
  return { recorded, processor };
}

describe('the request-duration processor', () => {
  it('times a request the proxy let through from the proxy pass’s start to the render’s end', () => {
    const { recorded, processor } = recorder();
    processor.onEnd(span('root', null, [1_000, 1_002], { ...handleRequest, 'next.bubble': true }));
    processor.onEnd(span('other', 'render', [1_010, 1_020], { 'next.span_type': 'AppRender.getBodyResult' }));
    processor.onEnd(
      span('render', 'root', [1_003, 1_250], {
        ...handleRequest,
        'http.route': '/rewards',
        'http.status_code': 200,
      }),
    );
    expect(recorded).toHaveLength(1);
    const [method, route, status, seconds] = recorded[0]!;
    expect([method, route, status]).toEqual(['GET', '/rewards', 200]);
    expect(seconds).toBeCloseTo(0.25, 6);
  });

  it('times a request the proxy answered by itself on its one span, without a route', () => {
    const { recorded, processor } = recorder();
    processor.onEnd(span('alone', null, [2_000, 2_040], { ...handleRequest, 'http.status_code': 403 }));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.slice(0, 3)).toEqual(['GET', undefined, 403]);
    expect(recorded[0]![3]).toBeCloseTo(0.04, 6);
  });
});
