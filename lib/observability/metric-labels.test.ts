import { describe, expect, it } from 'vitest';
import { methodLabel, outcomeLabel, routeLabel, statusLabel, UNROUTED } from './metric-labels';

describe('metric labels', () => {
  it('keep HTTP methods to the standard ones', () => {
    expect(methodLabel('get')).toBe('GET');
    expect(methodLabel('POST')).toBe('POST');
    expect(methodLabel('PROPFIND')).toBe('OTHER');
    expect(methodLabel('GET /x')).toBe('OTHER');
    expect(methodLabel(undefined)).toBe('OTHER');
  });

  it('keep statuses to HTTP status codes', () => {
    expect(statusLabel(200)).toBe('200');
    expect(statusLabel(503)).toBe('503');
    expect(statusLabel(99)).toBe('none');
    expect(statusLabel(1000)).toBe('none');
    expect(statusLabel('200')).toBe('none');
    expect(statusLabel(undefined)).toBe('none');
  });

  it('take route patterns and nothing that is not one', () => {
    expect(routeLabel('/')).toBe('/');
    expect(routeLabel('/embed/api/claim')).toBe('/embed/api/claim');
    expect(routeLabel('/[locale]/rewards')).toBe('/[locale]/rewards');
    expect(routeLabel('/_not-found')).toBe('/_not-found');
    expect(routeLabel(undefined)).toBe(UNROUTED);
    expect(routeLabel('rewards')).toBe(UNROUTED);
    expect(routeLabel('/activity?member=123')).toBe(UNROUTED);
    expect(routeLabel('/a b')).toBe(UNROUTED);
    expect(routeLabel(`/${'x'.repeat(200)}`)).toBe(UNROUTED);
  });

  it('name an outcome by its error code, or ok', () => {
    expect(outcomeLabel({ ok: true })).toBe('ok');
    expect(outcomeLabel({ ok: false, code: 'RATE_LIMITED' })).toBe('RATE_LIMITED');
  });
});
