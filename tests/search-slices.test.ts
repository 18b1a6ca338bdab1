/**
 * The search index comes in slices, one Pagefind bundle per year and one for
 * briefings without a year, merged in the browser. In a real browser one query
 * lists briefings and files of every year together, and the filters apply
 * across slices; a rebuild after one letter changed indexes that letter's
 * slice only, copies the others from the cache, and makes the bytes a cold
 * build makes. The build stops when the search page names other slices than
 * the pages fall into.
 */
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchSlices, sliceListOfPage, yearOfPage } from '../src/lib/publication/search-slices';
import { build, fingerprint, projectCopy, type BuildResult } from './helpers/build';
import { serve, type StaticServer } from './helpers/serve';

const TWENTE = '/stukken/twente-2013-regionale-samenwerking-jeugdzorg/';
const MOTIE = '/stukken/almelo-2025-motie-juiste-basis-jeugdzorg/';
const DE_OLDE = '/stukken/almelo-2024-jeugdzorg-vragen-de-olde/';
const INWONER = '/stukken/almelo-jeugdbescherming-vragen-inwoner/';
const ALMERE = '/stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/';

describe('slices of the search index', () => {
  it('names the slices newest year first and the undated slice last', () => {
    expect(searchSlices([2013, undefined, 2025, 2013, undefined])).toEqual(['2025', '2013', 'zonder-jaar']);
    expect(searchSlices([2019])).toEqual(['2019']);
  });

  it("reads a page's year from its jaar filter, in both of Pagefind's forms", () => {
    expect(yearOfPage('<span data-pagefind-filter="soort">Notitie</span><span data-pagefind-filter="jaar" data-astro-cid-x>2013</span>', 'a')).toBe(2013);
    expect(yearOfPage('<div data-pagefind-filter="jaar:2021"></div>', 'a')).toBe(2021);
    expect(yearOfPage('<span data-pagefind-filter="organisatie">Gemeente Almelo</span>', 'a')).toBeUndefined();
    expect(() => yearOfPage('<span data-pagefind-filter="jaar">2013</span><span data-pagefind-filter="jaar">2014</span>', 'stukken/x/index.html')).toThrow(
      'stukken/x/index.html: de pagina noemt meer dan één jaar voor de zoekfilter (2013, 2014)',
    );
    expect(() => yearOfPage('<span data-pagefind-filter="jaar">onbekend</span>', 'b')).toThrow('"onbekend" is geen jaartal');
  });
});

