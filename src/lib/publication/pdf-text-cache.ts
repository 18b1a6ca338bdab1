/**
 * Extracted PDF text, remembered between builds by the SHA-256 of the file's
 * bytes: reading a PDF costs tens of milliseconds a page, and a rebuild should
 * only pay that for files that changed. Kept in a store of sixteen files
 * (src/lib/content/digest-store.ts), so a new letter's PDFs rewrite one or two.
 */
import { digestStore } from '../content/digest-store';
import type { PdfText } from './pdf-text';

interface Entry extends PdfText {
  /** Extractor and settings the text was made with; any other value is a miss. */
  version: string;
}

export interface PdfTextCache {
  get(sha256: string): PdfText | undefined;
  set(sha256: string, text: PdfText): void;
  /** Drops the texts of files no longer published, so the cache stays the size of the archive, and writes what changed. */
  keepOnly(sha256s: ReadonlySet<string>): void;
}

const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && typeof (value as Entry).text === 'string' && typeof (value as Entry).version === 'string';

export function pdfTextCache(dir: string, version: string): PdfTextCache {
  const store = digestStore(dir, isEntry);
  return {
    get(sha256) {
      const entry = store.get(sha256);
      if (!entry || entry.version !== version) return undefined;
      return { pages: entry.pages, pagesRead: entry.pagesRead, text: entry.text, truncated: entry.truncated };
    },
    set(sha256, text) {
      store.set(sha256, { version, ...text });
    },
    keepOnly(sha256s) {
      store.save(sha256s);
    },
  };
}
