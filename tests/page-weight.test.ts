/**
 * Page weight budgets over the built sample archive: a page without a chart
 * ships no JavaScript (the search page aside) and weighs at most 25 KB gzipped
 * (HTML and the CSS it loads); a chart page at most 90 KB gzipped JavaScript,
 * lazy chunks included; nothing render-blocking comes from another host.
 *
 * A document whose text alone is over 20 KB gzipped (the 35-page half-year
 * report) cannot fit 25 KB whatever the markup; for those the budget caps what
 * the page adds to its text (CSS, navigation, table markup) at 10 KB gzipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleBuild, textOf, type BuildResult } from './helpers/build';

let site: BuildResult;
beforeAll(async () => {
  site = await sampleBuild();
  if (site.status !== 0) throw new Error(site.output);
});

const gz = (path: string) => gzipSync(readFileSync(path)).length;

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : pages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** A script and every module it imports, as the browser would fetch them. */
function scriptClosure(outDir: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(outDir, entry), 'utf8');
  for (const match of code.matchAll(/(?:import\(|from|import)\s*["'`]?\.?\/?([\w./-]+\.js)["'`]/g)) {
    const name = match[1]!.replace(/^\.?\//, '').replace(/^_astro\//, '');
    const path = `_astro/${name.split('/').pop()}`;
    if (existsSync(join(outDir, path))) scriptClosure(outDir, path, seen);
  }
  return seen;
}

describe('page weight', () => {
  it('pages without a chart ship no JavaScript and weigh at most 25 KB gzipped', () => {
    const heavy: string[] = [];
    for (const page of pages(site.outDir)) {
      const html = readFileSync(page, 'utf8');
      const relative = page.slice(site.outDir.length);
      expect(html, relative).not.toMatch(/<link[^>]+rel="stylesheet"[^>]+href="https?:\/\//);
      expect(html, relative).not.toMatch(/<script[^>]+src="https?:\/\//);
      if (html.includes('data-grafiek=')) continue;
      // The search page and the question register (its in-page filters) are the pages with a script and no chart.
      if (!relative.startsWith('/zoeken/') && !relative.startsWith('/vragen/')) expect(html, relative).not.toContain('<script');
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => join(site.outDir, m[1]!));
      const weight = gzipSync(Buffer.from(html)).length + css.reduce((sum, file) => sum + gz(file), 0);
      const text = gzipSync(Buffer.from(textOf(html))).length;
      const withinBudget = weight <= 25 * 1024 || (text > 20 * 1024 && weight - text <= 10 * 1024);
      if (!withinBudget) heavy.push(`${relative}: ${(weight / 1024).toFixed(1)} KB, waarvan tekst ${(text / 1024).toFixed(1)} KB`);
    }
    expect(heavy).toEqual([]);
  });

  it('the question register loads its in-page filters in at most 5 KB gzipped JavaScript, lazy chunks included', () => {
    const registerPages = pages(site.outDir).filter((p) => p.slice(site.outDir.length).startsWith('/vragen/') && !readFileSync(p, 'utf8').includes('data-grafiek='));
    expect(registerPages.length).toBeGreaterThan(0);
    for (const page of registerPages) {
      const html = readFileSync(page, 'utf8');
      const entries = [...html.matchAll(/<script type="module" src="\/?([^"]+)"/g)].map((m) => m[1]!);
      expect(entries, page).toHaveLength(1);
      // No inline script: the policy has no 'unsafe-inline'.
      expect(html.match(/<script/g), page).toHaveLength(1);
      const all = new Set<string>();
      for (const entry of entries) scriptClosure(site.outDir, entry.replace(/^.*?(_astro\/)/, '$1'), all);
      expect([...all].some((file) => file.includes('register-rows')), page).toBe(true);
      expect([...all].reduce((sum, file) => sum + gz(join(site.outDir, file)), 0), page).toBeLessThan(5 * 1024);
    }
  });

  it('chart pages load at most 90 KB gzipped JavaScript, lazy chunks included', () => {
    const chartPages = pages(site.outDir).filter((p) => readFileSync(p, 'utf8').includes('data-grafiek='));
    expect(chartPages.length).toBeGreaterThan(0);
    for (const page of chartPages) {
      const html = readFileSync(page, 'utf8');
      const entries = [...html.matchAll(/<script type="module" src="\/?([^"]+)"/g)].map((m) => m[1]!);
      const all = new Set<string>();
      for (const entry of entries) scriptClosure(site.outDir, entry.replace(/^.*?(_astro\/)/, '$1'), all);
      const total = [...all].reduce((sum, file) => sum + gz(join(site.outDir, file)), 0);
      expect([...all].some((file) => file.includes('chart-draw')), page).toBe(true);
      expect(total, page).toBeLessThan(90 * 1024);
    }
  });
});
