/**
 * A PDF page as lines with their place and look, whatever read it: the PDF's
 * own text layer, or OCR of a scanned page. The layout reading (headings,
 * lists, running headers, the letterhead's columns) works on this alone, so it
 * treats a scanned letter and a born-digital one the same way.
 */
export interface PageLine {
  text: string;
  /** Left and right edge, in points from the page's left edge. */
  x: number;
  right: number;
  /** Top edge, in points from the page's top edge: lines further down have a larger y. */
  y: number;
  /** Font size (or, for OCR, the height of the line's letters) in points. */
  size: number;
  /** Set in a bold font; OCR cannot tell, and says false. */
  bold: boolean;
}

export interface PageText {
  /** 1 for the first page. */
  page: number;
  width: number;
  height: number;
  lines: PageLine[];
  /** Where the lines come from: the PDF's text layer, or OCR of the page as an image. */
  source: 'tekstlaag' | 'ocr';
}
