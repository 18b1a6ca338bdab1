/**
 * Proof in a real browser: every page in the sitemap (and the 404 page) passes
 * axe-core for WCAG 2.0/2.1/2.2 A and AA with zero violations at 1280 px and
 * 360 px; the Nu Html Checker finds no errors; search works by keyboard alone;
 * the skip link and the focus indicator work.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, sampleBuild, type BuildResult } from './helpers/build';
import { serve, type StaticServer } from './helpers/serve';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const VNU = require.resolve('vnu-jar/build/dist/vnu.jar');
const TAGS = ['wcag2a', 'wcag21a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

let site: BuildResult;
let server: StaticServer;
let browser: Browser;
let urls: string[];

beforeAll(async () => {
  site = await sampleBuild();
  if (site.status !== 0) throw new Error(site.output);
  server = await serve(site.outDir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const sitemap = site.read('sitemap-0.xml');
  urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  urls.push('/404.html');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function axe(page: Page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }, TAGS);
}

describe('accessibility', () => {
  it('lists the pages to test', () => {
    expect(urls.length).toBeGreaterThan(20);
    expect(urls).toContain('/zoeken/');
  });

  for (const width of [1280, 360]) {
    it(`every page passes axe-core (${TAGS.join(', ')}) at ${width} px`, async () => {
      // axe is injected as a script; the page's own policy (tested below) would block it.
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      const failures: string[] = [];
      for (const path of urls) {
        await page.goto(server.origin + path);
        // Charts draw when in view; scroll so their canvases are tested too.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForTimeout(50);
        for (const violation of await axe(page)) failures.push(`${path}: ${violation}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 1) failures.push(`${path}: de pagina is ${overflow}px breder dan het scherm`);
      }
      await page.close();
      expect(failures).toEqual([]);
    }, 300_000);
  }

  it('the Nu Html Checker reports no errors on the built site', () => {
    const result = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', '--skip-non-html', site.outDir], { encoding: 'utf8', cwd: projectRoot });
    expect(result.error).toBeUndefined();
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('search with filters works by keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/zoeken/`);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // site name
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'zoekterm')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('zoekterm');
    await page.keyboard.type('pleegzorg');
    await page.keyboard.press('Tab'); // soort
    await page.keyboard.press('Tab'); // organisatie
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-organisatie');
    await page.keyboard.press('ArrowDown'); // Gemeente Almelo
    await page.keyboard.press('ArrowDown'); // Gemeente Almere
    // On past the other filters (jaar, onderwerp and the register filters) to the submit button.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type === 'submit')) break;
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type)).toBe('submit');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /gevonden/.test(document.getElementById('zoekstatus')?.textContent ?? ''));
    const status = await page.textContent('#zoekstatus');
    expect(status).toMatch(/^1 stuk gevonden\.$/);
    const first = await page.textContent('#zoekresultaten li');
    expect(first).toContain('Gemeente Almere');
    await page.close();
  });

  it('the skip link moves focus to the content and focus is visible', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/stukken/almelo-2024-jeugdzorg-vragen-de-olde/`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, top: el.getBoundingClientRect().top, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(skip.text).toBe('Naar de inhoud');
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.outline).toBe('solid');
    expect(parseFloat(skip.width)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    await page.close();
  });

  it('pages make no request to another host and break no rule of their Content-Security-Policy', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    for (const path of ['/', '/zoeken/?q=jeugd', '/stukken/twente-2013-regionale-samenwerking-jeugdzorg/', '/stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/']) {
      await page.goto(server.origin + path);
      expect(await page.$eval('meta[http-equiv="content-security-policy"]', (m) => m.getAttribute('content'))).not.toMatch(/unsafe-inline/);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
    }
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    // The search and the charts actually ran under the policy.
    await page.goto(`${server.origin}/zoeken/?q=jeugd`);
    await page.waitForFunction(() => /gevonden/.test(document.getElementById('zoekstatus')?.textContent ?? ''));
    await page.close();
  });
});