describe('search over the slices of the sample archive', () => {
  let root: string;
  let site: BuildResult;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    root = projectCopy();
    site = build({ root });
    if (site.status !== 0) throw new Error(site.output);
    server = await serve(site.outDir);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Searches through the address, as a shared link would; also returns every address the page asked for. */
  async function search(query: Record<string, string>): Promise<{ hrefs: string[]; requests: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${server.origin}/zoeken/?${new URLSearchParams(query)}`);
    await page.waitForFunction(() => /gevonden/.test(document.getElementById('zoekstatus')?.textContent ?? ''));
    const hrefs = await page.$$eval('#zoekresultaten > li .ra-list__title a', (links) => links.map((a) => a.getAttribute('href')!));
    await page.close();
    return { hrefs, requests };
  }

  it('writes one bundle per year and one for briefings without a year, and nothing else', () => {
    expect(readdirSync(join(site.outDir, 'pagefind')).sort()).toEqual(['2013', '2025', 'zonder-jaar']);
    expect(sliceListOfPage(site.read('zoeken/index.html'))).toEqual(['2025', '2013', 'zonder-jaar']);
    const count = (slice: string) => (JSON.parse(site.read(`pagefind/${slice}/pagefind-entry.json`)) as { languages: { nl: { page_count: number } } }).languages.nl.page_count;
    // Briefings and their published files: 2025 the motion letter and its signed original, 2013 the Twente note, its
    // original and its two attachments; the three undated briefings publish no files.
    expect({ 2025: count('2025'), 2013: count('2013'), 'zonder-jaar': count('zonder-jaar') }).toEqual({ 2025: 2, 2013: 4, 'zonder-jaar': 3 });
    expect(site.output).toMatch(/zoekindex per jaar: 3 van de 3 delen opnieuw gemaakt \(2025, 2013, zonder-jaar\), 0 uit de cache \(geen\)/);
  });

  it('lists briefings of different years in one result list, asking this site only', async () => {
    const { hrefs, requests } = await search({ q: 'jeugdzorg' });
    expect(hrefs).toEqual(expect.arrayContaining([TWENTE, MOTIE, DE_OLDE]));
    for (const slice of ['2025', '2013', 'zonder-jaar']) {
      expect(requests.some((url) => url.startsWith(`${server.origin}/pagefind/${slice}/pagefind-entry.json`)), slice).toBe(true);
    }
    expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
  }, 60_000);

  it('applies the filters across slices', async () => {
    const twente = (await search({ q: 'jeugdzorg', jaar: '2013' })).hrefs;
    expect(twente).toContain(TWENTE);
    expect(twente.every((href) => href.startsWith(TWENTE)), twente.join('\n')).toBe(true);
    // Almelo's briefings are in 2025 and without a year; Almere's undated report is not one of them.
    const almelo = (await search({ q: 'jeugd', organisatie: 'Gemeente Almelo' })).hrefs;
    expect(almelo).toEqual(expect.arrayContaining([MOTIE, DE_OLDE, INWONER]));
    expect(almelo.some((href) => href.startsWith(ALMERE) || href.startsWith(TWENTE))).toBe(false);
    // A filter alone, without a search term, lists a whole year from its slice.
    expect((await search({ jaar: '2025' })).hrefs.sort()).toEqual([MOTIE, `${MOTIE}almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf`]);
  }, 60_000);

  it('finds the text of PDFs in the slice of their briefing', async () => {
    const bijlage3 = `${TWENTE}twente-2013-bijlage-3-historische-verdeling-middelen.pdf`;
    expect((await search({ q: 'Meicirculaire', jaar: '2013' })).hrefs).toContain(bijlage3);
    expect((await search({ q: 'Meicirculaire', jaar: '2025' })).hrefs).not.toContain(bijlage3);
    expect((await search({ q: 'doorbraakmethode' })).hrefs).toContain(`${MOTIE}almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf`);
  }, 60_000);

  /** Every result address and status the page ever showed during one search, the interim ones included. */
  async function everShown(query: Record<string, string>): Promise<{ hrefs: string[]; statuses: string[] }> {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen = { hrefs: [] as string[], statuses: [] as string[] };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        for (const a of Array.from(document.querySelectorAll('#zoekresultaten > li .ra-list__title a'))) {
          const href = a.getAttribute('href')!;
          if (!seen.hrefs.includes(href)) seen.hrefs.push(href);
        }
        const status = document.getElementById('zoekstatus')?.textContent ?? '';
        if (status && !seen.statuses.includes(status)) seen.statuses.push(status);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${server.origin}/zoeken/?${new URLSearchParams(query)}`);
    await page.waitForFunction(() => /gevonden/.test(document.getElementById('zoekstatus')?.textContent ?? ''));
    const seen = await page.evaluate(() => (window as unknown as { seen: { hrefs: string[]; statuses: string[] } }).seen);
    await page.close();
    return seen;
  }

  it('shows the newest year first while the others are searched, but never its near matches', async () => {
    const found = await everShown({ q: 'doorbraakmethode' });
    expect(found.hrefs).toContain(`${MOTIE}almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf`);
    expect(found.statuses.some((status) => /De eerste resultaten, uit 2025; de andere jaren worden nog doorzocht/.test(status)), found.statuses.join('\n')).toBe(true);
    // 2025 lacks the word, so Pagefind falls back to "aan" there: none of that may flash by.
    const older = await everShown({ q: 'aangescherpte' });
    expect(older.hrefs).toContain(`${TWENTE}twente-2013-bijlage-2-aangescherpte-aantallen.xlsx`);
    expect(older.hrefs.some((href) => href.startsWith(MOTIE)), older.hrefs.join('\n')).toBe(false);
  }, 60_000);

  it('re-indexes only the slice of a changed letter, and makes what a cold build makes', async () => {
    const letter = join(root, 'content/stukken/twente-2013-regionale-samenwerking-jeugdzorg.mdx');
    const text = readFileSync(letter, 'utf8');
    const changed = text.replace(/\n---\n/, '\n---\nNa het overleg was er zuurkoolstamppot voor iedereen.\n\n');
    expect(changed).not.toBe(text);
    writeFileSync(letter, changed);
    const rebuilt = build({ root, outDir: join(root, 'dist-opnieuw') });
    expect(rebuilt.status, rebuilt.output).toBe(0);
    expect(rebuilt.output).toMatch(/zoekindex per jaar: 1 van de 3 delen opnieuw gemaakt \(2013\), 2 uit de cache \(2025, zonder-jaar\)/);
    for (const slice of ['2025', 'zonder-jaar']) expect(fingerprint(join(rebuilt.outDir, 'pagefind', slice))).toEqual(fingerprint(join(site.outDir, 'pagefind', slice)));

    const fresh = projectCopy();
    rmSync(join(fresh, 'content'), { recursive: true });
    cpSync(join(root, 'content'), join(fresh, 'content'), { recursive: true });
    const cold = build({ root: fresh });
    expect(cold.status, cold.output).toBe(0);
    expect(cold.output).toMatch(/3 van de 3 delen opnieuw gemaakt/);
    expect(fingerprint(join(rebuilt.outDir, 'pagefind'))).toEqual(fingerprint(join(cold.outDir, 'pagefind')));

    const rebuiltServer = await serve(rebuilt.outDir);
    try {
      const page = await browser.newPage();
      await page.goto(`${rebuiltServer.origin}/zoeken/?q=zuurkoolstamppot`);
      await page.waitForFunction(() => /gevonden/.test(document.getElementById('zoekstatus')?.textContent ?? ''));
      expect(await page.$$eval('#zoekresultaten > li .ra-list__title a', (links) => links.map((a) => a.getAttribute('href')))).toEqual([TWENTE]);
      await page.close();
    } finally {
      await rebuiltServer.close();
    }
  }, 600_000);
});

describe('the slices the search page loads', () => {
  it('stops the build when the search page names other slices than the pages fall into', () => {
    const root = projectCopy();
    const searchPage = join(root, 'src/pages/zoeken.astro');
    const source = readFileSync(searchPage, 'utf8');
    const from = 'searchSlices(archive.briefings.map((b) => b.data.datum.year))';
    expect(source).toContain(from);
    // A search page that forgot the briefings without a year.
    writeFileSync(searchPage, source.replace(from, 'searchSlices(archive.years)'));
    const result = build({ root });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('Zoekindex: de zoekpagina laadt de delen "2025 2013", maar de stukken vallen in "2025 2013 zonder-jaar"');
    expect(existsSync(join(result.outDir, 'pagefind'))).toBe(false);
  }, 300_000);
});
