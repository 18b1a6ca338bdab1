/**
 * The search index comes in shards: contiguous ranges of years, newest first,
 * and one for briefings without a year, with a signpost bundle that says which
 * shards hold a word. In a real browser one query lists briefings and files of
 * every shard in one list, newest shard first; a year or organisation filter
 * fetches only the shards that can match, and a word of one shard only that
 * shard and the signpost. Older shards are counted, and ranked when a reader
 * asks for more. A rebuild after a new letter re-indexes the newest shard only
 * and makes the bytes a cold build makes.
 */
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  embedShardManifest,
  organisationsOfPage,
  planShards,
  shardManifest,
  shardManifestOfPage,
  shardsFor,
  shardYears,
  yearOfPage,
} from '../src/lib/publication/search-shards';
import { build, fingerprint, projectCopy, type BuildResult } from './helpers/build';
import { serve, type StaticServer } from './helpers/serve';

const TWENTE = '/stukken/twente-2013-regionale-samenwerking-jeugdzorg/';
const MOTIE = '/stukken/almelo-2025-motie-juiste-basis-jeugdzorg/';
const DE_OLDE = '/stukken/almelo-2024-jeugdzorg-vragen-de-olde/';
const INWONER = '/stukken/almelo-jeugdbescherming-vragen-inwoner/';
const ALMERE = '/stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/';

const years = (counts: Record<number, number>) => new Map(Object.entries(counts).map(([year, n]) => [Number(year), n]));

