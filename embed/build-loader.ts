import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

const SOURCE = new URL('./loader.js', import.meta.url);

/**
 * `embed.js` as sites load it: the readable loader, minified to ES2019. Minifying is what keeps the loader,
 * launcher included, under 2 KB gzipped.
 */
export async function buildLoader(): Promise<string> {
  const { code } = await transform(await readFile(SOURCE, 'utf8'), {
    minify: true,
    target: 'es2019',
    charset: 'utf8',
    legalComments: 'none',
  });
  return code;
}
