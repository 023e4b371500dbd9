import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildLoader } from './build-loader';

describe('the built loader', () => {
  it('stays within 2 KB gzipped, launcher and all, measured as the bench measures it', async () => {
    const size = gzipSync(await buildLoader(), { level: 9 }).length;
    expect(size).toBeLessThanOrEqual(2048);
  });

  it('keeps every name to itself: the host page gains only window.LoyaltyWidget', async () => {
    const code = await buildLoader();
    expect(code).toMatch(/^\(\(\)=>\{"use strict";[^]*\}\)\(\);\n$/);
  });
});
