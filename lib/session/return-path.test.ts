import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps same-origin paths', () => {
    expect(safeReturnPath('/earn?tab=social#top')).toBe('/earn?tab=social#top');
  });

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null])(
    'falls back to / for %s',
    (candidate) => {
      expect(safeReturnPath(candidate)).toBe('/');
    },
  );
});
