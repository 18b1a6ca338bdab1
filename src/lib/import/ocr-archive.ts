/**
 * Text recognition for the PDFs already in the archive (`npm run ocr`): every
 * signed original and attachment a briefing publishes is looked at, and the
 * scanned pages of each PDF without stored text are read and stored beside it
 * (src/lib/content/ocr-text.ts). A PDF whose text is stored is left alone, so
 * a second run does nothing; a PDF replaced since its text was read is read
 * again, and `again` reads every scan anew.
 */
import { readFileSync } from 'node:fs';
import { briefingPaths, readBriefing } from '../content/check';
import { isPublished, type PublishedFile } from '../content/attachments';
import { loadOcrText, writeOcrText } from '../content/ocr-text';
import { displayPath } from '../content/paths';
import type { Ocr } from './ocr';
import { scannedPages } from './scanned-pages';

export interface ArchiveOcrOptions {
  contentRoot: string;
  ocr: Ocr;
  /** Read every scan again, also those with stored text. */
  again?: boolean;
  /** One line per file: what is read, what is stored. */
  log(line: string): void;
}

export interface ArchiveOcrReport {
  /** PDFs looked at. */
  pdfs: number;
  /** PDFs whose scanned pages were read in this run. */
  read: number;
  /** Pages read in this run. */
  pages: number;
  /** PDFs with stored text, left alone. */
  stored: number;
  /** PDFs without scanned pages. */
  withoutScans: number;
  failed: Array<{ file: string; message: string }>;
}

const pageList = (pages: readonly number[]) => (pages.length === 1 ? `pagina ${pages[0]}` : `pagina's ${pages.join(', ')}`);

/** Every PDF the briefings publish, once, however many briefings share it. */
export function publishedPdfs(contentRoot: string): PublishedFile[] {
  const pdfs = new Map<string, PublishedFile>();
  for (const path of briefingPaths(contentRoot)) {
    const { briefing } = readBriefing(path, contentRoot);
    if (!briefing) continue;
    const { original, attachments } = briefing.files;
    for (const file of [original, ...attachments]) {
      if (file && isPublished(file) && file.extension === 'pdf' && !pdfs.has(file.source)) pdfs.set(file.source, file);
    }
  }
  return [...pdfs.values()].sort((a, b) => a.source.localeCompare(b.source));
}

export async function ocrArchive(options: ArchiveOcrOptions): Promise<ArchiveOcrReport> {
  const pdfs = publishedPdfs(options.contentRoot);
  const report: ArchiveOcrReport = { pdfs: pdfs.length, read: 0, pages: 0, stored: 0, withoutScans: 0, failed: [] };

  const one = async (file: PublishedFile) => {
    const name = displayPath(file.source);
    const stored = options.again ? undefined : loadOcrText(file.source);
    const stale = stored?.pdfSha256 !== undefined && stored.pdfSha256 !== file.sha256;
    if (stored && !stale) {
      report.stored++;
      return;
    }
    try {
      const data = readFileSync(file.source);
      const scanned = scannedPages(data);
      if (scanned.length === 0) {
        report.withoutScans++;
        return;
      }
      options.log(`${name}: ${stale ? 'de pdf is vervangen; ' : ''}${pageList(scanned)} gescand, wordt gelezen…`);
      const pages = await options.ocr.recognise(data, scanned, { file: name });
      const written = writeOcrText(file.source, pages, { sha256: file.sha256 });
      report.read++;
      report.pages += pages.length;
      options.log(`${name}: klaar, tekst in ${displayPath(written)}`);
    } catch (error) {
      report.failed.push({ file: name, message: error instanceof Error ? error.message : String(error) });
      options.log(`${name}: MISLUKT — ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // As many files at once as pages: a file of one page leaves no worker idle while the next waits.
  let next = 0;
  const lane = async () => {
    while (next < pdfs.length) await one(pdfs[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.ocr.workers, pdfs.length)) }, lane));
  return report;
}
