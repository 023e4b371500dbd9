import { context, defaultTextMapGetter, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentRequestId,
  isWellFormedRequestId,
  requestIdFor,
  requestIdPropagator,
  withRequestId,
} from './request-id';
import { startTelemetry } from './telemetry';

describe('request ids', () => {
  it('keeps a caller’s id when it is 1 to 128 letters, digits, dots, underscores or dashes', () => {
    for (const id of ['a', 'req-1', '1-5f84c7a1-abc.x_y', 'f'.repeat(128), crypto.randomUUID()]) {
      expect(isWellFormedRequestId(id)).toBe(true);
      expect(requestIdFor(id)).toBe(id);
    }
  });

  it('makes a new one for anything else', () => {
    const malformed = ['', ' ', 'two words', 'line\nbreak', 'quote"', '{"json":1}', 'ü', 'f'.repeat(129)];
    for (const header of [...malformed, null, undefined]) {
      expect(isWellFormedRequestId(header)).toBe(false);
      const made = requestIdFor(header);
      expect(made).not.toBe(header);
      expect(made).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(requestIdFor(null)).not.toBe(requestIdFor(null));
  });

  describe('in the context a request is served in', () => {
    // The context manager Next's requests run in, as the app registers it.
    beforeAll(() =>
      startTelemetry({ logLevel: 'info', metricsToken: null, traces: null, serviceName: 'request-id-test' }),
    );
    afterAll(() => {
      trace.disable();
      context.disable();
      propagation.disable();
    });

    it('is read from the headers Next hands the propagator, when well formed', () => {
      const extract = (headers: Record<string, string | string[]>) =>
        context.with(
          requestIdPropagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter),
          currentRequestId,
        );
      expect(extract({ 'x-request-id': 'from-the-proxy' })).toBe('from-the-proxy');
      expect(extract({ 'x-request-id': ['first', 'second'] })).toBe('first');
      expect(extract({ 'x-request-id': 'not one' })).toBeUndefined();
      expect(extract({})).toBeUndefined();
      // The global propagator the app registers carries it too.
      const global = propagation.extract(ROOT_CONTEXT, { 'x-request-id': 'global' }, defaultTextMapGetter);
      expect(context.with(global, currentRequestId)).toBe('global');
    });

    it('follows the work it was given to, across awaits, and no further', async () => {
      const seen = await withRequestId('req-7', async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return currentRequestId();
      });
      expect(seen).toBe('req-7');
      expect(currentRequestId()).toBeUndefined();
    });

    it('is never sent on to another service', () => {
      const carrier: Record<string, string> = {};
      withRequestId('req-8', () => propagation.inject(context.active(), carrier));
      expect(carrier).not.toHaveProperty('x-request-id');
    });
  });
});
