/**
 * Which pages of a PDF are scans: a picture of paper, whose words are only
 * pixels. Such a page needs text recognition (OCR) before its letter can be
 * read or searched.
 *
 * "Has some text" does not mean "has its text": a scanner or a document system
 * often stamps a little real text onto the picture (a received-stamp, a
 * barcode number, a running header), and a page whose text layer is only that
 * still has its letter in pixels. So a page is a scan when pictures cover most
 * of it and its text layer is empty or no more than such a stamp. A scan that
 * already carries its own recognised text (invisible text over the picture,
 * as scanners with OCR write it) has its text, and is not read again.
 *
 * The page is walked with MuPDF's device interface: images are seen with
 * their place on the page but never decoded, so a 600 dpi poster costs no
 * more than a letter.
 */
import * as mupdf from 'mupdf';

/** What a page holds, as far as telling a scan from a text page goes. */
export interface PageContent {
  /** 1 for the first page. */
  page: number;
  /** Part of the page (0–1) that images cover. */
  imageCover: number;
  /** Letters and digits in the text layer, visible or not. */
  letters: number;
  /** Part of the page (0–1) that the text layer's glyphs cover, roughly. */
  textCover: number;
}

/** Images cover at least this much of a scanned page; a letter with a logo or a photo stays far below. */
const SCAN_IMAGE_COVER = 0.5;
/** Fewer letters than this is a stamp, a barcode number or a running header, not the page's text. */
const STAMP_LETTERS = 100;
/** Text covering less than this part of the page is a stamp too, however many letters it has (tiny print). */
const STAMP_TEXT_COVER = 0.01;

/** Image cover is counted on a grid of this many cells a side: overlapping images (a scan in layers) are not counted twice. */
const GRID = 64;

// MuPDF reports what it repairs on standard error; a damaged page is judged here, not logged.
mupdf.setLog({ error() {}, warning() {} });

export function isScan(content: PageContent): boolean {
  if (content.imageCover < SCAN_IMAGE_COVER) return false;
  return content.letters < STAMP_LETTERS || content.textCover < STAMP_TEXT_COVER;
}

/** The determinant's root: how much a matrix scales an area, as a length. */
const scaleOf = (m: mupdf.Matrix) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

function transformPoint(m: mupdf.Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

/** What one page holds; a page MuPDF cannot run counts as empty (nothing to read, nothing to recognise). */
export function pageContent(page: mupdf.Page, number: number): PageContent {
  const [left, top, right, bottom] = page.getBounds();
  const width = right - left;
  const height = bottom - top;
  const area = width * height;
  const covered = new Uint8Array(GRID * GRID);
  let letters = 0;
  let glyphArea = 0;

  const image = (ctm: mupdf.Matrix) => {
    // An image fills the unit square, placed by its matrix (rotated or skewed as the case may be).
    const corners = [transformPoint(ctm, 0, 0), transformPoint(ctm, 1, 0), transformPoint(ctm, 0, 1), transformPoint(ctm, 1, 1)];
    const xs = corners.map(([x]) => (x - left) / width);
    const ys = corners.map(([, y]) => (y - top) / height);
    const from = (v: number) => Math.max(0, Math.ceil(v * GRID - 0.5));
    const to = (v: number) => Math.min(GRID - 1, Math.floor(v * GRID - 0.5));
    for (let row = from(Math.min(...ys)); row <= to(Math.max(...ys)); row++) {
      for (let column = from(Math.min(...xs)); column <= to(Math.max(...xs)); column++) covered[row * GRID + column] = 1;
    }
  };
  const text = (value: mupdf.Text, ctm: mupdf.Matrix) => {
    value.walk({
      showGlyph(_font, trm, _glyph, unicode) {
        if (unicode > 0 && /[\p{L}\p{N}]/u.test(String.fromCodePoint(unicode))) letters++;
        // A glyph is about half an em wide and an em high.
        const size = scaleOf(mupdf.Matrix.concat(trm, ctm));
        glyphArea += 0.5 * size * size;
      },
    });
  };

  const device = new mupdf.Device({
    fillImage: (_image, ctm) => image(ctm),
    // A bilevel scan is often drawn as a stencil mask in black.
    fillImageMask: (_image, ctm) => image(ctm),
    fillText: (value, ctm) => text(value, ctm),
    strokeText: (value, _stroke, ctm) => text(value, ctm),
    clipText: (value, ctm) => text(value, ctm),
    clipStrokeText: (value, _stroke, ctm) => text(value, ctm),
    // Invisible text (rendering mode 3): the recognised text a scanner with OCR lays over its picture.
    ignoreText: (value, ctm) => text(value, ctm),
  });
  try {
    if (area > 0) page.run(device, mupdf.Matrix.identity);
  } catch {
    // A damaged content stream: what was seen before the damage still counts.
  } finally {
    device.close();
    device.destroy();
  }
  const cells = covered.reduce((sum, cell) => sum + cell, 0);
  return { page: number, imageCover: cells / covered.length, letters, textCover: area > 0 ? Math.min(1, glyphArea / area) : 0 };
}

/** What every page of a PDF holds. Throws when MuPDF cannot open the file at all. */
export function pageContents(data: Uint8Array): PageContent[] {
  const document = mupdf.Document.openDocument(data, 'application/pdf');
  try {
    const contents: PageContent[] = [];
    for (let index = 0; index < document.countPages(); index++) {
      let page: mupdf.Page | undefined;
      try {
        page = document.loadPage(index);
        contents.push(pageContent(page, index + 1));
      } catch {
        contents.push({ page: index + 1, imageCover: 0, letters: 0, textCover: 0 });
      } finally {
        page?.destroy();
      }
    }
    return contents;
  } finally {
    document.destroy();
  }
}

/** The scanned pages of a PDF, 1 for the first page: the ones to read with OCR. */
export function scannedPages(data: Uint8Array): number[] {
  return pageContents(data)
    .filter(isScan)
    .map((content) => content.page);
}
