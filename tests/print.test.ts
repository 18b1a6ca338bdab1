/**
 * Printed on A4 in Chromium, a briefing keeps every "Tabel N" and "Figuur N"
 * caption on the page where its table or figure begins, keeps a table's
 * source and notes with its last rows, and lets a long table break between
 * rows with the header repeated. Proved on the PDF Chromium makes, by reading
 * each page's text with pdf.js.
 *
 * The Almelo answers show the fault as they are; so that the test does not
 * depend on where the text happens to fall, it also moves each table in turn
 * to the foot of a page (everything else hidden, a spacer above it) and
 * checks that the same setup without the print rules does break there.
 */
import { existsSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { build, sampleBuild, projectRoot, type BuildResult } from './helpers/build';
import { serve, type StaticServer } from './helpers/serve';

const CHROMIUM = '/usr/bin/chromium';
const PAGES = ['stukken/almelo-2024-jeugdzorg-vragen-de-olde/', 'stukken/twente-2013-regionale-samenwerking-jeugdzorg/'];
/** What the tests place: tables in the text and figures; a chart's own table travels with its figure. */
const BLOCKS = '.ra-prose .ra-tabel:not(figure .ra-tabel), .ra-prose figure.ra-grafiek';
/** The printable area of A4 under `@page { margin: 18mm 16mm 20mm }` (src/styles/base.css), in CSS px. */
const AREA = { width: (178 * 96) / 25.4, height: (259 * 96) / 25.4 };

let site: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium ontbreekt: installeer het met `apt-get install -y chromium` (npm test doet dat zelf).');
  site = await sampleBuild();
  if (site.status !== 0) throw new Error(site.output);
  server = await serve(site.outDir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Text without white space and with ligatures split, so "fi guur" in a PDF matches "figuur". */
const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * Each PDF page's text in reading order, top to bottom and left to right.
 * Chromium paints positioned and sticky boxes (the table wrapper, the first
 * column) after the rest, so the PDF's own order is not the page's order.
 */
async function printedPages(page: Page): Promise<string[]> {
  const pdf = await page.pdf({ format: 'A4' });
  const loading = getDocument({ data: new Uint8Array(pdf) });
  const pdfDocument = await loading.promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdfDocument.numPages; n++) {
    const content = await (await pdfDocument.getPage(n)).getTextContent();
    const items = content.items
      .flatMap((item) => ('str' in item && item.str.trim() ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : []))
      .sort((a, b) => b.y - a.y);
    const lines: (typeof items)[] = [];
    for (const item of items) {
      const line = lines.at(-1);
      if (line && Math.abs(line[0]!.y - item.y) <= 2) line.push(item);
      else lines.push([item]);
    }
    pages.push(squash(lines.map((line) => line.sort((a, b) => a.x - b.x).map((i) => i.text).join('')).join('')));
  }
  await loading.destroy();
  return pages;
}

interface Block {
  kind: 'tabel' | 'figuur';
  caption: string;
  /** What must follow the caption on its page: the first row's label, or a figure's summary. */
  first: string;
  /** The first word of the first two column headers, to recognise a repeated header. */
  header: string[];
  lastRow: string;
  /** The start of the source line or notes under a table. */
  meta: string;
  rows: number;
}

/** The tables and figures on the page, in document order, as the reader sees them (no screen-reader-only text). */
function describeBlocks(page: Page, selector = '.ra-tabel, figure.ra-grafiek'): Promise<Block[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const visible = (node: Element | null | undefined) => {
        if (!node) return '';
        const copy = node.cloneNode(true) as Element;
        copy.querySelectorAll('.ra-sr-only').forEach((hidden) => hidden.remove());
        return (copy.textContent ?? '').trim();
      };
      const firstWord = (node: Element | null | undefined) => visible(node).split(/\s+/)[0] ?? '';
      const rows = element.querySelectorAll(':scope > .ra-tabel__scroll tbody tr');
      const figure = element.matches('figure');
      return {
        kind: figure ? 'figuur' : 'tabel',
        caption: visible(element.querySelector(figure ? 'figcaption' : 'caption')),
        first: figure ? visible(element.querySelector('.ra-grafiek__samenvatting')).slice(0, 40) : firstWord(rows[0]?.firstElementChild),
        header: [...element.querySelectorAll(':scope > .ra-tabel__scroll thead th')].slice(0, 2).map(firstWord),
        lastRow: firstWord(rows[rows.length - 1]?.firstElementChild),
        meta: visible(element.querySelector(':scope > .ra-tabel__meta > *')).slice(0, 40),
        rows: rows.length,
      } as const;
    }),
  );
}

