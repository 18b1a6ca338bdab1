/**
 * A shard with thousands of briefings (a large city's year, or the undated
 * briefings of an imported archive) is indexed like any other. The build's own
 * code for one shard gets 5,000 briefing pages with long names, whose paths
 * together are far more than a Pagefind glob takes; the bundle it writes counts all 5,000, leaves
 * out the pages of other shards in the same site, and Pagefind's own search in
 * that bundle finds a page by a word only that page has, at its usual address.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { close } from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexShard } from '../src/integrations/search-index';
import { serve, type StaticServer } from './helpers/serve';

const PAGES = 5_000;
// As long as the names an import gives its briefings: 5,000 of these make some 560 KB of paths, where a
// glob naming them stopped at about 150-300 KB.
const id = (year: number, n: number) => `gemeente-groterdam-${year}-beantwoording-schriftelijke-vragen-over-jeugdzorg-en-wachttijden-${n}`;

// A word only this page has, and no prefix of another page's (Pagefind also finds longer words).
const word = (year: number, n: number) => `kenmerk${year}x${String(n).padStart(4, '0')}`;

function briefing(year: number, n: number): string {
  return (
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Vragen ${n}</title></head><body>` +
    `<nav><a href="/">Raadsarchief</a> <a href="/archief/">Archief</a></nav>` +
    `<main data-pagefind-body><h1>Beantwoording schriftelijke vragen ${n} over jeugdzorg</h1>` +
    `<dl><dt>Jaar</dt><dd data-pagefind-filter="jaar">${year}</dd><dt>Organisatie</dt><dd data-pagefind-filter="organisatie">Gemeente Groterdam</dd></dl>` +
    `<p>Het college beantwoordt de vragen over wachttijden in de jeugdzorg, met ${word(year, n)} als kenmerk van de brief.</p>` +
    `<p>De raad wordt geïnformeerd over de voortgang van de afspraken met de aanbieders in de regio.</p></main></body></html>`
  );
}

interface PagefindSearch {
  options(options: { basePath: string; baseUrl: string }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string): Promise<{ results: { data(): Promise<{ url: string; meta: Record<string, string>; filters: Record<string, string[]> }> }[] }>;
}

describe('a shard of the search index with thousands of briefings', () => {
  let work: string;
  let site: string;
  let bundle: string;
  let server: StaticServer;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ra-groot-deel-'));
    site = join(work, 'site');
    const pages: { path: string }[] = [];
    for (let n = 1; n <= PAGES; n++) {
      const path = `stukken/${id(2024, n)}/index.html`;
      mkdirSync(join(site, 'stukken', id(2024, n)), { recursive: true });
      writeFileSync(join(site, path), briefing(2024, n));
      pages.push({ path });
    }
    // Other years' briefings sit in the same site; they belong to other shards.
    for (let n = 1; n <= 3; n++) {
      mkdirSync(join(site, 'stukken', id(2023, n)), { recursive: true });
      writeFileSync(join(site, 'stukken', id(2023, n), 'index.html'), briefing(2023, n));
    }
    bundle = join(site, 'pagefind', '2024');
    try {
      await indexShard(site, '2024', pages, [], bundle);
    } finally {
      await close();
    }
    server = await serve(site);
  });

  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes one bundle that counts every page of the shard, and leaves nothing behind', () => {
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count]))).toEqual({ nl: PAGES });
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(true);
    expect(existsSync(join(bundle, 'pagefind-ui.js'))).toBe(false);
    // The pages were handed over from a folder next to the site; it is gone again.
    expect(readdirSync(work)).toEqual(['site']);
  });

  it("is searched by Pagefind's own search: one page by its own word, at its own address, with its filters", async () => {
    const pagefind = (await import(/* @vite-ignore */ pathToFileURL(join(bundle, 'pagefind.js')).href)) as PagefindSearch;
    // As the search page does (src/client/search.ts): the site's base in front of each page's URL.
    await pagefind.options({ basePath: `${server.origin}/pagefind/2024/`, baseUrl: '/' });

    const found = await pagefind.search(word(2024, 4711));
    expect(found.results).toHaveLength(1);
    const page = await found.results[0]!.data();
    expect(page.url).toBe(`/stukken/${id(2024, 4711)}/`);
    expect(page.meta.title).toBe('Beantwoording schriftelijke vragen 4711 over jeugdzorg');
    expect(page.filters).toEqual({ jaar: ['2024'], organisatie: ['Gemeente Groterdam'] });

    // The first and the last page made it in too.
    for (const n of [1, PAGES]) {
      const results = (await pagefind.search(word(2024, n))).results;
      expect(await Promise.all(results.map(async (result) => (await result.data()).url))).toEqual([`/stukken/${id(2024, n)}/`]);
    }
    // The filter lists count every page of the shard, and no other year's.
    expect(await pagefind.filters()).toEqual({ jaar: { 2024: PAGES }, organisatie: { 'Gemeente Groterdam': PAGES } });
  });
});

describe('the folder a shard is handed to Pagefind from', () => {
  it('is removed when indexing fails', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ra-deel-mislukt-'));
    try {
      const site = join(work, 'site');
      mkdirSync(join(site, 'stukken', 'a'), { recursive: true });
      writeFileSync(join(site, 'stukken', 'a', 'index.html'), briefing(2024, 1));
      // Not a page Pagefind reads: it counts one page of two, and the shard fails.
      writeFileSync(join(site, 'stukken', 'a', 'notitie.txt'), 'geen html');
      const pages = [{ path: 'stukken/a/index.html' }, { path: 'stukken/a/notitie.txt' }];
      await expect(indexShard(site, '2024', pages, [], join(site, 'pagefind', '2024'))).rejects.toThrow("Zoekindex, deel 2024: indexeren mislukt:\nPagefind las 1 van de 2 pagina's");
      expect(readdirSync(work)).toEqual(['site']);
    } finally {
      await close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
