/**
 * `npm run bench:search -- <built site>`: how fast the search answers in a
 * browser, on a site already built (for instance the one `npm run bench --
 * 100000 --keep` leaves behind). For each query a fresh browser context (no
 * cache) opens /zoeken/ with the query in its address, as a shared link does,
 * and the script records the time until the first result is on the page, what
 * the page fetched for it (requests to the index itself counted apart), and
 * the time until the full count is there; once on this machine's own network
 * and once under Lighthouse's mobile throttling. A record for the README, not
 * a test.
 *
 * `npm run bench:search -- --nagebootst 100000` measures an archive of that
 * size without its 21-minute build: a small archive is built for real (`npm
 * run bench -- 200`, for the search page, its script and its filters), the rest
 * of the letters are written into that site as briefing pages and indexed with
 * the build's own code (scripts/lib/synthetic-search-site.ts). `--bewaar`
 * keeps that site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { shardManifestOfPage, yearOfPage } from '../src/lib/publication/search-shards';
import { serve } from '../tests/helpers/serve';
import { writeSyntheticSearchSite } from './lib/synthetic-search-site';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { nagebootst: { type: 'string' }, bewaar: { type: 'boolean' }, uitkomst: { type: 'string' } } });
const projectRoot = resolve(import.meta.dirname, '..');
const fmt = (n: number, digits = 0) => n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });

let site: string;
let work: string | undefined;
if (values.nagebootst !== undefined) {
  const count = Number(values.nagebootst);
  const SMALL = 200;
  if (!Number.isInteger(count) || count <= SMALL) {
    console.error(`Gebruik: npm run bench:search -- --nagebootst <aantal stukken, meer dan ${SMALL}>`);
    process.exit(1);
  }
  console.log(`Een klein archief van ${SMALL} stukken echt bouwen (npm run bench -- ${SMALL}) …`);
  const small = spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/bench.ts', String(SMALL), '--alleen', '--skip-bare', '--skip-rebuild', '--keep'], { cwd: projectRoot, encoding: 'utf8' });
  work = /De gegenereerde bestanden staan in (\S+)/.exec(small.stdout)?.[1];
  if (small.status !== 0 || !work) {
    console.error(`De bouw van het kleine archief is mislukt:\n${small.stdout}\n${small.stderr}`);
    process.exit(1);
  }
  site = join(work, 'dist-raadsarchief');
  const built = readdirSync(join(site, 'stukken'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;
  console.log(`${built} stukken gebouwd in ${site}; ${fmt(count - built)} stukken erbij schrijven en alles indexeren …`);
  const synthetic = await writeSyntheticSearchSite(site, count - built, (line) => console.log(`  ${line}`));
  console.log(
    `${fmt(synthetic.letters)} pagina's van stukken en ${fmt(synthetic.files)} bestanden: geschreven in ${fmt(synthetic.writeMs / 1000, 1)} s, ` +
      `geïndexeerd in ${synthetic.shards.length} delen in ${fmt(synthetic.ms / 1000, 1)} s`,
  );
} else {
  site = resolve(positionals[0] ?? 'dist');
}
const searchPage = join(site, 'zoeken', 'index.html');
const manifest = existsSync(searchPage) ? shardManifestOfPage(readFileSync(searchPage, 'utf8')) : undefined;
if (!manifest?.delen.length) {
  console.error(`Gebruik: npm run bench:search -- <map met een gebouwde site>; in ${site} staat geen zoeken/index.html met de delen van de zoekindex.`);
  process.exit(1);
}
const shards = manifest.delen;
console.log(`\nDelen van de zoekindex (nieuwste eerst): ${shards.map((s) => `${s.id} (${fmt(s.paginas)})`).join(', ')}\n`);

/** A word only one letter has, from the oldest year of the oldest shard: its kenmerk. */
function rareWordOfOldestShard(): { word: string; year: string } {
  const oldest = shards.filter((s) => s.jaren.length).at(-1);
  const year = oldest?.jaren.at(-1);
  if (!year) throw new Error('Het archief heeft geen stukken met een jaar.');
  for (const id of readdirSync(join(site, 'stukken')).sort()) {
    if (!id.includes(`-${year}-`)) continue;
    const page = join(site, 'stukken', id, 'index.html');
    if (!existsSync(page)) continue;
    const html = readFileSync(page, 'utf8');
    // The number of the kenmerk: Pagefind indexes "UIT-2011123456" as two words, and "uit" is in every letter.
    const kenmerk = /<dt[^>]*>Kenmerk<\/dt><dd[^>]*>[A-Z]+-(\d+)<\/dd>/.exec(html)?.[1];
    if (kenmerk && String(yearOfPage(html, page)) === year) return { word: kenmerk, year };
  }
  throw new Error(`Geen stuk uit ${year} met een kenmerk gevonden.`);
}

const rare = rareWordOfOldestShard();
const QUERIES: { label: string; query: Record<string, string> }[] = [
  { label: 'woord in bijna elk stuk', query: { q: 'jeugdzorg' } },
  { label: `zeldzaam woord, alleen in het oudste deel (kenmerk van één stuk uit ${rare.year})`, query: { q: rare.word } },
  { label: 'twee woorden', query: { q: 'wachttijd aanbieders' } },
  { label: 'woord met het oudste jaar als filter', query: { q: 'budget', jaar: rare.year } },
  { label: 'woord met een organisatie als filter', query: { q: 'budget', organisatie: 'Gemeente almelo' } },
  { label: 'woord met twee filters', query: { q: 'budget', organisatie: 'Gemeente almelo', jaar: '2019' } },
  { label: 'alleen een filter', query: { soort: 'Raadsinformatiebrief' } },
];