interface Placement {
  block: Block;
  /** Pages the block's caption and its source line are on (1-based). */
  pages: { caption: number; meta: number };
  problems: string[];
}

/** Where each block landed in the PDF, and what is wrong with that. */
function place(blocks: Block[], pages: string[]): Placement[] {
  let from = 0;
  return blocks.map((block) => {
    const problems: string[] = [];
    const name = block.caption.slice(0, 40);
    const caption = squash(block.caption).slice(0, 50);
    const p = pages.findIndex((text, i) => i >= from && text.includes(caption));
    if (p < 0) return { block, pages: { caption: 0, meta: 0 }, problems: [`${name}: bijschrift niet gevonden`] };
    from = p;
    const after = pages[p]!.indexOf(caption) + caption.length;
    if (pages[p]!.indexOf(squash(block.first), after) < 0) problems.push(`${name}: bijschrift onderaan pagina ${p + 1}, de inhoud pas daarna`);
    let m = p;
    if (block.kind === 'tabel') {
      const meta = squash(block.meta);
      m = pages.findIndex((text, i) => i >= p && text.includes(meta));
      if (m < 0) problems.push(`${name}: bron niet gevonden`);
      else {
        const at = pages[m]!.indexOf(meta);
        if (m > p && !pages[m]!.slice(0, at).includes(squash(block.lastRow))) problems.push(`${name}: bron en noten alleen boven aan pagina ${m + 1}`);
        // Every page the rows continue on starts with the column headers again.
        for (let q = p + 1; q <= m; q++) {
          if (q === m && at === 0) continue;
          const top = pages[q]!.slice(0, 800);
          if (!block.header.every((word) => top.includes(squash(word)))) problems.push(`${name}: geen kolomkoppen boven aan pagina ${q + 1}`);
        }
      }
    }
    return { block, pages: { caption: p + 1, meta: m + 1 }, problems };
  });
}

type Foot = 'caption' | 'middleRow' | 'lastRow';

/**
 * Shows only the index-th block, below a spacer that puts its caption (or its
 * middle or last row) just above the foot of page 1. Lays the page out as Chromium
 * prints it: print media, the printable width, and — as Chromium shrinks a
 * page wider than the paper, up to 1.5 times — a page that much larger.
 * Returns whether the spacer fits on page 1 (a table taller than a page
 * cannot have its last row at the foot of the first).
 */
async function atFootOfPage(page: Page, index: number, foot: Foot): Promise<boolean> {
  await page.setViewportSize({ width: Math.floor(AREA.width), height: Math.floor(AREA.height) });
  await page.emulateMedia({ media: 'print' });
  const overflow = await page.evaluate(
    ({ selector, index }) => {
      const target = document.querySelectorAll<HTMLElement>(selector)[index]!;
      for (let node: HTMLElement = target; node.parentElement && node !== document.body; node = node.parentElement) {
        for (const sibling of node.parentElement.children) if (sibling !== node && sibling instanceof HTMLElement) sibling.style.display = 'none';
      }
      target.dataset.printTest = '';
      return document.documentElement.scrollWidth;
    },
    { selector: BLOCKS, index },
  );
  const shrink = Math.min(1.5, Math.max(1, overflow / AREA.width));
  await page.setViewportSize({ width: Math.floor(AREA.width * shrink), height: Math.floor(AREA.height * shrink) });
  const fits = await page.evaluate(
    ({ foot, pageHeight }) => {
      const target = document.querySelector<HTMLElement>('[data-print-test]')!;
      const rows = target.querySelectorAll(':scope > .ra-tabel__scroll tbody tr');
      const mark =
        foot === 'caption' || rows.length === 0
          ? target.querySelector('caption, figcaption')!
          : rows[foot === 'lastRow' ? rows.length - 1 : Math.floor(rows.length / 2)]!;
      const spacer = document.createElement('div');
      target.before(spacer);
      const height = pageHeight - (mark.getBoundingClientRect().bottom + window.scrollY) - 2;
      spacer.style.height = `${Math.max(0, height)}px`;
      return height > 0;
    },
    { foot, pageHeight: AREA.height * shrink },
  );
  await page.emulateMedia({ media: null });
  return fits;
}

