/**
 * Builds the Pagefind search index after every build, in-process: the briefing
 * pages, and a record for every file they publish (with the text of PDFs; see
 * src/lib/publication/search-records.ts). Any error fails the build: a site
 * whose search silently finds nothing is worse than no site update at all.
 *
 * The index is made in slices, one bundle per year in `pagefind/<jaar>/` and
 * one in `pagefind/zonder-jaar/` (src/lib/publication/search-slices.ts), which
 * the search page merges in the browser. A slice whose pages and file records
 * are byte for byte those of the previous build is copied from the cache
 * instead of indexed again, so a new letter re-indexes the slice of its year.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex, type PagefindServiceConfig } from 'pagefind';
import { contentDir } from '../lib/content/paths';
import { searchBundleCache } from '../lib/publication/search-bundle-cache';
import { fileSearchRecords, type SearchRecord } from '../lib/publication/search-records';
import { formatSliceList, searchSlices, sliceListOfPage, sliceOfYear, yearOfPage } from '../lib/publication/search-slices';

const seconds = (ms: number) => `${(ms / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`;
const list = (items: string[]) => (items.length ? items.join(', ') : 'geen');

const PAGEFIND_OPTIONS: PagefindServiceConfig = { forceLanguage: 'nl' };
// Raised whenever the way a slice is put together changes, so no bundle made the old way is reused.
const SLICE_FORMAT = 3;

/** The installed Pagefind's version: another Pagefind writes other bundles from the same pages. */
function pagefindVersion(): string {
  // The package exports no package.json; look it up where Node would find the package.
  for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const manifest = join(folder, 'pagefind', 'package.json');
    if (existsSync(manifest)) return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version: unknown }).version);
  }
  throw new Error('Zoekindex: de versie van Pagefind is niet te vinden (staat pagefind in node_modules?)');
}

interface Page {
  /** Relative to the site root, with forward slashes: `stukken/<id>/index.html`. */
  path: string;
  sha256: string;
  year: number | undefined;
  slice: string;
}

/** Only briefings (and their files) are search results; listings and dataset pages would only repeat them. */
function briefingPages(root: string): Page[] {
  const folder = join(root, 'stukken');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => relative(root, join(folder, name)).split(sep).join('/'))
    .sort()
    .map((path) => {
      const bytes = readFileSync(join(root, path));
      const year = yearOfPage(bytes.toString('utf8'), path);
      return { path, sha256: createHash('sha256').update(bytes).digest('hex'), year, slice: sliceOfYear(year) };
    });
}

/** Everything a slice's bundle is made from; equal keys make equal bundles. */
function sliceKey(slice: string, pages: Page[], records: SearchRecord[], version: string): string {
  const hash = createHash('sha256').update(JSON.stringify({ format: SLICE_FORMAT, pagefind: version, options: PAGEFIND_OPTIONS, slice }));
  for (const page of pages) hash.update(`\0${page.path}\0${page.sha256}`);
  for (const record of records) hash.update(`\0${JSON.stringify(record)}`);
  return hash.digest('hex');
}

/**
 * A new folder next to the site holding only these pages, under the same
 * relative paths (so Pagefind gives them the same URLs): hard links, or copies
 * where the file system has none. Removed by the caller.
 */
