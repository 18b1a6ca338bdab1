/**
 * Whether the text read from a document's first page (its text layer and the
 * stored OCR text) is the letter itself, so that finding no name in it clears
 * the document. A scan carries no text but the few words a scanner or a
 * document system stamps on it ("Ontvangen 3 mei 2024", a barcode number):
 * until its OCR text is stored, nothing on it has been read. A text PDF with
 * little on its first page has been read all the same. Other files (Word, an
 * image) are not read at all.
 */
import { readFileSync } from 'node:fs';
import * as mupdf from 'mupdf';
import { isScan, pageContent } from '../import/scanned-pages';

/** A salutation, or more letters than a stamp has (scanned-pages.ts counts a stamp the same way). */
const LETTER_TEXT = /^[^\S\n]*(?:Geachte|Hooggeachte|Beste|Lieve)\b/im;
const STAMP_LETTERS = 100;

/** Whether page 1 of the PDF is a picture of paper; a PDF MuPDF cannot open counts as one (nothing in it was read). */
function firstPageIsScan(path: string): boolean {
  let document: mupdf.Document | undefined;
  let page: mupdf.Page | undefined;
  try {
    document = mupdf.Document.openDocument(readFileSync(path), 'application/pdf');
    if (document.countPages() === 0) return true;
    page = document.loadPage(0);
    return isScan(pageContent(page, 1));
  } catch {
    return true;
  } finally {
    page?.destroy();
    document?.destroy();
  }
}

export function openingWasRead(source: string, extension: string, opening: string): boolean {
  if (LETTER_TEXT.test(opening) || (opening.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= STAMP_LETTERS) return true;
  // Walking the page costs a few milliseconds: only for a first page with almost no text.
  return extension === 'pdf' && !firstPageIsScan(source);
}
