/**
 * `npm run bench:search -- <built site>`: how fast the search answers in a
 * browser, on a site already built (for instance the one `npm run bench --
 * 100000 --keep` leaves behind). For each query a fresh browser context (no
 * cache) opens /zoeken/ with the query in its address, as a shared link
 * does, and the script records the time until the first result is on the page
 * and the bytes the page fetched for it. A record for the README, not a test.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/helpers/serve';

const site = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(site, 'zoeken', 'index.html'))) {
  console.error(`Gebruik: npm run bench:search -- <map met een gebouwde site>; in ${site} staat geen zoeken/index.html.`);
  process.exit(1);
}

const QUERIES: { label: string; query: Record<string, string> }[] = [
  { label: 'veelvoorkomend woord', query: { q: 'jeugdzorg' } },
  { label: 'zeldzamer woord', query: { q: 'vertrouwelijke' } },
  { label: 'twee woorden', query: { q: 'wachttijd aanbieders' } },
  { label: 'woord met twee filters', query: { q: 'budget', organisatie: 'Gemeente almelo', jaar: '2019' } },
  { label: 'alleen een filter', query: { soort: 'Raadsinformatiebrief' } },
];

const server = await serve(site);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const fmt = (n: number, digits = 0) => n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
console.log('| Zoekopdracht | Eerste resultaat na | Opgehaald tot dan | Alle resultaten na | Opgehaald in totaal | Gevonden |\n| --- | --- | --- | --- | --- | --- |');
try {
  for (const { label, query } of QUERIES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    let requests = 0;
    page.on('requestfinished', async (request) => {
      requests++;
      bytes += (await request.sizes()).responseBodySize;
    });
    const started = Date.now();
    await page.goto(`${server.origin}/zoeken/?${new URLSearchParams(query)}`);
    const first = await page
      .locator('#zoekresultaten li')
      .first()
      .waitFor({ timeout: 30_000 })
      .then(() => Date.now() - started)
      .catch(() => undefined);
    const bytesFirst = bytes;
    await page.waitForFunction(() => /gevonden|Geen stukken/.test(document.getElementById('zoekstatus')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const all = Date.now() - started;
    const status = (await page.locator('#zoekstatus').textContent()) ?? '';
    await page.waitForLoadState('networkidle');
    console.log(`| ${label} (\`${new URLSearchParams(query)}\`) | ${first === undefined ? 'geen resultaat' : `${fmt(first / 1000, 2)} s`} | ${fmt(bytesFirst / 1024)} KB | ${fmt(all / 1000, 2)} s | ${fmt(bytes / 1024)} KB in ${requests} verzoeken | ${status.replace(/\.$/, '')} |`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
