/** Writes public/embed.js from the loader source; `npm run dev` and `npm run build` run it first. */
import { writeFile } from 'node:fs/promises';
import { buildLoader } from './build-loader';

await writeFile(new URL('../public/embed.js', import.meta.url), await buildLoader());
