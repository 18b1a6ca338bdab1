/**
 * What the archive already holds, so an import never adds the same document
 * twice and never loses a different one: the SHA-256 of every file next to
 * the briefings, the SHA-256 each imported briefing records of the file and
 * of the text it came from, and every briefing's kenmerk and date. Only the
 * same bytes or the same text make a document "already in the archive"; a
 * shared kenmerk does not (partial decisions in one case share the case's
 * number), it only makes a near match worth a look.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { splitFrontmatter } from '../content/check';
import { blockText, type ReadLetter } from './blocks';

/** The comments an imported briefing carries in its frontmatter. */
export const IMPORTED_FROM = '# sha256 van het geïmporteerde bestand:';
export const IMPORTED_TEXT = '# sha256 van de gelezen tekst:';

export interface KnownBriefing {
  path: string;
  /** As written in the frontmatter: "2021-01-11", "2021", … */
  datum?: string;
}

export interface ArchiveIndex {
  /** Normalised kenmerk → the briefings with it. */
  kenmerken: Map<string, KnownBriefing[]>;
  /** SHA-256 → the file in the archive with those bytes, or the briefing imported from them. */
  hashes: Map<string, string>;
  /** SHA-256 of a letter's text as read → the briefing imported from it. */
  texts: Map<string, string>;
}

export const normaliseKenmerk = (kenmerk: string) => kenmerk.replace(/\s+/g, '').toUpperCase();

/**
 * The digest of what a letter says, regardless of the file it came in: the
 * same letter as Word and as PDF, or saved twice, has the same words.
 */
export function letterTextDigest(letter: Pick<ReadLetter, 'blocks'>): string {
  const words = letter.blocks.map(blockText).join(' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return createHash('sha256').update(words).digest('hex');
}

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

const dateText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value === undefined || value === null ? undefined : String(value));

export function readArchiveIndex(contentRoot: string): ArchiveIndex {
  const index: ArchiveIndex = { kenmerken: new Map(), hashes: new Map(), texts: new Map() };
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
    const recordedText = new RegExp(`${IMPORTED_TEXT}\\s*([0-9a-f]{64})`).exec(parts.frontmatter);
    if (recordedText) index.texts.set(recordedText[1]!, path);
    try {
      const data = load(parts.frontmatter) as { kenmerk?: unknown; datum?: unknown } | null;
      if (data && (typeof data.kenmerk === 'string' || typeof data.kenmerk === 'number')) addKenmerk(index, String(data.kenmerk), { path, datum: dateText(data.datum) });
    } catch {
      // A briefing whose frontmatter does not read is the check's business, not the import's.
    }
  }
  return index;
}

export function addKenmerk(index: ArchiveIndex, kenmerk: string, briefing: KnownBriefing): void {
  const key = normaliseKenmerk(kenmerk);
  const known = index.kenmerken.get(key);
  if (known) known.push(briefing);
  else index.kenmerken.set(key, [briefing]);
}
