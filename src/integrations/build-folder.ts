/**
 * Keeps the folder Astro builds into from one build to the next (see
 * src/lib/publication/build-folder.ts): Astro leaves an unchanged page where it
 * is instead of copying it from its cache. `npm run build` builds into such a
 * folder in the cache and publishes it to dist/ when everything succeeded.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { finishBuildFolder, prepareBuildFolder } from '../lib/publication/build-folder';

/** Folders an integration writes and cleans up itself: the search index keeps unchanged shards in place. */
const KEPT_FOLDERS = ['pagefind'];

export function buildFolder(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  return {
    name: 'raadsarchief:build-folder',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // Astro would empty the folder before building; prepareBuildFolder() empties what is not reused.
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        const { kept, emptied } = prepareBuildFolder(outDir, cacheDir, KEPT_FOLDERS);
        if (!emptied) logger.info(`${kept.toLocaleString('nl-NL')} bestanden van de vorige bouw blijven staan tot blijkt of ze nog kloppen`);
      },
      'astro:build:done': ({ assets, logger }) => {
        const outputs = [...assets.values()].flat().map((url) => fileURLToPath(url));
        const { removed } = finishBuildFolder(outDir, cacheDir, outputs);
        if (removed > 0) logger.info(`${removed.toLocaleString('nl-NL')} bestanden van pagina's die niet meer bestaan verwijderd`);
      },
    },
  };
}
