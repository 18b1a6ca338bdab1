/**
 * Finished Pagefind bundles of the search slices, kept between builds. A slice
 * is stored under a key that covers everything its bundle is made from (see
 * the search-index integration); a build whose key for a slice is unchanged
 * copies the stored bundle instead of indexing the slice again. One entry per
 * slice: storing a new key replaces the old one, so the cache stays the size of
 * the published index.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SearchBundleCache {
  /** Copies the bundle stored for this slice and key into `target`; false when there is none. */
  restore(slice: string, key: string, target: string): boolean;
  /** Keeps a copy of the bundle in `source` for this slice and key. */
  store(slice: string, key: string, source: string): void;
  /** Removes the bundles of slices that no longer exist. */
  keepOnly(slices: ReadonlySet<string>): void;
}

const KEY_FILE = 'sleutel';
const BUNDLE = 'bundel';
// Slice names become folder names: years and "zonder-jaar", nothing that could climb out of the cache.
const SLICE_NAME = /^[a-z0-9-]+$/;

export function searchBundleCache(dir: string): SearchBundleCache {
  const entry = (slice: string) => {
    if (!SLICE_NAME.test(slice)) throw new Error(`zoekindexcache: "${slice}" is geen geldige naam voor een deel van de zoekindex`);
    return join(dir, slice);
  };
  return {
    restore(slice, key, target) {
      const folder = entry(slice);
      let stored: string;
      try {
        stored = readFileSync(join(folder, KEY_FILE), 'utf8');
      } catch {
        return false;
      }
      if (stored !== key || !existsSync(join(folder, BUNDLE))) return false;
      cpSync(join(folder, BUNDLE), target, { recursive: true });
      return true;
    },
    store(slice, key, source) {
      const folder = entry(slice);
      // Written beside and swapped in, so an interrupted build leaves either the old entry or the new one.
      const fresh = `${folder}.nieuw-${process.pid}`;
      rmSync(fresh, { recursive: true, force: true });
      mkdirSync(fresh, { recursive: true });
      cpSync(source, join(fresh, BUNDLE), { recursive: true });
      writeFileSync(join(fresh, KEY_FILE), key);
      rmSync(folder, { recursive: true, force: true });
      renameSync(fresh, folder);
    },
    keepOnly(slices) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) if (!slices.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
    },
  };
}
