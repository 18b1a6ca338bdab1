/**
 * The text layer of a PDF, read with Mozilla's pdf.js, so the search can find
 * what a council letter only says in its signed original or in an attachment.
 * A scan has no text layer: the text recognised in it (OCR, stored beside the
 * PDF by `npm run ocr` or the import) is passed in and takes the place of its
 * scanned pages; a scan without it yields no text, and only its title is
 * searchable.
 */
import { createRequire } from 'node:module';

export interface PdfText {
  /** Pages in the document. */
  pages: number;
  /** Pages actually read: fewer than `pages` when `maxChars` was reached. */
  pagesRead: number;
  /** The text, one line per printed line; empty when the PDF has no text layer. */
  text: string;
  /** True when the text was cut off at `maxChars`. */
  truncated: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;
type TextContent = Awaited<ReturnType<PdfPage['getTextContent']>>;

const require = createRequire(import.meta.url);
let pdfjs: PdfJs | undefined;
/**
 * Loaded on first use: a build whose PDFs are all in the cache, `astro dev` and
 * `astro check` do not pay half a second for pdf.js. With require(), not import():
 * this module is loaded with astro.config.mjs, whose import() no longer works by
 * the time the build is done.
 */
const loadPdfJs = (): PdfJs => (pdfjs ??= require('pdfjs-dist/legacy/build/pdf.mjs') as PdfJs);

/** What the extracted text depends on besides the bytes: a cache keyed on it is never stale. */
export function pdfTextVersion(): string {
  // From package.json, so asking does not load pdf.js itself.
  const { version } = require('pdfjs-dist/package.json') as { version: string };
  // Raise the revision when pageText() changes how it joins the pieces.
  return `pdfjs-${version}/r1`;
}

/** True when the text has a letter or a digit in it; a scan yields nothing, or only spaces. */
export const hasText = (text: string) => /[\p{L}\p{N}]/u.test(text);

/**
 * One page as lines of text. pdf.js returns pieces of text with their position;
 * a piece may be half a word (a ligature such as "ff" is a piece of its own), so
 * pieces are joined without a space unless there is room between them on the line.
 */
function pageText(content: TextContent): string {
  let text = '';
  let last: { end: number; y: number; size: number } | undefined;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    if (item.str) {
      const [a, b, , , x, y] = item.transform as number[];
      const size = Math.hypot(a!, b!) || 1;
      const endsInSpace = text === '' || /\s$/.test(text);
      if (last && !endsInSpace) {
        if (Math.abs(y! - last.y) > size / 2) text += '\n';
        else if (x! - last.end > size * 0.15 && !/^\s/.test(item.str)) text += ' ';
      }
      text += item.str;
      last = { end: x! + item.width, y: y!, size };
    }
    if (item.hasEOL) text += '\n';
  }
  return text
    .replace(/\u00ad/g, '')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * Reads the text of every page until `maxChars` is reached. A page in
 * `recognised` (1 for the first) has that text instead of its text layer,
 * which on a scan is at most a stamp. Throws when pdf.js cannot open the
 * document (damaged, encrypted with a password); the caller decides what that
 * means.
 */
export async function extractPdfText(bytes: Uint8Array, options: { maxChars?: number; recognised?: ReadonlyMap<number, string> } = {}): Promise<PdfText> {
  const maxChars = options.maxChars ?? Infinity;
  const { getDocument, VerbosityLevel } = loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given; the caller keeps its own.
    data: new Uint8Array(bytes),
    // Warnings about fonts and damaged objects would flood the build log; a document it cannot read still throws.
    verbosity: VerbosityLevel.ERRORS,
    // Only text is needed: no fonts loaded into the process, no system fonts looked up.
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
  });
  try {
    const document = await task.promise;
    const pages: string[] = [];
    let length = 0;
    let pagesRead = 0;
    while (pagesRead < document.numPages && length <= maxChars) {
      pagesRead++;
      const recognised = options.recognised?.get(pagesRead);
      let text: string;
      if (recognised !== undefined) text = recognised.split('\n').map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim()).filter(Boolean).join('\n');
      else {
        const page = await document.getPage(pagesRead);
        text = pageText(await page.getTextContent());
        page.cleanup();
      }
      if (text) {
        pages.push(text);
        length += text.length + 1;
      }
    }
    let text = pages.join('\n');
    const truncated = text.length > maxChars || pagesRead < document.numPages;
    // Cut at a word boundary, so the index holds no half word.
    if (text.length > maxChars) text = text.slice(0, maxChars + 1).replace(/\s*\S*$/, '');
    return { pages: document.numPages, pagesRead, text: hasText(text) ? text : '', truncated };
  } finally {
    await task.destroy();
  }
}
