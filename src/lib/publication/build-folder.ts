/**
 * The folder Astro builds into is kept from one build to the next, so a page
 * whose cache key is unchanged stays where it is instead of being copied from
 * Astro's cache again: at 100,000 briefings that copy was 290,000 files on
 * every build. What makes this safe is a record, one per cache folder, of the
 * folder the last build wrote, whether it finished, and which files its routes
 * made:
 *
 * - before a build, everything that is not a route's file of the last finished
 *   build into this same folder is removed (the folder is emptied entirely when
 *   there is no such build), as Astro itself would empty it;
 * - Astro then keeps an unchanged route's file, renders a changed one over it,
 *   and restores one it misses from its cache;
 * - after the build, the files of routes that are gone are removed.
 *
 * Astro compares a route with its own record of the last build, which shares
 * the cache folder with ours, so a file is only kept when that last build wrote
 * it into this folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

interface BuildFolderRecord {
  outDir: string;
  finished: boolean;
  /** The files this build's routes made, relative to outDir, with forward slashes. */
  outputs: string[];
}

const RECORD_FILE = 'bouwmap.json';

export const toRelative = (root: string, path: string) => relative(root, path).split(sep).join('/');

function readRecord(cacheDir: string): BuildFolderRecord | undefined {
  try {
    return JSON.parse(readFileSync(join(cacheDir, RECORD_FILE), 'utf8')) as BuildFolderRecord;
  } catch {
    return undefined;
  }
}

function writeRecord(cacheDir: string, record: BuildFolderRecord): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, RECORD_FILE), JSON.stringify(record));
}

/** Whether the last build into this cache folder got as far as finishBuildFolder(), and when it did. */
export function buildFolderFinished(cacheDir: string): { finished: boolean; at: number } | undefined {
  const record = readRecord(cacheDir);
  if (!record) return undefined;
  try {
    return { finished: record.finished, at: statSync(join(cacheDir, RECORD_FILE)).mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * The files the routes of the last finished build into `outDir` made: the only
 * files of the build folder that Astro (or an integration, like the search page
 * getting its shard list) writes in place. Every other file is made anew by each
 * build, after the old one was removed.
 */
export function routeFiles(outDir: string, cacheDir: string): ReadonlySet<string> | undefined {
  const record = readRecord(cacheDir);
  return record?.finished && record.outDir === resolve(outDir) ? new Set(record.outputs) : undefined;
}

export interface PreparedFolder {
  /** Route files of the last build left in place for Astro to keep. */
  kept: number;
  /** Whether the folder was emptied (no finished build into it on record). */
  emptied: boolean;
}

/**
 * Readies `outDir` for a build: keeps the route files of the last finished
 * build into it, and the folders in `keepFolders` (whose owner cleans them up
 * itself); removes everything else. Marks the build unfinished until
 * finishBuildFolder() runs.
 */
export function prepareBuildFolder(outDir: string, cacheDir: string, keepFolders: readonly string[] = []): PreparedFolder {
  const root = resolve(outDir);
  const record = readRecord(cacheDir);
  const reusable = record?.finished === true && record.outDir === root;
  writeRecord(cacheDir, { outDir: root, finished: false, outputs: reusable ? record.outputs : [] });
  if (!existsSync(root)) return { kept: 0, emptied: true };
  if (!reusable) {
    // As Astro empties it: everything but a .git folder.
    for (const name of readdirSync(root)) if (name !== '.git') rmSync(join(root, name), { recursive: true, force: true });
    return { kept: 0, emptied: true };
  }
  const outputs = new Set(record.outputs);
  let kept = 0;
  const walk = (folder: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const rel = toRelative(root, path);
      if (folder === root && (entry.name === '.git' || keepFolders.includes(entry.name))) {
        empty = false;
        continue;
      }
      if (entry.isDirectory()) {
        if (walk(path)) rmdirSync(path);
        else empty = false;
      } else if (entry.isFile() && outputs.has(rel)) {
        kept++;
        empty = false;
      } else rmSync(path, { force: true });
    }
    return empty;
  };
  walk(root);
  return { kept, emptied: false };
}

/**
 * Records the build as finished with the files its routes made, and removes
 * the files of the last build's routes that this build no longer has.
 */
export function finishBuildFolder(outDir: string, cacheDir: string, outputFiles: Iterable<string>): { removed: number } {
  const root = resolve(outDir);
  const record = readRecord(cacheDir);
  // Plain string work: a large archive has hundreds of thousands of route files.
  const prefix = root + sep;
  const outputs = [...new Set([...outputFiles].map((path) => (path.startsWith(prefix) ? path.slice(prefix.length).split(sep).join('/') : toRelative(root, resolve(root, path)))))];
  const current = new Set(outputs);
  let removed = 0;
  if (record?.outDir === root) {
    for (const old of record.outputs) {
      if (current.has(old)) continue;
      const path = join(root, old);
      if (!existsSync(path)) continue;
      rmSync(path, { force: true });
      removed++;
      removeEmptyParents(root, dirname(path));
    }
  }
  writeRecord(cacheDir, { outDir: root, finished: true, outputs });
  return { removed };
}

export function removeEmptyParents(root: string, folder: string): void {
  while (folder !== root && folder.startsWith(root + sep)) {
    if (readdirSync(folder).length > 0) return;
    rmdirSync(folder);
    folder = dirname(folder);
  }
}
