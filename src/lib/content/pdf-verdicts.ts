/**
 * A PDF's verdict (refused or not, embedded files), remembered by the SHA-256
 * of its bytes: reading a large PDF's objects costs milliseconds, and an
 * archive of ten thousand letters should pay that once, not on every build
 * and every check. One small JSON file per PDF in Raadsarchief's cache folder
 * (node_modules/.cache/raadsarchief, or RAADSARCHIEF_CACHE: see cache-dir.ts),
 * keyed by the rules themselves, so a change to the rules or to MuPDF reads
 * every PDF again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFolders } from './cache-dir';
import { inspectPdf, type PdfVerdict } from './pdf-active-content';

const RULE_FILES = ['src/lib/content/pdf-active-content.ts', 'node_modules/mupdf/package.json'];

let folder: string | null | undefined;
const remembered = new Map<string, PdfVerdict>();

/** The cache folder for the current rules, or null when the rules cannot be read (then nothing is kept on disk). */
function cacheFolder(): string | null {
  if (folder !== undefined) return folder;
  try {
    const rules = createHash('sha256');
    for (const file of RULE_FILES) rules.update(readFileSync(join(process.cwd(), file)));
    folder = join(cacheFolders().raadsarchief, 'pdf-controle', rules.digest('hex').slice(0, 12));
  } catch {
    folder = null;
  }
  return folder;
}

export function pdfVerdict(content: Uint8Array, sha256: string): PdfVerdict {
  const known = remembered.get(sha256);
  if (known) return known;
  const dir = cacheFolder();
  const path = dir && join(dir, `${sha256}.json`);
  if (path) {
    try {
      const stored = JSON.parse(readFileSync(path, 'utf8')) as PdfVerdict;
      if (Array.isArray(stored.embedded)) {
        remembered.set(sha256, stored);
        return stored;
      }
    } catch {
      // Not there yet, or damaged: read the PDF.
    }
  }
  const verdict = inspectPdf(content);
  remembered.set(sha256, verdict);
  if (path) {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, JSON.stringify(verdict));
    } catch {
      // A read-only folder only costs the next run the same reading.
    }
  }
  return verdict;
}
