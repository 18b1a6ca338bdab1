/**
 * Builds the Pagefind search index after every build, in-process: the briefing
 * pages, and a record for every file they publish (with the text of PDFs; see
 * src/lib/publication/search-records.ts). Any error fails the build: a site
 * whose search silently finds nothing is worse than no site update at all.
 *
 * The index is made in shards, contiguous ranges of years and one shard for
 * briefings without a year (src/lib/publication/search-shards.ts), each its own
 * bundle in `pagefind/<shard>/`, with a manifest the search page reads to ask
 * only the shards a query needs. A shard whose pages and file records are byte
 * for byte those of the previous build is copied from the cache instead of
 * indexed again, so a new letter re-indexes the shard of its year. A build into
 * an empty folder can index its shards while Astro still renders (see
 * indexWhileRendering(); RAADSARCHIEF_ZOEKINDEX_TIJDENS_BOUW=1).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, copyFileSync, existsSync, fstatSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, type Stats, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex, type PagefindServiceConfig } from 'pagefind';
import { publicationForecast, type ForecastPage } from './content-check';
import { contentDir } from '../lib/content/paths';
import { searchBundleCache } from '../lib/publication/search-bundle-cache';
import { fileSearchRecords, type FileRecordsReport, type SearchRecord } from '../lib/publication/search-records';
import { DEFAULT_SHARD_PAGES, embedShardManifest, organisationsOfPage, planShards, SHARD_SIGNPOST, shardManifest, shardOfSignpostUrl, type Shard, signpostUrl, yearOfPage } from '../lib/publication/search-shards';

const seconds = (ms: number) => `${(ms / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`;
const list = (items: string[]) => (items.length ? items.join(', ') : 'geen');

const PAGEFIND_OPTIONS: PagefindServiceConfig = { forceLanguage: 'nl' };
// Raised whenever the way a shard is put together changes, so no bundle made the old way is reused.
const SHARD_FORMAT = 4;

/** Pages a shard holds before the next starts; `RAADSARCHIEF_ZOEKDEEL_PAGINAS` sets another target. */
export function shardPagesTarget(env: Record<string, string | undefined> = process.env): number {
  const value = env.RAADSARCHIEF_ZOEKDEEL_PAGINAS;
  if (value === undefined || value === '') return DEFAULT_SHARD_PAGES;
  const target = Number(value);
  if (!Number.isInteger(target) || target < 1) {
    throw new Error(`RAADSARCHIEF_ZOEKDEEL_PAGINAS="${value}" is geen geldig aantal pagina's\n→ Geef een heel getal groter dan 0, bijvoorbeeld 12000, of laat de variabele weg.`);
  }
  return target;
}

/** The installed Pagefind's version: another Pagefind writes other bundles from the same pages. */
function pagefindVersion(): string {
  // The package exports no package.json; look it up where Node would find the package.
  for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const manifest = join(folder, 'pagefind', 'package.json');
    if (existsSync(manifest)) return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version: unknown }).version);
  }
  throw new Error('Zoekindex: de versie van Pagefind is niet te vinden (staat pagefind in node_modules?)');
}

export interface Page {
  /** Relative to the site root, with forward slashes: `stukken/<id>/index.html`. */
  path: string;
  sha256: string;
  year: number | undefined;
  organisations: string[];
}

/** A page as last read: device, inode, size and modification time, then what was read from it. */
type ReadPage = [number, number, number, number, string, number | null, string[]];

/**
 * Only briefings (and their files) are search results; listings and dataset
 * pages would only repeat them. A page whose file is the one read last build
 * (same inode, size and modification time: the build folder keeps unchanged
 * pages in place) is not read again; `cacheFile` holds what was read.
 */
