import { describe, expect, it } from 'vitest';
import { describeFramePolicy, securityHeadersFor } from './frame-policy';

const ALLOWED = ['https://shop.example', 'http://127.0.0.1:5173'];

describe('frame policy', () => {
  it('lets the allowed origins and the app frame the widget document', () => {
    const csp = securityHeadersFor('/embed', ALLOWED)['Content-Security-Policy']!;
    expect(csp.split('; ')[0]).toBe("frame-ancestors 'self' https://shop.example http://127.0.0.1:5173");
    expect(securityHeadersFor('/embed', ALLOWED)['X-Frame-Options']).toBeUndefined();
  });

  it('lets only the app frame the widget when no origin is allowed', () => {
    expect(securityHeadersFor('/embed', [])['Content-Security-Policy']).toMatch(/^frame-ancestors 'self';/);
  });

  it.each(['/', '/earn', '/embed/api/view', '/auth/callback', '/embed.js', '/embedded'])(
    'refuses every frame for %s',
    (path) => {
      expect(securityHeadersFor(path, ALLOWED)).toEqual({
        'Content-Security-Policy': "frame-ancestors 'none'",
        'X-Frame-Options': 'DENY',
      });
    },
  );

  it('says at start-up who may frame the widget', () => {
    expect(describeFramePolicy([])).toMatch(/only this app itself/);
    expect(describeFramePolicy(ALLOWED)).toContain('https://shop.example, http://127.0.0.1:5173');
  });
});