describe('shards of the search index', () => {
  it('puts a year in shard ⌊pages of older years / target⌋: contiguous ranges, newest first', () => {
    expect(shardYears(years({ 2011: 5, 2012: 5, 2013: 5, 2014: 5, 2015: 5 }), 10)).toEqual([[2015], [2014, 2013], [2012, 2011]]);
    // A year larger than the target is a shard of its own; the next shard starts after it.
    expect(shardYears(years({ 2018: 3, 2019: 40, 2020: 3, 2021: 3 }), 10)).toEqual([[2021, 2020], [2019, 2018]]);
  });

  it('touches only the newest shard when letters are added to the newest year', () => {
    const before = shardYears(years({ 2020: 7, 2021: 7, 2022: 7, 2023: 7, 2024: 2 }), 10);
    for (const added of [1, 5, 30]) expect(shardYears(years({ 2020: 7, 2021: 7, 2022: 7, 2023: 7, 2024: 2 + added }), 10)).toEqual(before);
  });

  it('changes the years of two shards per multiple of the target that a letter in an old year makes the pages before a later year reach', () => {
    const counts: Record<number, number> = { 2011: 9, 2012: 8, 2013: 7, 2014: 12, 2015: 6, 2016: 9, 2017: 8, 2018: 5, 2019: 11, 2020: 7 };
    const target = 10;
    const groups = (plan: number[][]) => plan.map((group) => group.join());
    const pagesBefore = (year: number) => Object.entries(counts).reduce((sum, [y, n]) => sum + (Number(y) < year ? n : 0), 0);
    const before = groups(shardYears(years(counts), target));
    let unchanged = 0;
    for (const added of Object.keys(counts).map(Number)) {
      const after = groups(shardYears(years({ ...counts, [added]: counts[added]! + 1 }), target));
      const crossings = Object.keys(counts).map(Number).filter((year) => year > added && pagesBefore(year) % target === target - 1).length;
      const changed = after.filter((group) => !before.includes(group)).length;
      expect(changed, `een brief erbij in ${added}: ${after.join(' | ')}`).toBeLessThanOrEqual(2 * crossings);
      if (changed === 0) unchanged++;
    }
    // Most letters added to an old year move no year at all.
    expect(unchanged).toBeGreaterThan(0);
  });

  it('plans shards with their years, organisations and size, the undated shard last', () => {
    const plan = planShards(
      [
        { year: 2013, organisations: ['Regio Twente'] },
        { year: 2013, organisations: ['Regio Twente'] },
        { year: undefined, organisations: ['Gemeente Almere'] },
        { year: 2025, organisations: ['Gemeente Almelo'] },
        { year: 2024, organisations: ['Gemeente Almelo'] },
      ],
      2,
    );
    expect(plan.shards).toEqual([
      { id: '2024-2025', years: ['2025', '2024'], organisations: ['Gemeente Almelo'], pages: 2 },
      { id: '2013', years: ['2013'], organisations: ['Regio Twente'], pages: 2 },
      { id: 'zonder-jaar', years: [], organisations: ['Gemeente Almere'], pages: 1 },
    ]);
    expect(plan.shardOf({ year: 2024 })).toBe('2024-2025');
    const manifest = shardManifest(plan.shards).delen;
    expect(shardsFor(manifest, { jaar: '2013' }).map((s) => s.id)).toEqual(['2013']);
    expect(shardsFor(manifest, { organisatie: 'Gemeente Almelo', soort: 'Notitie' }).map((s) => s.id)).toEqual(['2024-2025']);
    expect(shardsFor(manifest, { q: 'x' } as Record<string, string>).map((s) => s.id)).toEqual(['2024-2025', '2013', 'zonder-jaar']);
  });

  it("reads a page's year and organisations from its filters, in both of Pagefind's forms", () => {
    expect(yearOfPage('<span data-pagefind-filter="soort">Notitie</span><span data-pagefind-filter="jaar" data-astro-cid-x>2013</span>', 'a')).toBe(2013);
    expect(yearOfPage('<div data-pagefind-filter="jaar:2021"></div>', 'a')).toBe(2021);
    expect(yearOfPage('<span data-pagefind-filter="organisatie">Gemeente Almelo</span>', 'a')).toBeUndefined();
    expect(() => yearOfPage('<span data-pagefind-filter="jaar">2013</span><span data-pagefind-filter="jaar">2014</span>', 'stukken/x/index.html')).toThrow(
      'stukken/x/index.html: de pagina noemt meer dan één jaar voor de zoekfilter (2013, 2014)',
    );
    expect(() => yearOfPage('<span data-pagefind-filter="jaar">onbekend</span>', 'b')).toThrow('"onbekend" is geen jaartal');
    expect(organisationsOfPage('<span data-pagefind-filter="organisatie" data-astro-cid-x>Gemeente Bergen &amp; Dal</span>')).toEqual(['Gemeente Bergen & Dal']);
  });

  it('carries the manifest in the search form, and refuses a search page without a place for it', () => {
    const manifest = shardManifest([{ id: '2013', years: ['2013'], organisations: ['Bergen & "Dal"'], pages: 3 }], new Map([['2013', 'nl_abc']]));
    const page = embedShardManifest('<form class="ra-zoeken" data-zoekdelen="{&quot;delen&quot;:[]}" data-base="/">', manifest);
    expect(shardManifestOfPage(page)).toEqual(manifest);
    expect(page).toContain('data-base="/"');
    expect(() => embedShardManifest('<form class="ra-zoeken">', manifest)).toThrow('de zoekpagina heeft geen data-zoekdelen-attribuut');
  });
});