export function briefingPages(root: string, cacheFile?: string, readDuringBuild: Record<string, ReadPage> = {}): Page[] & { read: number } {
  const folder = join(root, 'stukken');
  if (!existsSync(folder)) return Object.assign([], { read: 0 });
  let known: Record<string, ReadPage> = {};
  if (cacheFile) {
    try {
      const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { root: string; pages: Record<string, ReadPage> };
      if (stored.root === resolve(root)) known = stored.pages;
    } catch {
      // Nothing read before: read every page.
    }
  }
  // Pages read while the shards were indexed during the build (indexWhileRendering()) count as read before.
  known = { ...known, ...readDuringBuild };
  const read: Record<string, ReadPage> = {};
  let readAgain = 0;
  const pages = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => relative(root, join(folder, name)).split(sep).join('/'))
    .sort()
    .map((path): Page => {
      const stat = statSync(join(root, path));
      const before = known[path];
      if (before && before[0] === stat.dev && before[1] === stat.ino && before[2] === stat.size && before[3] === stat.mtimeMs) {
        read[path] = before;
        return { path, sha256: before[4], year: before[5] ?? undefined, organisations: before[6] };
      }
      readAgain++;
      const bytes = readFileSync(join(root, path));
      const html = bytes.toString('utf8');
      const page = { path, sha256: createHash('sha256').update(bytes).digest('hex'), year: yearOfPage(html, path), organisations: organisationsOfPage(html) };
      read[path] = [stat.dev, stat.ino, stat.size, stat.mtimeMs, page.sha256, page.year ?? null, page.organisations];
      return page;
    });
  if (cacheFile) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ root: resolve(root), pages: read }));
  }
  return Object.assign(pages, { read: readAgain });
}

/** Everything a shard's bundle is made from; equal keys make equal bundles. */
function shardKey(shard: string, pages: readonly Pick<Page, 'path' | 'sha256'>[], records: readonly SearchRecord[], version: string): string {
  const hash = createHash('sha256').update(JSON.stringify({ format: SHARD_FORMAT, pagefind: version, options: PAGEFIND_OPTIONS, shard }));
  for (const page of pages) hash.update(`\0${page.path}\0${page.sha256}`);
  for (const record of records) hash.update(`\0${JSON.stringify(record)}`);
  return hash.digest('hex');
}

/**
 * A new folder holding only these pages, under the same relative paths (so
 * Pagefind gives them the same URLs). In memory where the system has a
 * memory-backed folder (/dev/shm on Linux), with a symbolic link per page:
 * on disk a folder and a link per page cost a third of the time of indexing
 * the shard. Elsewhere next to the site, so hard links work (or copies where
 * the file system has none). Removed by the caller.
 */
