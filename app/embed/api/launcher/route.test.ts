import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { GET } from './route';

const ask = (headers: Record<string, string>) =>
  GET(new NextRequest('http://localhost:3000/embed/api/launcher?locale=de', { headers }));

/**
 * The route's door, before any session or Wix call: everyone but the allowed embed origins gets a 403 that no
 * page may read. What an allowed origin gets is the rule's own test (lib/http/cors.test.ts) and, through a
 * real browser, the end-to-end tests'.
 */
describe('GET /embed/api/launcher refuses', () => {
  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['a request without an Origin', {}],
    ['an opaque origin', { origin: 'null' }],
  ])('%s, with no CORS header, never cached', async (_, headers) => {
    const response = await ask(headers);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, code: 'FORBIDDEN_ORIGIN' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});
