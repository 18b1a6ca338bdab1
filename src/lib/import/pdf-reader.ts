/**
 * A PDF letter as blocks. The text layer is read with MuPDF (the library that
 * also judges a PDF's safety) into lines with their place, size and weight;
 * pages that are scans can be replaced by OCR of the page, from an engine
 * given by the caller. The layout of those lines — running headers, the
 * letterhead's columns, headings, lists, paragraphs — is read in pdf-layout.ts,
 * the same way for the text layer and for OCR.
 */
import * as mupdf from 'mupdf';
import { ImportProblem, type ReadLetter } from './blocks';
import type { PageLine, PageText } from './page-text';
import { pagesToLetter } from './pdf-layout';
import { structuredText } from './structured-text';

// MuPDF reports what it repairs on standard error; a damaged file is judged here, not logged.
mupdf.setLog({ error() {}, warning() {} });

/** Fonts whose name says they are bold: "Arial-BoldMT", "ABCDEF+Arial,Bold", "Calibri-Semibold". */
const BOLD_FONT = /bold|black|heavy|semibold|demi/i;
/** Barcode fonts print a line of bars above the letterhead; its "text" is no part of the letter. */
const BARCODE_FONT = /barcode|code[-_ ]?39|code[-_ ]?128|3of9|\bc39|\bc128|ean-?13|idautomation/i;
/** Ligatures a text layer may give as one character. */
const LIGATURES: Record<string, string> = { '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st' };

