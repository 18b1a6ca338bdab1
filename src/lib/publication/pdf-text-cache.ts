/**
 * Extracted PDF text, remembered between builds by the SHA-256 of the file's
 * bytes: reading a PDF costs tens of milliseconds a page, and a rebuild should
 * only pay that for files that changed. One small JSON file per PDF, so a build
 * rewrites nothing it did not read again.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PdfText } from './pdf-text';

interface Entry extends PdfText {
  /** Extractor and settings the text was made with; any other value is a miss. */
  version: string;
}

export interface PdfTextCache {
  get(sha256: string): PdfText | undefined;
  set(sha256: string, text: PdfText): void;
  /** Removes entries of files no longer published, so the cache stays the size of the archive. */
  keepOnly(sha256s: ReadonlySet<string>): void;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function pdfTextCache(dir: string, version: string): PdfTextCache {
  const path = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`pdf-tekstcache: "${sha256}" is geen SHA-256`);
    return join(dir, `${sha256}.json`);
  };
  return {
    get(sha256) {
      try {
        const entry = JSON.parse(readFileSync(path(sha256), 'utf8')) as Entry;
        if (entry.version !== version || typeof entry.text !== 'string') return undefined;
        return { pages: entry.pages, pagesRead: entry.pagesRead, text: entry.text, truncated: entry.truncated };
      } catch {
        // Missing or damaged: read the PDF again.
        return undefined;
      }
    },
    set(sha256, text) {
      mkdirSync(dir, { recursive: true });
      const entry: Entry = { version, ...text };
      // Written beside and renamed would be atomic; a torn file is only a miss next time, so plain writing suffices.
      writeFileSync(path(sha256), JSON.stringify(entry));
    },
    keepOnly(sha256s) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (name.endsWith('.json') && !sha256s.has(name.slice(0, -5))) rmSync(join(dir, name), { force: true });
      }
    },
  };
}
