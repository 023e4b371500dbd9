import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

/**
 * The scripts host pages load, by their file in `public/`, from their readable source: `embed.js`, the
 * loader every page loads, and `embed-launcher.js`, which the loader adds only to a page with a launcher.
 */
export const EMBED_SCRIPTS = {
  'embed.js': new URL('./loader.js', import.meta.url),
  'embed-launcher.js': new URL('./launcher.js', import.meta.url),
} as const;

export type EmbedScript = keyof typeof EMBED_SCRIPTS;

/**
 * One script as sites load it: its readable source, minified to ES2019. Minifying is what keeps each of them
 * under its gzip budget.
 */
export async function buildEmbedScript(name: EmbedScript): Promise<string> {
  const { code } = await transform(await readFile(EMBED_SCRIPTS[name], 'utf8'), {
    minify: true,
    target: 'es2019',
    charset: 'utf8',
    legalComments: 'none',
  });
  return code;
}
