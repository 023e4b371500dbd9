import { describe, expect, it } from 'vitest';
import { credentialedCors } from './cors';

const ALLOWED = ['https://shop.example', 'http://127.0.0.1:5173'];

describe('credentialed CORS', () => {
  it('lets an allowed origin read the answer, with cookies, naming that origin alone', () => {
    expect(credentialedCors('http://127.0.0.1:5173', ALLOWED)).toEqual({
      allowed: true,
      headers: {
        Vary: 'Origin',
        'Access-Control-Allow-Origin': 'http://127.0.0.1:5173',
        'Access-Control-Allow-Credentials': 'true',
      },
    });
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['a look-alike of an allowed one', 'https://shop.example.evil.example'],
    ['an allowed host on another scheme', 'http://shop.example'],
    ['an allowed host on another port', 'http://127.0.0.1:5174'],
    ['an opaque origin', 'null'],
    ['a wildcard', '*'],
  ])('refuses %s, with no CORS header but Vary', (_, origin) => {
    expect(credentialedCors(origin, ALLOWED)).toEqual({ allowed: false, headers: { Vary: 'Origin' } });
  });

  it('refuses a request without an Origin', () => {
    expect(credentialedCors(null, ALLOWED)).toEqual({ allowed: false, headers: { Vary: 'Origin' } });
  });

  it('refuses everyone when no origin is allowed', () => {
    expect(credentialedCors('https://shop.example', []).allowed).toBe(false);
  });
});
