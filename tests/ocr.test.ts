/**
 * Reading scans: which pages of a PDF are scans (a picture with at most a
 * stamp of real text), and text recognition (OCR) of those pages with the
 * Dutch model, giving lines in the page's own points like a text layer. The
 * scans are made here, as a scanner makes them: a letter is printed, rendered
 * to a grayscale picture and put into a new PDF as the page's only content.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOcrText, loadOcrText, ocrTextPath, parseOcrText, readOcrText, writeOcrText } from '../src/lib/content/ocr-text';
import { createOcr, ocrScannedPages, type Ocr, type OcrProgress } from '../src/lib/import/ocr';
import type { PageText } from '../src/lib/import/page-text';
import { isScan, pageContents, scannedPages } from '../src/lib/import/scanned-pages';
import { buildPdf, onePage } from './helpers/pdf';
import { joinPdfs, scanOf } from './helpers/scan';

/** A Woo decision letter's first lines, as REAL-ARCHIVES.md describes them. */
const LETTER = [
  'Gemeente Amsterdam',
  'Datum 11 januari 2021',
  'Kenmerk 2020-13953',
  '',
  'Geachte heer/mevrouw 10.2.e,',
  '',
  'Op 25 november 2020 hebben wij uw verzoek ontvangen.',
  '',
  'Wettelijk kader',
  'Uw verzoek valt onder de Wet openbaarheid van bestuur.',
  '',
  'Met vriendelijke groet,',
];
const SECOND_PAGE = ['Inventarisatie documenten', 'Er zijn zeven documenten gevonden over de kangoeroewoning.'];

const letter = buildPdf({ objects: onePage({ lines: LETTER }) });
const secondPage = buildPdf({ objects: onePage({ lines: SECOND_PAGE }) });

