/**
 * Astro keeps content entries parsed by an older schema until the file itself
 * changes, so a new field's default would be missing after an upgrade. The
 * cache is therefore keyed by the content folder and the content model. The
 * folder counts by its path within the project, so a CI runner that checks out
 * somewhere else every run still finds its cache; RAADSARCHIEF_CACHE moves the
 * whole cache out of node_modules/, which `npm ci` empties.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheDirFor, cacheFolders } from '../src/lib/content/cache-dir';
import { buildPdf, onePage } from './helpers/pdf';

function project(schema: string) {
  const root = mkdtempSync(join(tmpdir(), 'ra-cache-'));
  mkdirSync(join(root, 'src/schemas'), { recursive: true });
  mkdirSync(join(root, 'src/lib/content'), { recursive: true });
  writeFileSync(join(root, 'src/content.config.ts'), 'export const collections = {};\n');
  writeFileSync(join(root, 'src/lib/content/briefing-loader.ts'), 'export const loader = 1;\n');
  writeFileSync(join(root, 'src/lib/content/citations.ts'), 'export const facts = 1;\n');
  writeFileSync(join(root, 'src/schemas/briefing.ts'), schema);
  return root;
}

describe('the cache of an archive', () => {
  it('is its own per content folder and per content model (schemas and loader)', () => {
    const root = project('export const a = 1;\n');
    const same = cacheDirFor('content', root);
    expect(cacheDirFor('content', root)).toBe(same);
    expect(cacheDirFor('/elders/content', root)).not.toBe(same);
    writeFileSync(join(root, 'src/schemas/briefing.ts'), 'export const a = 2;\n');
    const newSchema = cacheDirFor('content', root);
    expect(newSchema).not.toBe(same);
    // The loader decides what the store keeps of each briefing: a new loader, a new cache.
    writeFileSync(join(root, 'src/lib/content/briefing-loader.ts'), 'export const loader = 2;\n');
    expect(cacheDirFor('content', root)).not.toBe(newSchema);
    expect(same.startsWith(join(root, 'node_modules/.astro/'))).toBe(true);
  });

  it('is the same for two checkouts of one archive at different absolute paths', () => {
    const first = project('export const a = 1;\n');
    const second = project('export const a = 1;\n');
    expect(first).not.toBe(second);
    expect(basename(cacheDirFor('content', first))).toBe(basename(cacheDirFor('content', second)));
    // An archive kept beside the project counts by its path from the project as well.
    expect(basename(cacheDirFor(join(first, '../archief/content'), first))).toBe(basename(cacheDirFor(join(second, '../archief/content'), second)));
    expect(basename(cacheDirFor('../archief/content', first))).not.toBe(basename(cacheDirFor('content', first)));
    // With RAADSARCHIEF_CACHE, both checkouts use one and the same folder.
    const env = { RAADSARCHIEF_CACHE: '/ci/cache' };
    expect(cacheDirFor('content', first, env)).toBe(cacheDirFor('content', second, env));
    expect(cacheDirFor('content', first, env).startsWith('/ci/cache/astro/')).toBe(true);
  });

  it('lives in node_modules/ unless RAADSARCHIEF_CACHE names a folder (relative to the project or absolute)', () => {
    const root = project('export const a = 1;\n');
    expect(cacheFolders(root, {})).toEqual({ astro: join(root, 'node_modules/.astro'), raadsarchief: join(root, 'node_modules/.cache/raadsarchief') });
    expect(cacheFolders(root, { RAADSARCHIEF_CACHE: '.raadsarchief-cache' })).toEqual({
      astro: join(root, '.raadsarchief-cache/astro'),
      raadsarchief: join(root, '.raadsarchief-cache/raadsarchief'),
    });
    expect(cacheFolders(root, { RAADSARCHIEF_CACHE: '/ci/cache' }).raadsarchief).toBe('/ci/cache/raadsarchief');
  });

  it('keeps the verdicts on PDFs in RAADSARCHIEF_CACHE as well', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'ra-cache-ci-'));
    const before = process.env.RAADSARCHIEF_CACHE;
    process.env.RAADSARCHIEF_CACHE = cache;
    vi.resetModules();
    try {
      // Imported afresh: the module settles its folder on first use.
      const { pdfVerdict, savePdfVerdicts } = await import('../src/lib/content/pdf-verdicts');
      const pdf = buildPdf({ objects: onePage() });
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      expect(pdfVerdict(pdf, sha256).embedded).toEqual([]);
      savePdfVerdicts();
      const rules = join(cache, 'raadsarchief/pdf-controle');
      expect(existsSync(rules)).toBe(true);
      const [folder] = readdirSync(rules);
      // Kept with the other verdicts whose SHA-256 starts with the same digit.
      const stored = JSON.parse(readFileSync(join(rules, folder!, `${sha256[0]}.json`), 'utf8')) as Record<string, { embedded: unknown[] }>;
      expect(stored[sha256]?.embedded).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.RAADSARCHIEF_CACHE;
      else process.env.RAADSARCHIEF_CACHE = before;
      vi.resetModules();
    }
  });
});
