/**
 * Builds the Pagefind search index after every build, in-process: the briefing
 * pages, and a record for every file they publish (with the text of PDFs; see
 * src/lib/publication/search-records.ts). Any error fails the build: a site
 * whose search silently finds nothing is worse than no site update at all.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { contentDir } from '../lib/content/paths';
import { fileSearchRecords } from '../lib/publication/search-records';

const seconds = (ms: number) => `${(ms / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`;

export function searchIndex(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'raadsarchief:search-index',
    hooks: {
      // Kept in Astro's cache folder, which astro.config.mjs makes one per content folder.
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'pdf-tekst');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const fail = (what: string, errors: string[]) => {
          throw new Error(`Zoekindex: ${what} mislukt:\n${errors.join('\n')}`);
        };
        try {
          const { index, errors } = await createIndex({ forceLanguage: 'nl' });
          if (!index || errors.length) return fail('aanmaken', errors);
          // Only briefings (and below, their files) are search results; listings and dataset pages would only repeat them.
          const added = await index.addDirectory({ path: root, glob: 'stukken/**/*.{html}' });
          if (added.errors.length) fail('indexeren', added.errors);
          if (added.page_count === 0) fail('indexeren', ['geen enkele pagina gevonden om te doorzoeken']);
          const files = await fileSearchRecords({ contentRoot: contentDir(), outDir: root, cacheDir, warn: (line) => logger.warn(line) });
          for (const record of files.records) {
            const result = await index.addCustomRecord(record);
            if (result.errors.length) fail(`indexeren van ${record.url}`, result.errors);
          }
          if (files.extracted > 0) logger.info(`tekst van pdf's: ${files.extracted} gelezen in ${seconds(files.extractMs)}, ${files.fromCache} uit de cache`);
          else if (files.fromCache > 0) logger.info(`tekst van ${files.fromCache} pdf's uit de cache`);
          const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
          if (written.errors.length) fail('wegschrijven', written.errors);
          logger.info(`zoekindex gemaakt: ${added.page_count} stukken en ${files.records.length} bestanden doorzoekbaar`);
        } finally {
          await close();
        }
      },
    },
  };
}
