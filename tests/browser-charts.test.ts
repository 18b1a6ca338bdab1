/**
 * In a real browser (Debian's Chromium): each chart draws (the canvas is not
 * blank), its figures are there as a table (under the chart, or the table of
 * the letter it links to), and a page without charts loads no script at all.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBuild, type BuildResult } from './helpers/build';
import { serve, type StaticServer } from './helpers/serve';

const CHROMIUM = '/usr/bin/chromium';
let site: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium ontbreekt: installeer het met `apt-get install -y chromium` (npm test doet dat zelf).');
  site = await sampleBuild();
  if (site.status !== 0) throw new Error(site.output);
  server = await serve(site.outDir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Counts canvas pixels that are not transparent: a drawn chart has many. */
async function drawnPixels(page: import('playwright-core').Page, selector: string): Promise<number> {
  return page.$eval(selector, (canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
    return count;
  });
}

describe('charts in the browser', () => {
  it('draws every chart when it scrolls into view, with its figures as a table', async () => {
    for (const path of ['stukken/twente-2013-regionale-samenwerking-jeugdzorg/', 'stukken/almelo-2024-jeugdzorg-vragen-de-olde/']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}/${path}`);
      const figures = await page.$$('figure.ra-grafiek');
      expect(figures.length, path).toBeGreaterThan(0);
      for (const figure of figures) {
        await figure.scrollIntoViewIfNeeded();
        const canvas = await figure.$('canvas');
        await page.waitForFunction((el) => !(el!.closest('.ra-grafiek__tekening') as HTMLElement).hidden, canvas);
        await page.waitForTimeout(200);
        const id = await figure.getAttribute('id');
        expect(await drawnPixels(page, `#${id} canvas`), `${path}#${id}`).toBeGreaterThan(2000);
        expect(await canvas!.getAttribute('aria-label')).toMatch(/^Figuur \d+: /);
        // Both sample letters show the chart's dataset as a table too: the figure points there instead of repeating it.
        const link = await figure.$('.ra-grafiek__cijfers a[href^="#tabel-"]');
        expect(link, `${path}#${id}`).not.toBeNull();
        expect(await figure.$('table')).toBeNull();
        const table = await page.$(`${await link!.getAttribute('href')} table`);
        expect(await table!.$$eval('tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
        const title = (await figure.$eval('figcaption', (c) => c.textContent!)).replace(/^Figuur \d+\s*/, '');
        expect(await table!.$eval('caption', (c) => c.textContent)).toContain(title);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('loads chart.js only when a chart comes into view', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 600 } });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${server.origin}/stukken/twente-2013-regionale-samenwerking-jeugdzorg/`);
    await page.waitForTimeout(300);
    const before = scripts.length;
    await (await page.$('figure.ra-grafiek'))!.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('.ra-grafiek__tekening')!.hidden);
    expect(scripts.length).toBeGreaterThan(before);
    await page.close();
  });

  it('shows the summary and the way to the table, and no canvas, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/stukken/twente-2013-regionale-samenwerking-jeugdzorg/`);
    expect(await page.isVisible('#figuur-1 canvas')).toBe(false);
    expect(await page.isVisible('#figuur-1 .ra-grafiek__samenvatting')).toBe(true);
    await page.click('#figuur-1 a[href="#tabel-1"]');
    expect(new URL(page.url()).hash).toBe('#tabel-1');
    expect(await page.isVisible('#tabel-1 table')).toBe(true);
    await context.close();
  });

  it('loads no script on a page without charts', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${server.origin}/stukken/almelo-jeugdbescherming-vragen-inwoner/`);
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await page.close();
  });
});