function stagePages(root: string, shard: string, pages: readonly Pick<Page, 'path'>[]): string {
  const inMemory = memoryFolder();
  const staging = mkdtempSync(inMemory ? join(inMemory, `raadsarchief-zoekindex-${shard}-`) : `${resolve(root)}.zoekindex-${shard}-`);
  try {
    const made = new Set<string>();
    let link = true;
    for (const { path } of pages) {
      const target = join(staging, path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      if (inMemory) {
        symlinkSync(resolve(root, path), target);
        continue;
      }
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

let memoryFolderFound: string | null | undefined;

/** /dev/shm when it is there and writable, else null. */
function memoryFolder(): string | null {
  if (memoryFolderFound !== undefined) return memoryFolderFound;
  memoryFolderFound = null;
  try {
    accessSync('/dev/shm', constants.W_OK);
    if (statSync('/dev/shm').isDirectory()) memoryFolderFound = '/dev/shm';
  } catch {
    // No memory-backed folder: stage on disk.
  }
  return memoryFolderFound;
}

/**
 * Indexes one shard into a finished Pagefind bundle at `outputPath`: the pages
 * (paths relative to `root`, with forward slashes) and the records of their files.
 */
export async function indexShard(
  root: string,
  shard: string,
  pages: readonly Pick<Page, 'path'>[],
  records: readonly SearchRecord[],
  outputPath: string,
): Promise<void> {
  const fail = (what: string, errors: string[]): never => {
    throw new Error(`Zoekindex, deel ${shard}: ${what} mislukt:\n${errors.join('\n')}`);
  };
  const { index, errors } = await createIndex(PAGEFIND_OPTIONS);
  if (!index || errors.length) return fail('aanmaken', errors);
  // A whole folder is read by Pagefind's parallel reader, as fast as any other way in and without a
  // limit: a glob naming the pages fails to parse beyond some 120-310 KB of paths (2,000 to 3,000
  // briefings), and globs in parts each walk the whole site again. No glob also means no path to escape.
  const staging = stagePages(root, shard, pages);
  try {
    const added = await index.addDirectory({ path: staging });
    if (added.errors.length) fail('indexeren', added.errors);
    if (added.page_count !== pages.length) fail('indexeren', [`Pagefind las ${added.page_count} van de ${pages.length} pagina's`]);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  await addRecordsAndWrite(index, records, outputPath, fail);
}

const INDEXING_AT_ONCE = 2;

const UNUSED_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** A file's search record and the briefing it belongs to, as src/lib/publication/search-records.ts makes them. */
export interface BriefingFile {
  briefing: string;
  record: SearchRecord;
}

export interface ShardedIndex {
  shards: Shard[];
  /** The shards indexed anew and those copied from the cache. */
  indexed: string[];
  reused: string[];
  signpostReused: boolean;
  ms: number;
}

/**
 * Plans the shards of these pages and files, writes each shard's bundle to
 * `pagefind/<shard>/` below `root` (from the cache where its key is unchanged,
 * two at a time otherwise) and the manifest the search page reads.
 */
export async function writeShardedIndex(options: {
  root: string;
  pages: readonly Page[];
  files: readonly BriefingFile[];
  target: number;
  cacheDir?: string;
  /** Shards indexed while the pages were made (see indexWhileRendering()): found in place, but made by this build. */
  madeDuringBuild?: ReadonlySet<string>;
}): Promise<ShardedIndex> {
  const { root, pages, files, target } = options;
  const pageOf = new Map(pages.map((page) => [page.path, page]));
  const fileParents = files.map(({ briefing, record }) => {
    const page = pageOf.get(`stukken/${briefing}/index.html`);
    if (!page) throw new Error(`Zoekindex: ${record.url} hoort bij stukken/${briefing}/, maar die pagina is niet gebouwd`);
    return page;
  });
  // A file is found with its briefing: same shard, so a year filter finds both or neither. It counts towards the shard's size.
  const plan = planShards([...pages, ...fileParents], target);
  const pagesOf = new Map<string, Page[]>(plan.shards.map((shard) => [shard.id, []]));
  for (const page of pages) pagesOf.get(plan.shardOf(page))!.push(page);
  const recordsOf = new Map<string, SearchRecord[]>(plan.shards.map((shard) => [shard.id, []]));
  files.forEach(({ record }, i) => recordsOf.get(plan.shardOf(fileParents[i]!))!.push(record));

  const version = pagefindVersion();
  const cache = options.cacheDir ? searchBundleCache(options.cacheDir) : undefined;
  const started = performance.now();
  const keys = new Map(plan.shards.map(({ id }) => [id, shardKey(id, pagesOf.get(id)!, recordsOf.get(id)!, version)]));
  // Bundles a previous build left in this site folder (src/lib/publication/build-folder.ts keeps pagefind/): an unchanged one stays.
  const inPlace = bundlesInPlace(root, options.cacheDir);
  inPlace.keepOnly(new Set([...keys.keys(), SHARD_SIGNPOST]));
  const reused: string[] = [];
  const made: string[] = [];
  const toIndex: { shard: string; key: string; target: string }[] = [];
  for (const [id, key] of keys) {
    const bundle = join(root, 'pagefind', id);
    if (inPlace.has(id, key)) (options.madeDuringBuild?.has(id) ? made : reused).push(id);
    else if (inPlace.replace(id, key, () => cache?.restore(id, key, bundle) ?? false)) reused.push(id);
    else toIndex.push({ shard: id, key, target: bundle });
  }
  // Two shards at a time: one Pagefind index alone leaves a core idle while it writes its files.
  let next = 0;
  const worker = async () => {
    while (next < toIndex.length) {
      const { shard, key, target: bundle } = toIndex[next++]!;
      await inPlace.replace(shard, key, async () => {
        await indexShard(root, shard, pagesOf.get(shard)!, recordsOf.get(shard)!, bundle);
        return true;
      });
      cache?.store(shard, key, bundle);
    }
  };
  await Promise.all(Array.from({ length: Math.min(INDEXING_AT_ONCE, toIndex.length) }, worker));

  // The signpost: one record per shard holding every word of the shard, so one small search says which shards have a word.
  const words = new Map<string, string[]>();
  for (const [id, key] of keys) words.set(id, shardWords(join(root, 'pagefind', id), cache, `woorden-${id}`, key));
  const signpostKey = createHash('sha256')
    .update(JSON.stringify({ format: SHARD_FORMAT, pagefind: version, options: PAGEFIND_OPTIONS }))
    .update([...words].map(([id, list]) => `\0${id}\0${list.join(' ')}`).join(''))
    .digest('hex');
  const signpost = join(root, 'pagefind', SHARD_SIGNPOST);
  const signpostReused =
    inPlace.has(SHARD_SIGNPOST, signpostKey) || inPlace.replace(SHARD_SIGNPOST, signpostKey, () => cache?.restore(SHARD_SIGNPOST, signpostKey, signpost) ?? false);
  if (!signpostReused) {
    await inPlace.replace(SHARD_SIGNPOST, signpostKey, async () => {
      await indexRecords(
        SHARD_SIGNPOST,
        [...words].map(([id, list]) => ({ url: signpostUrl(id), content: list.join(' '), language: 'nl', meta: { title: id }, filters: {} })),
        signpost,
      );
      return true;
    });
    cache?.store(SHARD_SIGNPOST, signpostKey, signpost);
  }
  cache?.keepOnly(new Set([...plan.shards.flatMap((shard) => [shard.id, `woorden-${shard.id}`]), SHARD_SIGNPOST]));

  // The search page learns the shards from the page itself: no request before it knows which shard to ask.
  const searchPage = join(root, 'zoeken', 'index.html');
  if (existsSync(searchPage)) writeFileSync(searchPage, embedShardManifest(readFileSync(searchPage, 'utf8'), shardManifest(plan.shards, signpostIds(signpost))));
  const indexed = new Set([...made, ...toIndex.map((t) => t.shard)]);
  return { shards: plan.shards, indexed: plan.shards.map((shard) => shard.id).filter((id) => indexed.has(id)), reused, signpostReused, ms: performance.now() - started };
}

/**
 * The bundles in `pagefind/` of a site folder that is built into again, each
 * with the key it was made from, on record in the cache folder. A bundle is
 * struck from the record before it is touched, so one left half-written by an
 * interrupted build is never taken for finished.
 */
function bundlesInPlace(root: string, cacheDir: string | undefined) {
  const folder = join(root, 'pagefind');
  // Beside the bundle cache, whose keepOnly() would take it for a shard that is gone.
  const recordFile = cacheDir && join(dirname(cacheDir), 'zoekindex-in-de-bouwmap.json');
  let record: { root: string; bundles: Record<string, string> } = { root: resolve(root), bundles: {} };
  if (recordFile) {
    try {
      const stored = JSON.parse(readFileSync(recordFile, 'utf8')) as typeof record;
      if (stored.root === record.root) record = stored;
    } catch {
      // No record: no bundle in the folder is trusted.
    }
  }
  const save = () => {
    if (!recordFile) return;
    mkdirSync(dirname(recordFile), { recursive: true });
    writeFileSync(recordFile, JSON.stringify(record));
  };
  function replace(id: string, key: string, make: () => boolean): boolean;
  function replace(id: string, key: string, make: () => Promise<boolean>): Promise<boolean>;
  function replace(id: string, key: string, make: () => boolean | Promise<boolean>): boolean | Promise<boolean> {
    delete record.bundles[id];
    save();
    rmSync(join(folder, id), { recursive: true, force: true });
    const done = (made: boolean) => {
      if (made) {
        record.bundles[id] = key;
        save();
      }
      return made;
    };
    const made = make();
    return typeof made === 'boolean' ? done(made) : made.then(done);
  }
  return {
    has: (id: string, key: string) => record.bundles[id] === key && existsSync(join(folder, id, 'pagefind-entry.json')),
    replace,
    /** Removes every bundle and file in pagefind/ but these. */
    keepOnly(ids: ReadonlySet<string>) {
      if (!existsSync(folder)) return;
      for (const name of readdirSync(folder)) {
        if (ids.has(name)) continue;
        rmSync(join(folder, name), { recursive: true, force: true });
        delete record.bundles[name];
      }
      save();
    },
  };
}

/**
 * Every distinct word of a shard as Pagefind stored it (the text and meta of
 * each page's fragment), kept in the cache under the shard's key so an
 * unchanged shard is not read again.
 */
function shardWords(bundle: string, cache: ReturnType<typeof searchBundleCache> | undefined, name: string, key: string): string[] {
  const kept = mkdtempSync(join(tmpdir(), 'ra-zoekwoorden-'));
  try {
    if (cache?.restore(name, key, join(kept, 'lijst'))) return readFileSync(join(kept, 'lijst', 'woorden.txt'), 'utf8').split(' ');
    const words = new Set<string>();
    for (const file of readdirSync(join(bundle, 'fragment'))) {
      const text = gunzipSync(readFileSync(join(bundle, 'fragment', file))).toString('utf8');
      const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { content: string; meta: Record<string, string> };
      for (const part of [fragment.content, ...Object.values(fragment.meta)]) for (const word of part.split(/\s+/)) if (word) words.add(word);
    }
    const list = [...words].sort();
    mkdirSync(join(kept, 'lijst'));
    writeFileSync(join(kept, 'lijst', 'woorden.txt'), list.join(' '));
    cache?.store(name, key, join(kept, 'lijst'));
    return list;
  } finally {
    rmSync(kept, { recursive: true, force: true });
  }
}

/**
 * Which signpost result stands for which shard: Pagefind names a result by its
 * fragment, so the search page knows the shards from the results alone,
 * without loading a fragment of every word list.
 */
function signpostIds(signpost: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of readdirSync(join(signpost, 'fragment'))) {
    const text = gunzipSync(readFileSync(join(signpost, 'fragment', file))).toString('utf8');
    const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url?: string };
    const shard = url && shardOfSignpostUrl(url);
    if (!shard) throw new Error(`Zoekindex, ${SHARD_SIGNPOST}: ${file} is geen fragment van één deel`);
    ids.set(shard, file.replace(/\.pf_fragment$/, ''));
  }
  return ids;
}

/** A bundle of custom records only (the signpost). */
async function indexRecords(name: string, records: readonly SearchRecord[], outputPath: string): Promise<void> {
  const fail = (what: string, errors: string[]): never => {
    throw new Error(`Zoekindex, ${name}: ${what} mislukt:\n${errors.join('\n')}`);
  };
  const { index, errors } = await createIndex(PAGEFIND_OPTIONS);
  if (!index || errors.length) return fail('aanmaken', errors);
  await addRecordsAndWrite(index, records, outputPath, fail);
}

/** The records of a bundle added, the bundle written to `outputPath`, and Pagefind's own search interfaces left out (the search page has its own). */
async function addRecordsAndWrite(
  index: NonNullable<Awaited<ReturnType<typeof createIndex>>['index']>,
  records: readonly SearchRecord[],
  outputPath: string,
  fail: (what: string, errors: string[]) => never,
): Promise<void> {
  for (const record of records) {
    const result = await index.addCustomRecord(record);
    if (result.errors.length) fail(`indexeren van ${record.url}`, result.errors);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) fail('wegschrijven', written.errors);
  await index.deleteIndex();
  for (const file of readdirSync(outputPath)) if (UNUSED_UI.test(file)) rmSync(join(outputPath, file));
}

/** A shard to index while the pages are made: its pages (sorted, as writeShardedIndex() lists them) and its files' records. */
interface LiveShard {
  id: string;
  pages: string[];
  records: SearchRecord[];
}

/**
 * Indexes shards while Astro still renders, in a build that starts from an
 * empty folder. Astro renders on one core; Pagefind, a process of its own,
 * indexes on the other. The shards are planned from what the check found
 * publishable and from the files' records (made before the build, `files`);
 * a shard is indexed once every one of its pages is written (a page is whole
 * when it ends in `</html>`: Astro writes a page in one go and never twice in a
 * build). Each bundle goes in place under the key writeShardedIndex() computes
 * from the pages as built: where the forecast was wrong, the key differs and
 * that shard is indexed again after the build, so this only ever saves time.
 */
export function indexWhileRendering(options: {
  root: string;
  cacheDir: string | undefined;
  target: number;
  forecast: readonly ForecastPage[];
  /** The files' records; the shards are planned once they are there. */
  files: Promise<readonly BriefingFile[] | undefined>;
}) {
  const { root, target } = options;
  const cacheDir = options.cacheDir && join(options.cacheDir, 'zoekindex');
  const made = new Set<string>();
  // In the order Astro renders them: the archive runs from the newest letter to the oldest, undated last.
  const waiting: LiveShard[] = [];
  const planned = options.files.then((files) => {
    if (!files) return;
    const pages = options.forecast.map(({ id, year }) => ({ path: `stukken/${id}/index.html`, year, organisations: [] as string[] }));
    const pageOf = new Map(pages.map((page) => [page.path, page]));
    const fileParents = files.map(({ briefing }) => pageOf.get(`stukken/${briefing}/index.html`));
    if (fileParents.some((page) => !page)) return;
    const plan = planShards([...pages, ...(fileParents as Page[])], target);
    const shards = new Map<string, LiveShard>(plan.shards.map((shard) => [shard.id, { id: shard.id, pages: [], records: [] }]));
    for (const page of pages) shards.get(plan.shardOf(page))!.pages.push(page.path);
    files.forEach(({ record }, i) => shards.get(plan.shardOf(fileParents[i]!))!.records.push(record));
    for (const shard of shards.values()) shard.pages.sort();
    waiting.push(...shards.values());
  });
  const version = pagefindVersion();
  const cache = cacheDir ? searchBundleCache(cacheDir) : undefined;
  const written = new Map<string, string>();
  const readings: Record<string, ReadPage> = {};
  let scratch = Buffer.alloc(1 << 20);
  let indexing: Promise<void> = Promise.resolve();
  let failed: unknown;
  let busy = false;

  // Reads each page of the first waiting shard once it is whole; the shard is complete when all are.
  const poll = () => {
    if (busy || failed || waiting.length === 0 || !existsSync(join(root, 'stukken'))) return;
    const shard = waiting[0]!;
    let complete = true;
    for (const path of shard.pages) {
      if (written.has(path)) continue;
      const file = join(root, path);
      if (!existsSync(file)) {
        complete = false;
        continue;
      }
      // Into one buffer for all pages: a new one per page is 1.4 GB passing through the build's memory at 100,000 letters.
      const fd = openSync(file, 'r');
      let stat: Stats;
      let bytes: Buffer;
      try {
        stat = fstatSync(fd);
        if (stat.size > scratch.length) scratch = Buffer.alloc(stat.size * 2);
        bytes = scratch.subarray(0, readSync(fd, scratch, 0, stat.size, 0));
      } finally {
        closeSync(fd);
      }
      if (bytes.subarray(-7).toString('latin1') !== '</html>') {
        complete = false;
        continue;
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      written.set(path, sha256);
      // What briefingPages() would read again after the build; a page it cannot read that way is left for it to report.
      try {
        const html = bytes.toString('utf8');
        readings[path] = [stat.dev, stat.ino, stat.size, stat.mtimeMs, sha256, yearOfPage(html, path) ?? null, organisationsOfPage(html)];
      } catch {
        // Read again after the build, where the error stops it with the page's name.
      }
    }
    if (!complete) return;
    waiting.shift();
    busy = true;
    const key = shardKey(shard.id, shard.pages.map((path) => ({ path, sha256: written.get(path)! })), shard.records, version);
    const bundle = join(root, 'pagefind', shard.id);
    indexing = indexing
      .then(async () => {
        const inPlace = bundlesInPlace(root, cacheDir);
        // A bundle the cache holds under this key is what indexing would make.
        if (inPlace.replace(shard.id, key, () => cache?.restore(shard.id, key, bundle) ?? false)) return;
        await inPlace.replace(shard.id, key, async () => {
          await indexShard(root, shard.id, shard.pages.map((path) => ({ path })), shard.records, bundle);
          return true;
        });
        cache?.store(shard.id, key, bundle);
        made.add(shard.id);
      })
      .catch((error: unknown) => {
        // Indexed again after the build, the usual way, where the error shows with its shard.
        failed = error;
      })
      .finally(() => {
        busy = false;
      });
  };
  // Unreferenced: a build that fails before its end must not be kept running by this timer.
  const timer = setInterval(poll, 1000).unref();
  return {
    /** Stops looking for complete shards and waits for the one being indexed; the shards made, and the pages read for them. */
    async finish(): Promise<{ made: ReadonlySet<string>; readings: Record<string, ReadPage> }> {
      clearInterval(timer);
      await planned;
      await indexing;
      return { made, readings };
    },
  };
}

type FileRecordsAside = FileRecordsReport & { warnings: string[] };

/** fileSearchRecords() before the site is built, run by src/lib/publication/file-records-child.ts in a process of its own. */
function fileRecordsAside(projectRoot: string, options: { contentRoot: string; cacheDir: string | undefined }): Promise<FileRecordsAside> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/lib/publication/file-records-child.ts'), JSON.stringify(options)], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(Buffer.concat(err).toString('utf8').trim().split('\n').pop() || `afgebroken met code ${code}`));
      try {
        done(JSON.parse(Buffer.concat(out).toString('utf8')) as FileRecordsAside);
      } catch (error) {
        fail(error);
      }
    });
  });
}

