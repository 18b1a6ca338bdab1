/**
 * The recognised text of a scanned PDF, stored beside it in content/: for
 * `bijlagen/brief.pdf` the file `bijlagen/brief.pdf.ocr.txt`. Text recognition
 * (OCR) runs at import and with `npm run ocr`, never in a build: the text is
 * committed with the archive, so a clerk can read and correct it, and every
 * build indexes the same words. The file is not published; only the PDF is.
 *
 * Plain UTF-8 text a clerk can open in any editor: a comment at the top, then
 * each recognised page under a line `=== pagina 2 (tekstherkenning) ===`.
 * Only scanned pages are in it; the PDF's other pages have their own text.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { PageText } from '../import/page-text';

export const ocrTextPath = (pdfPath: string) => `${pdfPath}.ocr.txt`;

const MARKER = /^[ \t]*===[ \t]*pagina[ \t]+(\d+)\b[^\n]*===[ \t]*$/i;
const PDF_HASH = /^#\s*sha256 van de pdf:\s*([0-9a-f]{64})\s*$/i;

const HINT_MARKER = 'Elke gescande pagina staat één keer in het bestand, onder de regel "=== pagina N (tekstherkenning) ===" met N het nummer van de pagina in de pdf.';

const marker = (page: number) => `=== pagina ${page} (tekstherkenning) ===`;

export interface OcrTextProblem {
  /** Line in the text file, 1 for the first. */
  line: number;
  message: string;
  hint: string;
}

export interface OcrText {
  /** Recognised text by page number (1 for the first page). */
  pages: Map<number, string>;
  /** SHA-256 of the PDF the text was read from, as the file records it. */
  pdfSha256?: string;
  /** SHA-256 of the text file itself: a correction changes it. */
  sha256: string;
  problems: OcrTextProblem[];
}

/**
 * One page's lines as a clerk would type them: a line per printed line, an
 * empty line where the page leaves room between paragraphs.
 */
export function pageTextOf(page: Pick<PageText, 'lines'>): string {
  const out: string[] = [];
  let previous: PageText['lines'][number] | undefined;
  for (const line of page.lines) {
    // More than a line's height of white above it starts a new paragraph.
    if (previous && line.y - (previous.y + previous.size) > Math.max(previous.size, line.size) * 1.2) out.push('');
    out.push(line.text);
    previous = line;
  }
  return out.join('\n');
}

export function formatOcrText(pdfName: string, pages: readonly PageText[], pdfSha256: string): string {
  const header = [
    `# Tekst van de gescande pagina's van ${pdfName}, gelezen met tekstherkenning (OCR); hij maakt de scan doorzoekbaar. Verbeteringen zijn welkom: pas de tekst aan en laat de regels met === staan.`,
    `# sha256 van de pdf: ${pdfSha256}`,
  ];
  const body = [...pages].sort((a, b) => a.page - b.page).map((page) => `${marker(page.page)}\n${pageTextOf(page)}`.trimEnd());
  // An empty line before every page marker, so the pages stand apart in an editor.
  return `${header.join('\n')}\n\n${body.join('\n\n')}\n`;
}

export function parseOcrText(text: string): Omit<OcrText, 'sha256'> {
  const pages = new Map<number, string>();
  const problems: OcrTextProblem[] = [];
  let pdfSha256: string | undefined;
  let current: { page: number; lines: string[] } | undefined;
  let stray: number | undefined;
  const finish = () => {
    if (current && current.page > 0) pages.set(current.page, current.lines.join('\n').trim());
  };
  // An editor on Windows may add a byte-order mark and carriage returns.
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      const found = MARKER.exec(line);
      if (found) {
        finish();
        const page = Number(found[1]);
        if (page < 1) {
          problems.push({ line: index + 1, message: `"${line.trim()}" noemt geen pagina (de eerste is pagina 1); de tekst eronder wordt niet doorzocht`, hint: HINT_MARKER });
          current = { page: 0, lines: [] };
          return;
        }
        if (pages.has(page)) {
          problems.push({ line: index + 1, message: `pagina ${page} staat twee keer in de tekst`, hint: HINT_MARKER });
        }
        // A page named twice keeps both texts: both are what a clerk wrote.
        current = { page, lines: pages.has(page) ? [pages.get(page)!] : [] };
        return;
      }
      if (current) {
        current.lines.push(line);
        return;
      }
      const hash = PDF_HASH.exec(line);
      if (hash) pdfSha256 = hash[1]!.toLowerCase();
      else if (!line.startsWith('#') && line.trim() && stray === undefined) stray = index + 1;
    });
  finish();
  if (stray !== undefined) {
    problems.push({
      line: stray,
      message: 'hier staat tekst boven de eerste regel "=== pagina N (tekstherkenning) ===", zodat niet te zien is bij welke pagina hij hoort; hij wordt niet doorzocht',
      hint: 'Zet de tekst onder de regel van zijn pagina, of laat `npm run ocr -- --opnieuw` de scan opnieuw lezen.',
    });
  }
  return { pages, pdfSha256, problems };
}

/** The stored text of a PDF, with its problems; undefined when there is none. */
export function loadOcrText(pdfPath: string): OcrText | undefined {
  const path = ocrTextPath(pdfPath);
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  return { ...parseOcrText(bytes.toString('utf8')), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The stored text of a PDF by page number; undefined when the PDF has none. */
export function readOcrText(pdfPath: string): Map<number, string> | undefined {
  return loadOcrText(pdfPath)?.pages;
}

/**
 * Stores the recognised pages beside the PDF, replacing what was stored.
 * `sha256` is the PDF's; without it the PDF at `pdfPath` is read.
 */
export function writeOcrText(pdfPath: string, pages: readonly PageText[], options: { sha256?: string } = {}): string {
  const sha256 = options.sha256 ?? createHash('sha256').update(readFileSync(pdfPath)).digest('hex');
  const path = ocrTextPath(pdfPath);
  writeFileSync(path, formatOcrText(basename(pdfPath), pages, sha256));
  return path;
}
