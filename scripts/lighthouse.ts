/**
 * `npm run lighthouse`: builds the sample archive, serves it on 127.0.0.1 and
 * records Lighthouse scores (mobile settings) for a letter, a report with a
 * chart, the archive home and the search page, using Debian's Chromium.
 * A record for the README, not a pass/fail test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serve } from '../tests/helpers/serve';

const outDir = mkdtempSync(join(tmpdir(), 'raadsarchief-lighthouse-'));
const built = spawnSync(join(process.cwd(), 'node_modules/.bin/astro'), ['build', '--outDir', outDir], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = await serve(outDir);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const pages = [
  ['Brief (antwoorden op vragen)', 'stukken/almelo-2024-jeugdzorg-vragen-de-olde/'],
  ['Notitie met grafiek', 'stukken/twente-2013-regionale-samenwerking-jeugdzorg/'],
  ['Startpagina', ''],
  ['Zoeken', 'zoeken/?q=jeugdzorg'],
] as const;

console.log('\n| Pagina | Prestaties | Toegankelijkheid | Best practices | SEO |\n| --- | --- | --- | --- | --- |');
try {
  for (const [label, path] of pages) {
    const result = await lighthouse(`${server.origin}/${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      formFactor: 'mobile',
    });
    const c = result!.lhr.categories;
    const score = (key: string) => Math.round((c[key]?.score ?? 0) * 100);
    console.log(`| ${label} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`);
  }
} finally {
  await chrome.kill();
  await server.close();
}
