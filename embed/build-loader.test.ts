import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildEmbedScript, type EmbedScript } from './build-loader';

const gzipped = async (name: EmbedScript) => gzipSync(await buildEmbedScript(name), { level: 9 }).length;

describe('the built embed scripts', () => {
  it('embed.js, which every page with a widget loads, stays within 2 KB gzipped, measured as the bench measures it', async () => {
    expect(await gzipped('embed.js')).toBeLessThanOrEqual(2048);
  });

  it('embed-launcher.js, which only a page with a launcher loads, stays within its own 2 KB gzipped', async () => {
    expect(await gzipped('embed-launcher.js')).toBeLessThanOrEqual(2048);
  });

  it.each(['embed.js', 'embed-launcher.js'] as const)(
    '%s keeps every name to itself: the host page gains only window.LoyaltyWidget',
    async (name) => {
      const code = await buildEmbedScript(name);
      expect(code).toMatch(/^\(\(\)=>\{"use strict";[^]*\}\)\(\);\n$/);
    },
  );
});
