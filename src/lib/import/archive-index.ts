/**
 * What the archive already holds, so an import never adds a letter twice: the
 * kenmerk of every briefing, the SHA-256 of every file next to the briefings,
 * and the SHA-256 each imported briefing records of the file it came from.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { splitFrontmatter } from '../content/check';

/** The comment an imported briefing carries in its frontmatter. */
export const IMPORTED_FROM = '# sha256 van het geïmporteerde bestand:';

export interface ArchiveIndex {
  /** Normalised kenmerk → briefing file. */
  kenmerken: Map<string, string>;
  /** SHA-256 → the file in the archive with those bytes, or the briefing imported from them. */
  hashes: Map<string, string>;
}

export const normaliseKenmerk = (kenmerk: string) => kenmerk.replace(/\s+/g, '').toUpperCase();

function files(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function readArchiveIndex(contentRoot: string): ArchiveIndex {
  const index: ArchiveIndex = { kenmerken: new Map(), hashes: new Map() };
  for (const path of files(join(contentRoot, 'stukken'))) {
    if (!/\.mdx?$/i.test(path)) {
      index.hashes.set(createHash('sha256').update(readFileSync(path)).digest('hex'), path);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const parts = splitFrontmatter(text);
    if (!parts) continue;
    const recorded = new RegExp(`${IMPORTED_FROM}\\s*([0-9a-f]{64})`).exec(parts.frontmatter);
    if (recorded) index.hashes.set(recorded[1]!, path);
    try {
      const data = load(parts.frontmatter) as { kenmerk?: unknown } | null;
      if (data && (typeof data.kenmerk === 'string' || typeof data.kenmerk === 'number')) index.kenmerken.set(normaliseKenmerk(String(data.kenmerk)), path);
    } catch {
      // A briefing whose frontmatter does not read is the check's business, not the import's.
    }
  }
  return index;
}
