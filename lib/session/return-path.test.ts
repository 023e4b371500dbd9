import { describe, expect, it } from 'vitest';
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps same-origin paths', () => {
    expect(safeReturnPath('/earn?tab=social#top')).toBe('/earn?tab=social#top');
    expect(safeReturnPath('/a/../earn')).toBe('/earn');
  });

  it.each([
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '',
    null,
    // Dot segments that resolve to a protocol-relative path: the result is what must be checked.
    '/.//evil.example/x',
    '/..//evil.example',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '/./\\evil.example',
  ])('falls back to / for %s', (candidate) => {
    expect(safeReturnPath(candidate)).toBe('/');
  });

  it('never returns anything that a URL parser reads as another origin', () => {
    for (const candidate of ['/.//evil.example/x', '/..//evil.example', '/%2e//evil.example']) {
      const resolved = new URL(safeReturnPath(candidate), 'https://shop.example');
      expect(resolved.origin).toBe('https://shop.example');
    }
  });

  it('caps the length, so the sign-in cookie that carries it stays under the browser limit', () => {
    const longest = `/${'a'.repeat(MAX_RETURN_PATH_LENGTH - 1)}`;
    expect(safeReturnPath(longest)).toBe(longest);
    expect(safeReturnPath(`/${'a'.repeat(5_000)}`)).toBe('/');
  });
});