describe('search over the shards of the sample archive', () => {
  let root: string;
  let site: BuildResult;
  let server: StaticServer;
  let browser: Browser;
  // Three pages to a shard: the sample archive's years 2025 and 2013 become shards of their own.
  const env = { RAADSARCHIEF_ZOEKDEEL_PAGINAS: '3' };

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    root = projectCopy();
    site = build({ root, env });
    if (site.status !== 0) throw new Error(site.output);
    server = await serve(site.outDir);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Searches through the address, as a shared link would; also returns every index file the page asked for. */
  async function search(query: Record<string, string>): Promise<{ hrefs: string[]; requests: string[]; statuses: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.addInitScript(() => {
      const statuses: string[] = [];
      (window as unknown as { statuses: string[] }).statuses = statuses;
      new MutationObserver(() => {
        const status = document.getElementById('zoekstatus')?.textContent ?? '';
        if (status && !statuses.includes(status)) statuses.push(status);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${server.origin}/zoeken/?${new URLSearchParams(query)}`);
    await page.waitForFunction(() => /gevonden/.test(document.getElementById('zoekstatus')?.textContent ?? ''));
    const hrefs = await page.$$eval('#zoekresultaten > li .ra-list__title a', (links) => links.map((a) => a.getAttribute('href')!));
    const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
    await page.close();
    return { hrefs, requests, statuses };
  }

  /** The bundles below pagefind/ whose index the page fetched from; Pagefind's script, the same in every bundle, always comes from the signpost's. */
  const bundlesAsked = (requests: string[]) =>
    [
      ...new Set(
        requests
          .filter((url) => url.startsWith(`${server.origin}/pagefind/`) && !/\/pagefind\.js(\?|$)/.test(url))
          .map((url) => url.slice(`${server.origin}/pagefind/`.length).split('/')[0]!),
      ),
    ].sort();

  it('writes one bundle per shard and the signpost, and the manifest into the search page', () => {
    expect(readdirSync(join(site.outDir, 'pagefind')).sort()).toEqual(['2013', '2025', 'wegwijzer', 'zonder-jaar']);
    const manifest = shardManifestOfPage(site.read('zoeken/index.html'))!.delen;
    // Briefings and their published files: 2025 the motion letter and its signed original, 2013 the Twente note, its
    // original and its two attachments; the three undated briefings publish no files.
    expect(manifest.map(({ id, jaren, organisaties, paginas }) => ({ id, jaren, organisaties, paginas }))).toEqual([
      { id: '2025', jaren: ['2025'], organisaties: ['Gemeente Almelo'], paginas: 2 },
      { id: '2013', jaren: ['2013'], organisaties: ['Veertien Twentse gemeenten'], paginas: 4 },
      { id: 'zonder-jaar', jaren: [], organisaties: ['Gemeente Almelo', 'Gemeente Almere'], paginas: 3 },
    ]);
    const count = (shard: string) => (JSON.parse(site.read(`pagefind/${shard}/pagefind-entry.json`)) as { languages: { nl: { page_count: number } } }).languages.nl.page_count;
    expect({ 2025: count('2025'), 2013: count('2013'), 'zonder-jaar': count('zonder-jaar'), wegwijzer: count('wegwijzer') }).toEqual({ 2025: 2, 2013: 4, 'zonder-jaar': 3, wegwijzer: 3 });
    expect(site.output).toMatch(/zoekindex in delen: 3 van de 3 delen opnieuw gemaakt \(2025, 2013, zonder-jaar\), 0 uit de cache \(geen\), wegwijzer opnieuw gemaakt/);
  });

  it('lists briefings of every shard in one list, newest shard first, counting on while older shards answer', async () => {
    const { hrefs, requests, statuses } = await search({ q: 'jeugdzorg' });
    expect(hrefs).toEqual(expect.arrayContaining([TWENTE, MOTIE, DE_OLDE]));
    expect(hrefs.indexOf(MOTIE)).toBeLessThan(hrefs.indexOf(TWENTE));
    expect(bundlesAsked(requests)).toEqual(['2013', '2025', 'wegwijzer', 'zonder-jaar']);
    expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
    expect(statuses.some((status) => /^Tot nu toe \d+ stukken in 2025; de oudere jaren worden nog doorzocht…$/.test(status)), statuses.join('\n')).toBe(true);
    expect(statuses.at(-1)).toMatch(/^[\d.]+ stukken gevonden\.$/);
  }, 60_000);

  it('asks only the shard of a year or an organisation filter', async () => {
    const twente = await search({ q: 'jeugdzorg', jaar: '2013' });
    expect(twente.hrefs).toContain(TWENTE);
    expect(twente.hrefs.every((href) => href.startsWith(TWENTE)), twente.hrefs.join('\n')).toBe(true);
    expect(bundlesAsked(twente.requests)).toEqual(['2013']);
    // Almere's only briefing is undated: its filter needs the undated shard alone.
    const almere = await search({ q: 'jeugd', organisatie: 'Gemeente Almere' });
    expect(almere.hrefs).toEqual([ALMERE]);
    expect(bundlesAsked(almere.requests)).toEqual(['zonder-jaar']);
    const almelo = (await search({ q: 'jeugd', organisatie: 'Gemeente Almelo' })).hrefs;
    expect(almelo).toEqual(expect.arrayContaining([MOTIE, DE_OLDE, INWONER]));
    expect(almelo.some((href) => href.startsWith(ALMERE) || href.startsWith(TWENTE))).toBe(false);
    // A filter alone, without a search term, lists a whole year from its shard.
    const year = await search({ jaar: '2025' });
    expect(year.hrefs.sort()).toEqual([MOTIE, `${MOTIE}almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf`]);
    expect(bundlesAsked(year.requests)).toEqual(['2025']);
  }, 60_000);

  it('asks a word of one shard of that shard alone, after the signpost, and finds the text of PDFs there', async () => {
    const bijlage3 = `${TWENTE}twente-2013-bijlage-3-historische-verdeling-middelen.pdf`;
    const meicirculaire = await search({ q: 'Meicirculaire' });
    expect(meicirculaire.hrefs).toContain(bijlage3);
    expect(bundlesAsked(meicirculaire.requests)).toEqual(['2013', 'wegwijzer']);
    expect((await search({ q: 'Meicirculaire', jaar: '2025' })).hrefs).not.toContain(bijlage3);
    const doorbraak = await search({ q: 'doorbraakmethode' });
    expect(doorbraak.hrefs).toEqual([`${MOTIE}almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf`, MOTIE].filter((href) => doorbraak.hrefs.includes(href)));
    expect(doorbraak.hrefs).toContain(`${MOTIE}almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf`);
    // 2025 lacks the word, where Pagefind would fall back to "aan": the shard is not even asked.
    const older = await search({ q: 'aangescherpte' });
    expect(older.hrefs).toContain(`${TWENTE}twente-2013-bijlage-2-aangescherpte-aantallen.xlsx`);
    expect(older.hrefs.some((href) => href.startsWith(MOTIE)), older.hrefs.join('\n')).toBe(false);
    expect(bundlesAsked(older.requests)).not.toContain('2025');
  }, 60_000);

  it('re-indexes only the newest shard after a new letter, and makes what a cold build makes', async () => {
    writeFileSync(
      join(root, 'content/stukken/almelo-2025-nieuwe-brief.md'),
      '---\ntype: vragen-raadslid\ntitel: Een nieuwe brief over wachttijden\norganisatie: almelo\ndatum: 2025-11-20\nvragen:\n  gesteldDoor: { soort: raadslid, naam: A. Nieuw }\n  gesteldOp: 2025-11\nonderwerpen: [jeugdzorg]\n---\n## Vraag 1\n\n> Hoe lang zijn de wachttijden?\n\nNa het overleg was er zuurkoolstamppot voor iedereen.\n',
    );
    const rebuilt = build({ root, outDir: join(root, 'dist-opnieuw'), env });
    expect(rebuilt.status, rebuilt.output).toBe(0);
    expect(rebuilt.output).toMatch(/zoekindex in delen: 1 van de 3 delen opnieuw gemaakt \(2025\), 2 uit de cache \(2013, zonder-jaar\), wegwijzer opnieuw gemaakt/);
    for (const shard of ['2013', 'zonder-jaar']) expect(fingerprint(join(rebuilt.outDir, 'pagefind', shard))).toEqual(fingerprint(join(site.outDir, 'pagefind', shard)));

    const fresh = projectCopy();
    rmSync(join(fresh, 'content'), { recursive: true });
    cpSync(join(root, 'content'), join(fresh, 'content'), { recursive: true });
    const cold = build({ root: fresh, env });
    expect(cold.status, cold.output).toBe(0);
    expect(cold.output).toMatch(/3 van de 3 delen opnieuw gemaakt/);
    expect(fingerprint(join(rebuilt.outDir, 'pagefind'))).toEqual(fingerprint(join(cold.outDir, 'pagefind')));
    expect(rebuilt.read('zoeken/index.html')).toBe(cold.read('zoeken/index.html'));

    const rebuiltServer = await serve(rebuilt.outDir);
    try {
      const page = await browser.newPage();
      await page.goto(`${rebuiltServer.origin}/zoeken/?q=zuurkoolstamppot`);
      await page.waitForFunction(() => /gevonden/.test(document.getElementById('zoekstatus')?.textContent ?? ''));
      expect(await page.$$eval('#zoekresultaten > li .ra-list__title a', (links) => links.map((a) => a.getAttribute('href')))).toEqual(['/stukken/almelo-2025-nieuwe-brief/']);
      await page.close();
    } finally {
      await rebuiltServer.close();
    }
  }, 600_000);
});

describe('results of shards that were counted, not ranked', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    // Thirty letters over six years with one word in common, in shards of about five letters: more than a page of
    // results, spread over shards the page counts first and ranks when asked for more.
    const root = projectCopy();
    for (let n = 1; n <= 30; n++) {
      const year = 2020 + (n % 6);
      writeFileSync(
        join(root, `content/stukken/almelo-${year}-zwembad-${n}.md`),
        `---\ntype: vragen-raadslid\ntitel: Vragen ${n} over het zwembadtarief\norganisatie: almelo\ndatum: ${year}-03-${String((n % 27) + 1).padStart(2, '0')}\nvragen:\n  gesteldDoor: { soort: raadslid, naam: A. Zwemmer }\n  gesteldOp: ${year}-02\nonderwerpen: [sport]\n---\n## Vraag 1\n\n> Wat kost het zwembadtarief?\n\nHet zwembadtarief stijgt met ${n} procent.\n`,
      );
    }
    const site = build({ root, env: { RAADSARCHIEF_ZOEKDEEL_PAGINAS: '5' } });
    if (site.status !== 0) throw new Error(site.output);
    server = await serve(site.outDir);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the full count at once, and the results of the older shards, newest first, when asked for more', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${server.origin}/zoeken/?q=zwembadtarief`);
    await page.waitForFunction(() => /gevonden/.test(document.getElementById('zoekstatus')?.textContent ?? ''));
    expect(await page.textContent('#zoekstatus')).toBe('30 stukken gevonden.');
    expect(await page.locator('#zoekresultaten > li').count()).toBe(20);
    // 2025 to 2022 fill the first page; 2021 is counted from its word list, without a result of it being loaded.
    expect(requests.some((path) => path.startsWith('/pagefind/2021/index/'))).toBe(true);
    expect(requests.some((path) => path.startsWith('/pagefind/2021/fragment/'))).toBe(false);
    expect(await page.textContent('#meer-resultaten')).toBe('Toon meer resultaten (10 over)');
    await page.click('#meer-resultaten');
    await page.waitForFunction(() => document.querySelectorAll('#zoekresultaten > li').length === 30);
    expect(await page.locator('#meer-resultaten').count()).toBe(0);
    // The focus moves to the first of the new results, for keyboard and screen reader users.
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('#zoekresultaten > li')[20])).toBe(true);
    const hrefs = await page.$$eval('#zoekresultaten > li .ra-list__title a', (links) => links.map((a) => a.getAttribute('href')!));
    expect(new Set(hrefs).size).toBe(30);
    const years = hrefs.map((href) => Number(/-(\d{4})-/.exec(href)![1]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await page.close();
  }, 60_000);
});