interface Glyph {
  c: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  size: number;
  bold: boolean;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

/**
 * The text of one line from its glyphs. MuPDF puts a space where glyphs stand
 * apart; in letter-spaced text ("Da tum", "ge nomen") that can be a gap inside
 * a word. A space clearly narrower than the line's other word gaps is such a
 * gap and is left out.
 */
function lineText(glyphs: ReadonlyArray<Glyph>, size: number): string {
  const words: Glyph[][] = [[]];
  for (const glyph of glyphs) {
    if (/\s/.test(glyph.c)) {
      if (words[words.length - 1]!.length) words.push([]);
    } else words[words.length - 1]!.push(glyph);
  }
  if (!words[words.length - 1]!.length) words.pop();
  const gaps = words.slice(1).map((word, i) => word[0]!.left - words[i]!.at(-1)!.right);
  let text = words[0]?.map((g) => g.c).join('') ?? '';
  words.slice(1).forEach((word, i) => {
    const others = gaps.filter((_, j) => j !== i);
    const inWord = others.length >= 2 && gaps[i]! < 0.72 * median(others) && gaps[i]! < 0.22 * size && /\p{L}$/u.test(text) && /^\p{L}/u.test(word[0]!.c);
    text += (inWord ? '' : ' ') + word.map((g) => g.c).join('');
  });
  return text;
}

function toPageLine(glyphs: Glyph[]): PageLine | undefined {
  const inked = glyphs.filter((g) => !/\s/.test(g.c));
  if (!inked.length) return undefined;
  const size = median(inked.map((g) => g.size)) || median(inked.map((g) => g.bottom - g.top));
  const text = lineText(glyphs, size)
    .replace(/[\ufb00-\ufb06]/g, (l) => LIGATURES[l]!)
    .replace(/\u00ad/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (!text) return undefined;
  return {
    text,
    x: Math.min(...inked.map((g) => g.left)),
    right: Math.max(...inked.map((g) => g.right)),
    y: Math.min(...inked.map((g) => g.top)),
    size,
    bold: inked.filter((g) => g.bold).length >= inked.length * 0.6,
  };
}

/** Opens a PDF with MuPDF, or says in Dutch why it cannot be read. */
function openPdf(data: Uint8Array): mupdf.Document {
  let document: mupdf.Document;
  try {
    document = mupdf.Document.openDocument(data, 'application/pdf');
  } catch {
    throw new ImportProblem('de pdf is beschadigd en kan niet worden gelezen', 'Open hem in een pdf-lezer; lukt dat, exporteer of print hem dan opnieuw als pdf.');
  }
  if (document.needsPassword()) {
    document.destroy();
    throw new ImportProblem('de pdf is beveiligd met een wachtwoord', 'Vraag de afzender om een pdf zonder wachtwoord, of open hem en sla hem op zonder beveiliging.');
  }
  return document;
}

/**
 * The text layer of every page as lines with their place (from the page's top
 * left), size and weight. A line is cut where MuPDF sees a wide gap, so a side
 * column and the body beside it stay apart. Vertical text (a document number
 * printed along the margin) and barcodes are left out.
 */
export function readTextLayer(data: Uint8Array): PageText[] {
  const document = openPdf(data);
  const pages: PageText[] = [];
  try {
    const count = document.countPages();
    for (let index = 0; index < count; index++) {
      const page = document.loadPage(index);
      const [x0, y0, x1, y1] = page.getBounds();
      const structured = structuredText(page);
      const lines: PageLine[] = [];
      let glyphs: Glyph[] = [];
      let horizontal = true;
      // Per font, once: whether it is bold, and whether it is a barcode.
      const fonts = new Map<number, { bold: boolean; barcode: boolean }>();
      const fontOf = (font: mupdf.Font) => {
        let known = fonts.get(font.pointer);
        if (!known) fonts.set(font.pointer, (known = { bold: font.isBold() || BOLD_FONT.test(font.getName()), barcode: BARCODE_FONT.test(font.getName()) }));
        return known;
      };
      structured.walk({
        beginLine(_bbox, wmode, direction) {
          glyphs = [];
          horizontal = wmode === 0 && direction[0] > 0.99 && Math.abs(direction[1]) < 0.01;
        },
        onChar(c, _origin, font, size, quad) {
          const { bold, barcode } = fontOf(font);
          if (!horizontal || barcode) return;
          const [ulx, uly, urx, ury, llx, lly, lrx, lry] = quad;
          glyphs.push({ c, left: Math.min(ulx, llx) - x0, right: Math.max(urx, lrx) - x0, top: Math.min(uly, ury) - y0, bottom: Math.max(lly, lry) - y0, size, bold });
        },
        endLine() {
          const line = toPageLine(glyphs);
          if (line) lines.push(line);
        },
      });
      structured.destroy();
      page.destroy();
      pages.push({ page: index + 1, width: x1 - x0, height: y1 - y0, lines, source: 'tekstlaag' });
    }
  } catch (error) {
    if (error instanceof ImportProblem) throw error;
    throw new ImportProblem('de pdf is beschadigd en kan niet worden gelezen', 'Open hem in een pdf-lezer; lukt dat, exporteer of print hem dan opnieuw als pdf.');
  } finally {
    document.destroy();
  }
  return pages;
}

export interface PdfReadOptions {
  /** OCR of the given pages (1 for the first) of the PDF, as lines; the engine is the caller's. */
  ocr?: (data: Uint8Array, pages: number[]) => Promise<PageText[]>;
  /** Pages that are scans; by default the pages whose text layer has no text. */
  scanned?: number[];
}

const hasText = (page: PageText) => page.lines.some((l) => /[\p{L}\p{N}]/u.test(l.text));

const pageList = (pages: number[]) => (pages.length === 1 ? `pagina ${pages[0]}` : `pagina’s ${pages.slice(0, -1).join(', ')} en ${pages.at(-1)}`);

export async function readPdf(data: Uint8Array, options: PdfReadOptions = {}): Promise<ReadLetter> {
  if (Buffer.from(data.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new ImportProblem('het bestand is geen echte pdf', 'Exporteer de brief opnieuw als pdf, of importeer het Word-bestand.');
  let pages = readTextLayer(data);
  const scanned = options.scanned ?? pages.filter((p) => !hasText(p)).map((p) => p.page);
  const notes: string[] = [];
  if (scanned.length && options.ocr) {
    const read = new Map((await options.ocr(data, scanned)).map((p) => [p.page, p]));
    pages = pages.map((p) => read.get(p.page) ?? p);
    notes.push(`De tekst van ${pageList(scanned)} is met tekstherkenning (OCR) gelezen: vergelijk namen, bedragen en data met de brief.`);
  }
  if (!pages.some(hasText)) {
    throw new ImportProblem('de pdf heeft geen tekstlaag: het is waarschijnlijk een scan', 'Laat er eerst tekstherkenning (OCR) op los, bijvoorbeeld met de scanner of Adobe Acrobat (“Scan en OCR”), of importeer het Word-bestand van de brief.');
  }
  const unread = pages.filter((p) => !hasText(p)).map((p) => p.page);
  if (unread.length) notes.push(`${pageList(unread).replace(/^p/, 'P')} ${unread.length === 1 ? 'is een scan zonder tekst en ontbreekt' : 'zijn scans zonder tekst en ontbreken'} in de tekst hieronder: neem die over uit de brief, of laat er tekstherkenning (OCR) op los en importeer opnieuw.`);
  const letter = pagesToLetter(pages);
  return { ...letter, notes: [...notes, ...letter.notes] };
}
