/**
 * Builds the Pagefind search index after every build, in-process. Any error
 * fails the build: a site whose search silently finds nothing is worse than
 * no site update at all.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'raadsarchief:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const fail = (what: string, errors: string[]) => {
          throw new Error(`Zoekindex: ${what} mislukt:\n${errors.join('\n')}`);
        };
        try {
          const { index, errors } = await createIndex({ forceLanguage: 'nl' });
          if (!index || errors.length) return fail('aanmaken', errors);
          // Only briefings are search results; listings and dataset pages would only repeat them.
          const added = await index.addDirectory({ path: root, glob: 'stukken/**/*.{html}' });
          if (added.errors.length) fail('indexeren', added.errors);
          if (added.page_count === 0) fail('indexeren', ['geen enkele pagina gevonden om te doorzoeken']);
          const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
          if (written.errors.length) fail('wegschrijven', written.errors);
          logger.info(`zoekindex gemaakt: ${added.page_count} stukken doorzoekbaar`);
        } finally {
          await close();
        }
      },
    },
  };
}