/** Switches the print rules under test off, so the control shows the setup does put a break there. */
function withoutKeepRules(page: Page): Promise<void> {
  return page.$$eval('.ra-tabel, figure.ra-grafiek, .ra-tabel caption, .ra-tabel thead, .ra-tabel__meta, .ra-tabel__scroll, .ra-grafiek figcaption', (nodes) => {
    for (const node of nodes as HTMLElement[]) {
      node.style.breakInside = 'auto';
      node.style.breakBefore = 'auto';
      node.style.breakAfter = 'auto';
    }
  });
}

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/${path}`);
  return page;
}

describe('printing a briefing on A4', () => {
  it('keeps captions with their tables and figures, and notes with the last rows, as the letters come', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const path of PAGES) {
      const page = await open(path);
      const blocks = await describeBlocks(page);
      expect(blocks.length, path).toBeGreaterThan(0);
      problems.push(...place(blocks, await printedPages(page)).flatMap((p) => p.problems.map((problem) => `${path}: ${problem}`)));
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('moves a caption that would stand at the foot of a page to the next, with its table', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    const controls: string[] = [];
    for (const path of PAGES) {
      const probe = await open(path);
      const count = (await describeBlocks(probe, BLOCKS)).length;
      await probe.close();
      for (let index = 0; index < count; index++) {
        const page = await open(path);
        await atFootOfPage(page, index, 'caption');
        const block = await describeBlocks(page, '[data-print-test]');
        problems.push(...place(block, await printedPages(page))[0]!.problems);
        await withoutKeepRules(page);
        if (!place(block, await printedPages(page))[0]!.problems.some((p) => p.includes('onderaan'))) controls.push(`${path} ${block[0]!.caption}`);
        await page.close();
      }
    }
    expect(problems).toEqual([]);
    // Without the print rules each of these does break between caption and table: the setup is sound.
    expect(controls).toEqual([]);
  });

  it('keeps the source line and notes with the last rows when the table ends at the foot of a page', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    let controlled = 0;
    for (const path of PAGES) {
      const probe = await open(path);
      const count = (await describeBlocks(probe, BLOCKS)).length;
      await probe.close();
      for (let index = 0; index < count; index++) {
        const page = await open(path);
        const fits = await atFootOfPage(page, index, 'lastRow');
        const block = await describeBlocks(page, '[data-print-test]');
        if (fits && block[0]!.kind === 'tabel') {
          problems.push(...place(block, await printedPages(page))[0]!.problems);
          await withoutKeepRules(page);
          expect(place(block, await printedPages(page))[0]!.problems.join('\n'), `controle ${path} ${block[0]!.caption}`).toContain('alleen boven aan');
          controlled++;
        }
        await page.close();
      }
    }
    expect(problems).toEqual([]);
    expect(controlled).toBeGreaterThanOrEqual(3);
  });

  it('breaks a long table between rows, with the column headers repeated on the next page', { timeout: 120_000 }, async () => {
    const path = PAGES[1]!;
    const probe = await open(path);
    const blocks = await describeBlocks(probe, BLOCKS);
    // A long table starts where it falls: kept whole, Chromium would move it to a new page even when taller than one.
    await probe.emulateMedia({ media: 'print' });
    const keptWhole = await probe.$$eval('.ra-tabel__scroll', (wrappers) =>
      wrappers.filter((w) => w.querySelectorAll('tbody tr').length >= 15 && getComputedStyle(w).breakInside === 'avoid').length,
    );
    await probe.close();
    expect(keptWhole).toBe(0);
    let checked = 0;
    for (const [index, block] of blocks.entries()) {
      if (block.kind !== 'tabel' || block.rows < 15) continue;
      const page = await open(path);
      await atFootOfPage(page, index, 'middleRow');
      const [placed] = place(await describeBlocks(page, '[data-print-test]'), await printedPages(page));
      await page.close();
      expect(placed!.problems, block.caption).toEqual([]);
      // Caption and first rows on the first page, the last rows and the source under a repeated header on the next.
      expect(placed!.pages, block.caption).toEqual({ caption: 1, meta: 2 });
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});

describe('printing a register on A4', () => {
  const REGISTERS = ['vragen/', 'toezeggingen/'];
  let registers: BuildResult;
  let registerServer: StaticServer;

  beforeAll(async () => {
    registers = build({ content: join(projectRoot, 'tests/fixtures/registers/content'), data: join(projectRoot, 'tests/fixtures/basis/data'), env: { RAADSARCHIEF_BUILDDATUM: '2025-03-01' } });
    if (registers.status !== 0) throw new Error(registers.output);
    registerServer = await serve(registers.outDir);
  }, 300_000);

  afterAll(async () => {
    await registerServer?.close();
  });

  const openRegister = async (path: string) => {
    const page = await browser.newPage();
    await page.goto(`${registerServer.origin}/${path}`);
    return page;
  };

  /** Each row of the register as printed text: its first and last visible words, which must share a page. */
  const rows = (page: Page) =>
    page.$$eval('main .ra-list__item', (items) =>
      items.map((item) => {
        const copy = item.cloneNode(true) as Element;
        copy.querySelectorAll('.ra-sr-only').forEach((hidden) => hidden.remove());
        const words = (copy.textContent ?? '').trim().split(/\s+/);
        return { id: item.id, first: words.slice(0, 3).join(' '), last: words.slice(-3).join(' ') };
      }),
    );

  const splitRows = (list: { id: string; first: string; last: string }[], pages: string[]) =>
    list.flatMap((row) => {
      const p = pages.findIndex((text) => text.includes(squash(row.first)));
      if (p < 0) return [`${row.id}: niet afgedrukt`];
      return pages[p]!.includes(squash(row.last), pages[p]!.indexOf(squash(row.first))) ? [] : [`${row.id}: over twee pagina's`];
    });

  it('prints the register rows and nothing of the filters, navigation, pagination or downloads', { timeout: 120_000 }, async () => {
    for (const path of REGISTERS) {
      const page = await openRegister(path);
      const list = await rows(page);
      expect(list.length, path).toBeGreaterThan(1);
      const pages = await printedPages(page);
      const all = pages.join('');
      expect(all, path).toContain(squash(path === 'vragen/' ? 'Schriftelijke vragen' : 'Toezeggingen'));
      for (const absent of ['Naar de inhoud', 'Soorten stukken', 'Filteren', 'Filters combineren', 'Filters wissen', 'Het register als data', 'Volgende', 'Alle schriftelijke vragen', 'Toegankelijkheid']) {
        expect(all, `${path}: ${absent}`).not.toContain(squash(absent));
      }
      expect(splitRows(list, pages), path).toEqual([]);
      await page.close();
    }
  });

  it('moves a row that would be split at the foot of a page to the next page whole', { timeout: 120_000 }, async () => {
    for (const path of REGISTERS) {
      const problems = { kept: [] as string[], control: [] as string[] };
      for (const keep of [true, false]) {
        const page = await openRegister(path);
        await page.setViewportSize({ width: Math.floor(AREA.width), height: Math.floor(AREA.height) });
        await page.emulateMedia({ media: 'print' });
        // Only the list is left (a chart above it would change height as it draws), below a spacer that puts the middle of its first row on the page boundary.
        const id = await page.evaluate(
          ({ pageHeight, keep }) => {
            const row = document.querySelector<HTMLElement>('main .ra-list__item')!;
            const list = row.closest('ul')!;
            for (let node: HTMLElement = list; node.parentElement && node !== document.body; node = node.parentElement) {
              for (const sibling of node.parentElement.children) if (sibling !== node && sibling instanceof HTMLElement) sibling.style.display = 'none';
            }
            const spacer = document.createElement('div');
            list.before(spacer);
            const box = row.getBoundingClientRect();
            spacer.style.height = `${Math.max(0, pageHeight - (box.top + window.scrollY) - box.height / 2)}px`;
            if (!keep) document.querySelectorAll<HTMLElement>('main .ra-list__item').forEach((item) => (item.style.breakInside = 'auto'));
            return row.id;
          },
          { pageHeight: AREA.height, keep },
        );
        await page.emulateMedia({ media: null });
        const [first] = (await rows(page)).filter((row) => row.id === id);
        problems[keep ? 'kept' : 'control'].push(...splitRows([first!], await printedPages(page)));
        await page.close();
      }
      // Kept whole with the print rule; without it the same row does break there: the setup is sound.
      expect(problems.kept, path).toEqual([]);
      expect(problems.control, path).toEqual([expect.stringContaining("over twee pagina's")]);
    }
  });

  it('repeats the header of the figures table on every printed page', async () => {
    const page = await openRegister('vragen/');
    await page.emulateMedia({ media: 'print' });
    const heads = await page.$$eval('main .ra-tabel thead', (nodes) => nodes.map((n) => getComputedStyle(n).display));
    expect(heads.length).toBeGreaterThan(0);
    expect(heads.every((display) => display === 'table-header-group')).toBe(true);
    await page.close();
  });
});