function logPdfTexts(logger: AstroIntegrationLogger, files: { extracted: number; fromCache: number; extractMs: number }) {
  if (files.extracted > 0) logger.info(`tekst van pdf's: ${files.extracted} gelezen in ${seconds(files.extractMs)}, ${files.fromCache} uit de cache`);
  else if (files.fromCache > 0) logger.info(`tekst van ${files.fromCache} pdf's uit de cache`);
}

export function searchIndex(): AstroIntegration {
  let astroCache: string | undefined;
  let outDir = '';
  let projectRoot = '';
  let live: ReturnType<typeof indexWhileRendering> | undefined;
  let filesBeforeBuild: Promise<FileRecordsAside | undefined> | undefined;
  return {
    name: 'raadsarchief:search-index',
    hooks: {
      // Kept in Astro's cache folder, which astro.config.mjs makes one per content folder.
      'astro:config:done': ({ config }) => {
        astroCache = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
        projectRoot = fileURLToPath(config.root);
      },
      // A build into an empty folder (src/integrations/build-folder.ts empties it first when nothing can be kept) makes every shard: with
      // RAADSARCHIEF_ZOEKINDEX_TIJDENS_BOUW=1 they are indexed while Astro renders.
      'astro:build:start': ({ logger }) => {
        live = undefined;
        filesBeforeBuild = undefined;
        const forecast = publicationForecast();
        // Only when asked: it saves time at 100,000 letters (510-526 s against 563 s) but costs memory (7.1 GB against 6.1 GB), see README "Prestaties".
        if (process.env.RAADSARCHIEF_ZOEKINDEX_TIJDENS_BOUW !== '1' || !forecast || existsSync(join(outDir, 'stukken'))) return;
        // The shards need their files' records, and with them the text of the PDFs: read now, in a process of its own, while Astro builds.
        filesBeforeBuild = fileRecordsAside(projectRoot, { contentRoot: contentDir(), cacheDir: astroCache && join(astroCache, 'pdf-tekst') }).catch((error: unknown) => {
          logger.info(`de tekst van de pdf's wordt na de pagina's gelezen (${error instanceof Error ? error.message : String(error)})`);
          return undefined;
        });
        live = indexWhileRendering({ root: outDir, cacheDir: astroCache, target: shardPagesTarget(), forecast, files: filesBeforeBuild.then((files) => files?.records) });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const target = shardPagesTarget();
        try {
          const during = live && resolve(root) === resolve(outDir) ? await live.finish() : undefined;
          const madeDuringBuild = during?.made;
          const pages = briefingPages(root, astroCache && join(astroCache, 'zoekindex-paginas.json'), during?.readings);
          if (pages.length === 0) throw new Error('Zoekindex: indexeren mislukt:\ngeen enkele pagina gevonden om te doorzoeken');
          // The records made before the pages hold, if the site has every page and file they link to; else they are made from the site.
          const aside = await filesBeforeBuild;
          if (aside) logPdfTexts(logger, aside);
          const before = aside?.records.every(({ briefing, record }) => existsSync(join(root, 'stukken', briefing, 'index.html')) && existsSync(join(root, record.url)))
            ? aside
            : undefined;
          // Said after the pages, where a clerk reads what the search index could not read.
          if (before) for (const line of before.warnings) logger.warn(line);
          const files =
            before ??
            (await fileSearchRecords({
              contentRoot: contentDir(),
              outDir: root,
              cacheDir: astroCache && join(astroCache, 'pdf-tekst'),
              warn: (line) => logger.warn(line),
            }));
          if (!aside) logPdfTexts(logger, files);

          const { shards, indexed, reused, signpostReused, ms } = await writeShardedIndex({ root, pages, files: files.records, target, cacheDir: astroCache && join(astroCache, 'zoekindex'), madeDuringBuild });
          const whileRendering = madeDuringBuild?.size ? ` (${madeDuringBuild.size} ${madeDuringBuild.size === 1 ? 'deel' : 'delen'} terwijl de pagina's werden gemaakt)` : '';
          logger.info(
            `zoekindex in delen: ${indexed.length} van de ${shards.length} delen opnieuw gemaakt (${list(indexed)}), ` +
              `${reused.length} uit de cache (${list(reused)}), wegwijzer ${signpostReused ? 'uit de cache' : 'opnieuw gemaakt'}, in ${seconds(ms)}${whileRendering}`,
          );
          const unchanged = !during && pages.read < pages.length ? ` (${pages.read} ${pages.read === 1 ? 'pagina' : "pagina's"} opnieuw gelezen, de andere ongewijzigd)` : '';
          logger.info(`zoekindex gemaakt: ${pages.length} stukken${unchanged} en ${files.records.length} bestanden doorzoekbaar`);
        } finally {
          // A failed build still stops the indexing it started.
          await live?.finish();
          live = undefined;
          await close();
        }
      },
    },
  };
}
