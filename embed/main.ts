/** Writes public/embed.js and public/embed-launcher.js from their sources; `npm run dev` and `npm run build` run it first. */
import { writeFile } from 'node:fs/promises';
import { buildEmbedScript, EMBED_SCRIPTS, type EmbedScript } from './build-loader';

for (const name of Object.keys(EMBED_SCRIPTS) as EmbedScript[]) {
  await writeFile(new URL(`../public/${name}`, import.meta.url), await buildEmbedScript(name));
}
