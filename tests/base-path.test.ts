/**
 * One setting moves the archive from a domain root to a sub-path. In both
 * builds every internal link, asset, feed and the search resolve.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { build } from './helpers/build';
import { serve } from './helpers/serve';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

const readFileSyncUtf8 = (path: string) => readFileSync(path, 'utf8');

/** Every href/src on every page that points into the site must be a file in the output. */
function brokenLinks(outDir: string, base: string): { broken: string[]; checked: number } {
  const broken = new Set<string>();
  let checked = 0;
  for (const file of htmlFiles(outDir)) {
    const html = readFileSyncUtf8(file);
    const pageUrl = new URL(`http://site${base}${file.slice(outDir.length + 1)}`);
    for (const match of html.matchAll(/\s(?:href|src)="([^"#?]*)[^"]*"/g)) {
      if (!match[1] || /^(https?:|mailto:|data:)/.test(match[1])) continue;
      // Relative links resolve against the page, as a browser does.
      const target = new URL(match[1], pageUrl).pathname;
      checked++;
      if (!target.startsWith(base)) {
        broken.add(`${file.slice(outDir.length)} → ${target} (buiten ${base})`);
        continue;
      }
      const path = join(outDir, target.slice(base.length));
      const exists = existsSync(path) && (statSync(path).isFile() || existsSync(join(path, 'index.html')));
      if (!exists) broken.add(`${file.slice(outDir.length)} → ${target}`);
    }
  }
  return { broken: [...broken], checked };
}


describe.each(['/', '/raadsinformatie/'])('a build for %s', (base) => {
  it('has no broken internal links, and feeds, sitemap and search use the base', async () => {
    const site = build({ base });
    expect(site.status, site.output).toBe(0);
    const links = brokenLinks(site.outDir, base);
    expect(links.broken).toEqual([]);
    expect(links.checked).toBeGreaterThan(500);
    expect(site.read('feed.xml')).toContain(`https://raadsarchief.example${base}stukken/`);
    expect(site.read('sitemap-0.xml')).toContain(`<loc>https://raadsarchief.example${base}stukken/`);
    expect(site.read('robots.txt')).toContain(`https://raadsarchief.example${base}sitemap-index.xml`);
    expect(JSON.parse(site.read('datasets/catalogus.jsonld'))['dcat:dataset'][0]['dcat:distribution'][0]['dcat:downloadURL']).toMatch(new RegExp(`^https://raadsarchief\\.example${base}data/`));

    const server = await serve(site.outDir, base);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${server.origin}${base}zoeken/?q=pleegzorg`);
      await page.waitForFunction(() => /gevonden/.test(document.getElementById('zoekstatus')?.textContent ?? ''));
      const href = await page.getAttribute('#zoekresultaten a', 'href');
      expect(href).toMatch(new RegExp(`^${base}stukken/`));
      await page.goto(`${server.origin}${href}`);
      expect(await page.title()).toContain('·');
      await page.goto(`${server.origin}${base}stukken/twente-2013-regionale-samenwerking-jeugdzorg/`);
      await page.evaluate(() => document.querySelector('figure.ra-grafiek')?.scrollIntoView());
      await page.waitForFunction(() => !document.querySelector<HTMLElement>('.ra-grafiek__tekening')?.hidden);
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 180_000);
});