/** A text letter with a logo in its top right corner, as a municipality prints it. */
function letterWithLogo(): Uint8Array {
  const out = new mupdf.PDFDocument();
  const logo = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, 200, 100], false);
  logo.clear(80);
  const font = out.addObject({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' });
  const resources = out.addObject({ XObject: { Im0: out.addImage(new mupdf.Image(logo)) }, Font: { F1: font } });
  const text = LETTER.concat(LETTER).map((line) => `(${line}) Tj T*`).join(' ');
  out.insertPage(-1, out.addPage([0, 0, 595, 842], 0, resources, `q 120 0 0 60 420 740 cm /Im0 Do Q BT /F1 11 Tf 14 TL 72 700 Td ${text} ET`));
  return out.saveToBuffer('compress').asUint8Array().slice();
}

describe('which pages are scans', () => {
  it('calls a page that is only a picture a scan', () => {
    expect(scannedPages(scanOf(letter))).toEqual([1]);
    expect(pageContents(scanOf(letter))).toEqual([{ page: 1, imageCover: 1, letters: 0, textCover: 0 }]);
  });

  it('still calls a scan with a received-stamp of real text a scan: some text is not its text', () => {
    const stamped = scanOf(letter, { stamp: 'Ontvangen 12 januari 2021 DIV 2021/0042' });
    const [content] = pageContents(stamped);
    expect(content!.letters).toBeGreaterThan(20);
    expect(scannedPages(stamped)).toEqual([1]);
  });

  it('does not read again a scan that carries its own recognised text (invisible text over the picture)', () => {
    const recognised = scanOf(letter, { invisibleText: [...LETTER, ...LETTER] });
    expect(pageContents(recognised)[0]!.imageCover).toBe(1);
    expect(scannedPages(recognised)).toEqual([]);
  });

  it('does not call a text letter a scan, with or without a logo', () => {
    expect(scannedPages(letter)).toEqual([]);
    const [withLogo] = pageContents(letterWithLogo());
    expect(withLogo!.imageCover).toBeGreaterThan(0);
    expect(withLogo!.imageCover).toBeLessThan(0.05);
    expect(isScan(withLogo!)).toBe(false);
  });

  it('calls a picture with many letters in tiny print a scan: the print covers next to nothing', () => {
    expect(isScan({ page: 1, imageCover: 0.95, letters: 400, textCover: 0.004 })).toBe(true);
    expect(isScan({ page: 1, imageCover: 0.95, letters: 400, textCover: 0.2 })).toBe(false);
    expect(isScan({ page: 1, imageCover: 0.3, letters: 0, textCover: 0 })).toBe(false);
  });

  it('finds the scanned page in a mixed PDF: a scanned first page, a second page with text', () => {
    expect(scannedPages(joinPdfs(scanOf(letter), secondPage))).toEqual([1]);
  });

  it('throws on a file that is not a PDF at all', () => {
    expect(() => scannedPages(new TextEncoder().encode('dit is geen pdf'))).toThrow();
  });
});

describe('text recognition', () => {
  let ocr: Ocr;
  const progress: OcrProgress[] = [];
  beforeAll(() => {
    ocr = createOcr({ workers: 2, onPage: (p) => progress.push(p) });
  });
  afterAll(async () => {
    await ocr?.close();
  });

  it('reads the Dutch words of a scanned letter back, in their place on the page', async () => {
    const [page] = await ocr.recognise(scanOf(letter), [1], { file: 'brief.pdf' });
    expect(page).toMatchObject({ page: 1, width: 595, height: 842, source: 'ocr' });
    const texts = page!.lines.map((line) => line.text);
    expect(texts).toContain('Datum 11 januari 2021');
    expect(texts).toContain('Wettelijk kader');
    expect(texts.join('\n')).toMatch(/Geachte heer\/mevrouw 10\.2\.e,/);
    expect(texts.join('\n')).toMatch(/Op 25 november 2020 hebben wij uw verzoek ontvangen\./);

    // onePage() sets the first line at 72 pt from the left, its baseline 770 pt from the bottom, 14 pt apart, in 11 pt.
    const heading = page!.lines.find((line) => line.text === 'Wettelijk kader')!;
    const baseline = 842 - (770 - 8 * 14);
    expect(heading.x).toBeGreaterThan(70);
    expect(heading.x).toBeLessThan(75);
    expect(heading.y).toBeGreaterThan(baseline - 11);
    expect(heading.y).toBeLessThan(baseline - 5);
    expect(heading.size).toBeGreaterThan(9);
    expect(heading.size).toBeLessThan(13);
    expect(heading.bold).toBe(false);
    // Top to bottom, as on paper.
    const ys = page!.lines.map((line) => line.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(progress).toContainEqual({ file: 'brief.pdf', page: 1, done: 1, total: 1 });
  }, 60_000);

  it('reads only the scanned page of a mixed PDF', async () => {
    const mixed = joinPdfs(scanOf(letter, { stamp: 'Ontvangen 12 januari 2021' }), secondPage);
    const { pages, scanned } = await ocrScannedPages(mixed, ocr, { file: 'gemengd.pdf' });
    expect(scanned).toEqual([1]);
    expect(pages.map((page) => [page.page, page.source])).toEqual([[1, 'ocr']]);
    const text = pages[0]!.lines.map((line) => line.text).join('\n');
    expect(text).toContain('Wettelijk kader');
    expect(text).not.toContain('kangoeroewoning');
    // A text PDF costs no recognition at all.
    expect(await ocrScannedPages(secondPage, ocr)).toEqual({ pages: [], scanned: [] });
  }, 60_000);

  it('says which page does not exist, in Dutch, before reading anything', async () => {
    await expect(ocr.recognise(scanOf(letter), [1, 3], { file: 'brief.pdf' })).rejects.toThrow("brief.pdf heeft 1 pagina; pagina 3 bestaat niet");
  });
});

describe('stored text beside the PDF', () => {
  const page = (number: number, lines: Array<[string, number]>): PageText => ({
    page: number,
    width: 595,
    height: 842,
    source: 'ocr',
    lines: lines.map(([text, y]) => ({ text, x: 72, right: 300, y, size: 11, bold: false })),
  });
  const pages = [
    page(3, [['Bijlage', 60]]),
    page(1, [
      ['Geachte raadsleden,', 60],
      ['Hierbij de brief.', 90],
      ['Met vriendelijke groet,', 104],
    ]),
  ];
  const sha = 'a'.repeat(64);

  it('writes each page under its marker, after a comment that says what the file is', () => {
    const text = formatOcrText('brief.pdf', pages, sha);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^# Tekst van de gescande pagina's van brief\.pdf, gelezen met tekstherkenning \(OCR\).*Verbeteringen zijn welkom/);
    expect(text).toContain(`# sha256 van de pdf: ${sha}`);
    // In page order; white on the page between lines is an empty line.
    expect(text.slice(text.indexOf('\n===') + 1)).toBe('=== pagina 1 (tekstherkenning) ===\nGeachte raadsleden,\n\nHierbij de brief.\nMet vriendelijke groet,\n\n=== pagina 3 (tekstherkenning) ===\nBijlage\n');
    const parsed = parseOcrText(text);
    expect([...parsed.pages]).toEqual([
      [1, 'Geachte raadsleden,\n\nHierbij de brief.\nMet vriendelijke groet,'],
      [3, 'Bijlage'],
    ]);
    expect(parsed.pdfSha256).toBe(sha);
    expect(parsed.problems).toEqual([]);
  });

  it('reads a file a clerk corrected on Windows, and says where text belongs to no page', () => {
    const corrected = '\uFEFF# opmerking\r\nlosse tekst\r\n=== pagina 2 (tekstherkenning) ===\r\nVerbeterd woord\r\n=== Pagina 2 ===\r\nnog een stuk\r\n';
    const parsed = parseOcrText(corrected);
    expect([...parsed.pages]).toEqual([[2, 'Verbeterd woord\nnog een stuk']]);
    expect(parsed.problems.map((p) => [p.line, p.message])).toEqual([
      [5, 'pagina 2 staat twee keer in de tekst'],
      [2, expect.stringMatching(/^hier staat tekst boven de eerste regel "=== pagina N \(tekstherkenning\) ==="/)],
    ]);
  });

  it('is written next to the PDF and read back by page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-ocr-tekst-'));
    const pdf = join(dir, 'brief.pdf');
    writeFileSync(pdf, letter);
    expect(readOcrText(pdf)).toBeUndefined();
    const path = writeOcrText(pdf, pages);
    expect(path).toBe(ocrTextPath(pdf));
    expect(path).toBe(`${pdf}.ocr.txt`);
    expect(readOcrText(pdf)?.get(3)).toBe('Bijlage');
    const stored = loadOcrText(pdf)!;
    expect(stored.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path, 'utf8')).toContain('=== pagina 1 (tekstherkenning) ===');
  });
});
