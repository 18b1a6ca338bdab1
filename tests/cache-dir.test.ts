/**
 * Astro keeps content entries parsed by an older schema until the file itself
 * changes, so a new field's default would be missing after an upgrade. The
 * cache is therefore keyed by the content folder and the content model.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirFor } from '../src/lib/content/cache-dir';

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
});