function stagePages(root: string, slice: string, pages: readonly Pick<Page, 'path'>[]): string {
  // Next to the site rather than in the system's temporary folder: the same file system, so links work.
  const staging = mkdtempSync(`${resolve(root)}.zoekindex-${slice}-`);
  try {
    let link = true;
    for (const { path } of pages) {
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      if (link) {
        try {
          linkSync(join(root, path), target);
          continue;
        } catch {
          link = false;
        }
      }
      copyFileSync(join(root, path), target);
    }
    return staging;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Indexes one slice into a finished Pagefind bundle at `outputPath`: the pages
 * (paths relative to `root`, with forward slashes) and the records of their files.
 */
export async function indexSlice(
  root: string,
  slice: string,
  pages: readonly Pick<Page, 'path'>[],
  records: readonly SearchRecord[],
  outputPath: string,
): Promise<void> {
  const fail = (what: string, errors: string[]): never => {
    throw new Error(`Zoekindex, deel ${slice}: ${what} mislukt:\n${errors.join('\n')}`);
  };
  const { index, errors } = await createIndex(PAGEFIND_OPTIONS);
  if (!index || errors.length) return fail('aanmaken', errors);
  // A whole folder is read by Pagefind's parallel reader, as fast as any other way in and without a
  // limit: a glob naming the pages fails to parse beyond some 120-310 KB of paths (2,000 to 3,000
  // briefings), and globs in parts each walk the whole site again. No glob also means no path to escape.
  const staging = stagePages(root, slice, pages);
  try {
    const added = await index.addDirectory({ path: staging });
    if (added.errors.length) fail('indexeren', added.errors);
    if (added.page_count !== pages.length) fail('indexeren', [`Pagefind las ${added.page_count} van de ${pages.length} pagina's`]);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  for (const record of records) {
    const result = await index.addCustomRecord(record);
    if (result.errors.length) fail(`indexeren van ${record.url}`, result.errors);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) fail('wegschrijven', written.errors);
  await index.deleteIndex();
  // Pagefind writes its ready-made search interfaces into every bundle; the search page has its own.
  for (const name of readdirSync(outputPath)) if (UNUSED_UI.test(name)) rmSync(join(outputPath, name));
}

const INDEXING_AT_ONCE = 2;

const UNUSED_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

export function searchIndex(): AstroIntegration {
  let astroCache: string | undefined;
  return {
    name: 'raadsarchief:search-index',
    hooks: {
      // Kept in Astro's cache folder, which astro.config.mjs makes one per content folder.
      'astro:config:done': ({ config }) => {
        astroCache = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = briefingPages(root);
        if (pages.length === 0) throw new Error('Zoekindex: indexeren mislukt:\ngeen enkele pagina gevonden om te doorzoeken');

        // The search page was rendered before the index existed and names the slices it will merge.
        const slices = searchSlices(pages.map((page) => page.year));
        const searchPage = join(root, 'zoeken', 'index.html');
        const promised = existsSync(searchPage) ? sliceListOfPage(readFileSync(searchPage, 'utf8')) : undefined;
        if (formatSliceList(promised ?? []) !== formatSliceList(slices)) {
          throw new Error(
            `Zoekindex: de zoekpagina laadt de delen ${promised ? `"${formatSliceList(promised)}"` : '(geen)'}, maar de stukken vallen in "${formatSliceList(slices)}"\n` +
              '→ De jaren op de zoekpagina komen uit het archief en die in de index uit de filter "jaar" van elke pagina; beide horen de datum van het stuk te volgen (src/lib/site/search-fields.ts).',
          );
        }

        try {
          const files = await fileSearchRecords({
            contentRoot: contentDir(),
            outDir: root,
            cacheDir: astroCache && join(astroCache, 'pdf-tekst'),
            warn: (line) => logger.warn(line),
          });
          if (files.extracted > 0) logger.info(`tekst van pdf's: ${files.extracted} gelezen in ${seconds(files.extractMs)}, ${files.fromCache} uit de cache`);
          else if (files.fromCache > 0) logger.info(`tekst van ${files.fromCache} pdf's uit de cache`);

          const sliceOfPage = new Map(pages.map((page) => [page.path, page.slice]));
          const recordsOf = new Map<string, SearchRecord[]>(slices.map((slice) => [slice, []]));
          for (const { briefing, record } of files.records) {
            // A file is found with its briefing: same slice, so a year filter finds both or neither.
            const slice = sliceOfPage.get(`stukken/${briefing}/index.html`);
            if (!slice) throw new Error(`Zoekindex: ${record.url} hoort bij stukken/${briefing}/, maar die pagina is niet gebouwd`);
            recordsOf.get(slice)!.push(record);
          }

          const version = pagefindVersion();
          const cache = astroCache ? searchBundleCache(join(astroCache, 'zoekindex')) : undefined;
          const reused: string[] = [];
          const indexed: string[] = [];
          const started = performance.now();
          const pagesOf = new Map<string, Page[]>(slices.map((slice) => [slice, []]));
          for (const page of pages) pagesOf.get(page.slice)!.push(page);
          const toIndex: { slice: string; key: string; target: string }[] = [];
          for (const slice of slices) {
            const key = sliceKey(slice, pagesOf.get(slice)!, recordsOf.get(slice)!, version);
            const target = join(root, 'pagefind', slice);
            if (cache?.restore(slice, key, target)) reused.push(slice);
            else toIndex.push({ slice, key, target });
          }
          // Two slices at a time: one Pagefind index alone leaves a core idle while it writes its files.
          let next = 0;
          const worker = async () => {
            while (next < toIndex.length) {
              const { slice, key, target } = toIndex[next++]!;
              await indexSlice(root, slice, pagesOf.get(slice)!, recordsOf.get(slice)!, target);
              cache?.store(slice, key, target);
            }
          };
          await Promise.all(Array.from({ length: Math.min(INDEXING_AT_ONCE, toIndex.length) }, worker));
          indexed.push(...toIndex.map((t) => t.slice));
          cache?.keepOnly(new Set(slices));
          logger.info(
            `zoekindex per jaar: ${indexed.length} van de ${slices.length} delen opnieuw gemaakt (${list(indexed)}), ` +
              `${reused.length} uit de cache (${list(reused)}), in ${seconds(performance.now() - started)}`,
          );
          logger.info(`zoekindex gemaakt: ${pages.length} stukken en ${files.records.length} bestanden doorzoekbaar`);
        } finally {
          await close();
        }
      },
    },
  };
}
