/**
 * Scanned PDFs made in the test, the way a scanner makes them: each page of a
 * text PDF is rendered by MuPDF to a grayscale picture and put into a new PDF
 * as the page's only content, optionally with a little real text on top (a
 * received-stamp) or with the words as invisible text (a scanner with OCR).
 */
import * as mupdf from 'mupdf';

export interface ScanOptions {
  /** Resolution of the picture; 200 by default, as a municipality's scanner saves a letter. */
  dpi?: number;
  /** Real text stamped over the picture's top right corner. */
  stamp?: string;
  /** Lines laid over the picture as invisible text (rendering mode 3). */
  invisibleText?: string[];
}

const escape = (text: string) => text.replace(/([\\()])/g, '\\$1');

/** An image-only copy of every page of `pdf`. */
export function scanOf(pdf: Uint8Array, options: ScanOptions = {}): Uint8Array {
  const source = mupdf.Document.openDocument(pdf, 'application/pdf');
  const out = new mupdf.PDFDocument();
  const font = out.addObject({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' });
  const scale = (options.dpi ?? 200) / 72;
  for (let index = 0; index < source.countPages(); index++) {
    const page = source.loadPage(index);
    const [x0, y0, x1, y1] = page.getBounds();
    const width = x1 - x0;
    const height = y1 - y0;
    const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false);
    const image = out.addImage(new mupdf.Image(pixmap));
    let contents = `q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q\n`;
    if (options.stamp) contents += `BT /F1 8 Tf ${width - 150} ${height - 30} Td (${escape(options.stamp)}) Tj ET\n`;
    if (options.invisibleText) contents += `BT 3 Tr /F1 11 Tf 14 TL 72 ${height - 72} Td ${options.invisibleText.map((line) => `(${escape(line)}) Tj T*`).join(' ')} ET\n`;
    const resources = out.addObject({ XObject: { Im0: image }, Font: { F1: font } });
    out.insertPage(-1, out.addPage([0, 0, width, height], 0, resources, contents));
  }
  return out.saveToBuffer('compress').asUint8Array().slice();
}

/** The pages of several PDFs, one after the other, in one PDF. */
export function joinPdfs(...pdfs: Uint8Array[]): Uint8Array {
  const out = new mupdf.PDFDocument();
  for (const pdf of pdfs) {
    const source = mupdf.Document.openDocument(pdf, 'application/pdf').asPDF()!;
    for (let index = 0; index < source.countPages(); index++) out.graftPage(-1, source, index);
  }
  return out.saveToBuffer('compress').asUint8Array().slice();
}