/** Lighthouse's mobile throttling (its `mobileSlow4G`: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), applied by DevTools. */
const MOBILE = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** What the server sent for each address (compressed where it compressed), from the server itself. */
const sentBytes = new Map<string, number>();
const bytesOf = (url: string, origin: string) => (url.startsWith(`${origin}/`) ? (sentBytes.get(url.slice(origin.length)) ?? 0) : 0);

interface Fetched {
  url: string;
  /** When the response had fully arrived, in the browser's clock (ms since 1970). */
  end: Promise<number>;
  bytes: Promise<number>;
}

async function measure(browser: Browser, origin: string, query: Record<string, string>, throttled: boolean, trace = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', MOBILE);
  }
  // The moments the page itself notes: its first result, and the status with the full count.
  await page.addInitScript(() => {
    const marks = { first: 0, all: 0 };
    (window as unknown as { marks: typeof marks }).marks = marks;
    new MutationObserver(() => {
      if (!marks.first && document.querySelector('#zoekresultaten li')) marks.first = Date.now();
      if (!marks.all && /gevonden|Geen stukken/.test(document.getElementById('zoekstatus')?.textContent ?? '')) marks.all = Date.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const fetched: Fetched[] = [];
  page.on('requestfinished', (request) => {
    fetched.push({
      url: request.url(),
      end: Promise.resolve(request.timing()).then((t) => t.startTime + t.responseEnd),
      bytes: Promise.resolve(bytesOf(request.url(), origin)),
    });
  });
  const started = Date.now();
  await page.goto(`${origin}/zoeken/?${new URLSearchParams(query)}`);
  await page.waitForFunction(() => (window as unknown as { marks: { all: number } }).marks.all > 0, undefined, { timeout: 180_000 });
  const marks = await page.evaluate(() => (window as unknown as { marks: { first: number; all: number } }).marks);
  const status = ((await page.locator('#zoekstatus').textContent()) ?? '').replace(/\.$/, '');
  await page.waitForLoadState('networkidle');
  await context.close();
  const sizes = await Promise.all(fetched.map((f) => f.bytes));
  const ends = await Promise.all(fetched.map((f) => f.end));
  const sum = (pick: (i: number) => boolean) => fetched.reduce((total, _, i) => total + (pick(i) ? sizes[i]! : 0), 0);
  // The index: what Pagefind fetches from pagefind/; the fragments of the results shown are not counted.
  const isIndex = (i: number) => fetched[i]!.url.startsWith(`${origin}/pagefind/`) && !fetched[i]!.url.includes('/fragment/');
  const beforeFirst = (i: number) => marks.first > 0 && ends[i]! <= marks.first;
  if (trace) {
    for (const [i, f] of fetched.entries()) console.log(`    ${fmt(ends[i]! - started)} ms ${fmt(sizes[i]! / 1024)} KB ${f.url.replace(origin, '')}${beforeFirst(i) ? '' : ' (na het eerste resultaat)'}`);
  }
  return {
    first: marks.first ? marks.first - started : undefined,
    indexRequestsFirst: fetched.filter((_, i) => beforeFirst(i) && isIndex(i)).length,
    indexKbFirst: sum((i) => beforeFirst(i) && isIndex(i)) / 1024,
    kbFirst: sum(beforeFirst) / 1024,
    all: marks.all - started,
    requests: fetched.length,
    kb: sum(() => true) / 1024,
    status,
  };
}

// Compressed like a production web server: HTML, CSS, scripts and JSON with gzip; Pagefind's index files are compressed already.
const server = await serve(site, '/', { gzip: true, sent: (url, bytes) => sentBytes.set(url, bytes) });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const measured: { label: string; throttled: boolean; first?: number; indexRequestsFirst: number; indexKbFirst: number; all: number }[] = [];
try {
  for (const throttled of [false, true]) {
    console.log(throttled ? '\nMet Lighthouses mobiele netwerkbeperking (150 ms, 1,6 Mbit/s):\n' : 'Zonder netwerkbeperking:\n');
    console.log('| Zoekopdracht | Eerste resultaat na | Index tot dan | Alles tot dan | Volledige telling na | Opgehaald in totaal | Gevonden |\n| --- | --- | --- | --- | --- | --- | --- |');
    for (const { label, query } of QUERIES) {
      const m = await measure(browser, server.origin, query, throttled, Boolean(process.env.RAADSARCHIEF_BENCH_VERZOEKEN));
      measured.push({ label, throttled, first: m.first, indexRequestsFirst: m.indexRequestsFirst, indexKbFirst: m.indexKbFirst, all: m.all });
      console.log(
        `| ${label} (\`${new URLSearchParams(query)}\`) | ${m.first === undefined ? 'geen resultaat' : `${fmt(m.first / 1000, 2)} s`} | ${m.indexRequestsFirst} verzoeken, ${fmt(m.indexKbFirst)} KB | ${fmt(m.kbFirst)} KB | ` +
          `${fmt(m.all / 1000, 2)} s | ${fmt(m.kb)} KB in ${m.requests} verzoeken | ${m.status} |`,
      );
    }
  }
  // For `npm run bench`, which puts the sizes of a series side by side.
  if (values.uitkomst) writeFileSync(values.uitkomst, JSON.stringify(measured));
} finally {
  await browser.close();
  await server.close();
  if (work && !values.bewaar) rmSync(work, { recursive: true, force: true });
  else if (work) console.log(`\nDe site staat in ${site}`);
}
