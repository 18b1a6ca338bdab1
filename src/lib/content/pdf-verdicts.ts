/**
 * A PDF's verdict (refused or not, embedded files), remembered by the SHA-256
 * of its bytes: reading a large PDF's objects costs milliseconds, and an
 * archive of ten thousand letters should pay that once, not on every build
 * and every check. Kept in Raadsarchief's cache folder
 * (node_modules/.cache/raadsarchief, or RAADSARCHIEF_CACHE: see cache-dir.ts)
 * in a store keyed by the rules themselves (digest-store.ts), so a change to
 * the rules or to MuPDF reads every PDF again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFolders } from './cache-dir';
import { digestStore, type DigestStore } from './digest-store';
import { inspectPdf, type PdfVerdict } from './pdf-active-content';

const RULE_FILES = ['src/lib/content/pdf-active-content.ts', 'src/lib/import/structured-text.ts', 'node_modules/mupdf/package.json'];

let store: DigestStore<PdfVerdict> | null | undefined;
const remembered = new Map<string, PdfVerdict>();

const isVerdict = (value: unknown): value is PdfVerdict => typeof value === 'object' && value !== null && Array.isArray((value as PdfVerdict).embedded);

/** The store for the current rules, or null when the rules cannot be read (then nothing is kept on disk). */
function verdicts(): DigestStore<PdfVerdict> | null {
  if (store !== undefined) return store;
  try {
    const rules = createHash('sha256');
    for (const file of RULE_FILES) rules.update(readFileSync(join(process.cwd(), file)));
    store = digestStore(join(cacheFolders().raadsarchief, 'pdf-controle', rules.digest('hex').slice(0, 12)), isVerdict);
  } catch {
    store = null;
  }
  return store;
}

export function pdfVerdict(content: Uint8Array, sha256: string): PdfVerdict {
  const known = remembered.get(sha256) ?? verdicts()?.get(sha256);
  if (known) {
    remembered.set(sha256, known);
    return known;
  }
  const verdict = inspectPdf(content);
  remembered.set(sha256, verdict);
  verdicts()?.set(sha256, verdict);
  return verdict;
}

/** Writes the verdicts worked out since the last save (also done when the process ends). */
export function savePdfVerdicts(): void {
  store?.save();
}
