/**
 * Text recognition (OCR) of scanned PDF pages, at import and by `npm run ocr`,
 * never during a build: the result is stored beside the PDF
 * (src/lib/content/ocr-text.ts) and read from there.
 *
 * A page is rendered by MuPDF to a grayscale image at 300 dpi and read by the
 * engine (src/lib/import/ocr-tesseract.ts, behind src/lib/import/ocr-engine.ts);
 * its lines come back in the page's own points, as the `PageText` the layout
 * reading also gets from a text layer. Pages are read side by side, one per
 * core. A page is rendered only when an engine slot is free and its image is
 * let go as soon as it is read, so memory stays at a few page images however
 * long the file or the import.
 */
import { availableParallelism } from 'node:os';
import * as mupdf from 'mupdf';
import type { OcrEngine, PageImage, RecognisedLine } from './ocr-engine';
import { tesseractEngine } from './ocr-tesseract';
import type { PageLine, PageText } from './page-text';
import { scannedPages } from './scanned-pages';

/** Resolution pages are rendered at: what Tesseract is trained for, and what a letter's small print needs. */
export const OCR_DPI = 300;

/**
 * At most this many pixels a page (an A2 sheet at 300 dpi, 35 MB in gray). A
 * larger sheet, a map or a poster, is rendered at a lower resolution instead
 * of taking hundreds of megabytes.
 */
const MAX_PIXELS = 35_000_000;

/** Lines the engine is less sure of than this are specks, ruling and signatures, not words. */
const MIN_CONFIDENCE = 20;

export interface OcrProgress {
  /** What the caller named the file, for its messages. */
  file?: string;
  /** The page just read, 1 for the first. */
  page: number;
  /** Pages of this file read so far, this one included. */
  done: number;
  /** Pages of this file to read. */
  total: number;
}

export interface OcrOptions {
  /** Pages read at the same time; the machine's cores by default. */
  workers?: number;
  /** Rendering resolution; 300 by default. */
  dpi?: number;
  /** Called after every page, in the order pages finish. */
  onPage?(progress: OcrProgress): void;
  /** Another engine than Tesseract; it decides itself how many pages it reads at once. */
  engine?: OcrEngine;
}

export interface Ocr {
  /** Pages read at the same time. */
  readonly workers: number;
  /**
   * Reads the given pages (1 for the first) of a PDF, in the order given.
   * Several calls may run at once: they share the engine's slots. Throws when
   * the file cannot be opened, a page does not exist, or the engine fails.
   */
  recognise(data: Uint8Array, pages: readonly number[], options?: { file?: string }): Promise<PageText[]>;
  /** Ends the engine's workers; call it once the import or the run is done. */
  close(): Promise<void>;
}

/** A queue of slots: a page waits for one before it is rendered, first come first served. */
function slots(count: number) {
  let free = count;
  const waiting: Array<() => void> = [];
  return {
    acquire: (): Promise<void> => {
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release: () => {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

/** Where the image's pixels lie on the page, to bring the engine's lines back to points. */
interface Placement {
  scale: number;
  /** The pixmap's origin, in pixels of the scaled page. */
  originX: number;
  originY: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

function render(document: mupdf.Document, number: number, dpi: number): { image: PageImage; placement: Placement } {
  const page = document.loadPage(number - 1);
  try {
    const [left, top, right, bottom] = page.getBounds();
    const width = right - left;
    const height = bottom - top;
    let scale = dpi / 72;
    const pixels = width * scale * height * scale;
    if (pixels > MAX_PIXELS) scale *= Math.sqrt(MAX_PIXELS / pixels);
    // Annotations are drawn too: a stamp or a handwritten note on the scan is part of what a reader sees.
    const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false, true);
    try {
      pixmap.setResolution(Math.round(scale * 72), Math.round(scale * 72));
      return {
        image: { png: pixmap.asPNG(), width: pixmap.getWidth(), height: pixmap.getHeight(), dpi: scale * 72 },
        placement: { scale, originX: pixmap.getX(), originY: pixmap.getY(), left, top, width, height },
      };
    } finally {
      pixmap.destroy();
    }
  } finally {
    page.destroy();
  }
}

const tenth = (value: number) => Math.round(value * 10) / 10;

/** The engine's lines as the page's lines: points from the page's top left, words in Unicode's composed form. */
export function toPageLines(lines: readonly RecognisedLine[], placement: Placement): PageLine[] {
  const { scale, originX, originY, left, top } = placement;
  const x = (pixels: number) => tenth((pixels + originX) / scale - left);
  const y = (pixels: number) => tenth((pixels + originY) / scale - top);
  return lines.flatMap((line) => {
    const text = line.text.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(text) || line.confidence < MIN_CONFIDENCE) return [];
    return [{ text, x: x(line.left), right: x(line.right), y: y(line.top), size: tenth(line.letterHeight / scale), bold: false }];
  });
}

export function createOcr(options: OcrOptions = {}): Ocr {
  const engine = options.engine ?? tesseractEngine({ workers: options.workers ?? availableParallelism() });
  const dpi = options.dpi ?? OCR_DPI;
  const queue = slots(engine.capacity);

  async function readPage(document: mupdf.Document, number: number): Promise<PageText> {
    await queue.acquire();
    try {
      const { image, placement } = render(document, number, dpi);
      let lines: RecognisedLine[];
      try {
        lines = await engine.recognise(image);
      } catch (error) {
        // Tesseract rejects with a bare string; the caller gets an Error that names the page.
        throw new Error(`pagina ${number}: tekstherkenning mislukt (${error instanceof Error ? error.message : String(error)})`, { cause: error });
      }
      return { page: number, width: tenth(placement.width), height: tenth(placement.height), lines: toPageLines(lines, placement), source: 'ocr' };
    } finally {
      queue.release();
    }
  }

  return {
    workers: engine.capacity,
    async recognise(data, pages, { file } = {}) {
      const document = mupdf.Document.openDocument(data, 'application/pdf');
      try {
        const count = document.countPages();
        const wrong = pages.filter((page) => !Number.isInteger(page) || page < 1 || page > count);
        if (wrong.length) throw new Error(`${file ?? 'de pdf'} heeft ${count === 1 ? '1 pagina' : `${count} pagina's`}; pagina ${wrong.join(', ')} bestaat niet`);
        let done = 0;
        const read = pages.map(async (page) => {
          const text = await readPage(document, page);
          options.onPage?.({ file, page, done: ++done, total: pages.length });
          return text;
        });
        // Every page settles before the document is let go: a page still waiting for a slot renders from it.
        const settled = await Promise.allSettled(read);
        const failed = settled.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
        return settled.map((result) => (result as PromiseFulfilledResult<PageText>).value);
      } finally {
        document.destroy();
      }
    },
    close: () => engine.close(),
  };
}

/**
 * For the importer: the scanned pages of a PDF, read with OCR. A PDF without
 * scanned pages costs only the look at its pages.
 */
export async function ocrScannedPages(data: Uint8Array, ocr: Ocr, options: { file?: string } = {}): Promise<{ pages: PageText[]; scanned: number[] }> {
  const scanned = scannedPages(data);
  if (scanned.length === 0) return { pages: [], scanned };
  return { pages: await ocr.recognise(data, scanned, options), scanned };
}
