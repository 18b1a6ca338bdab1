/**
 * The editing screen (src/editor/, scripts/beheer.ts) is no part of the site:
 * dist/ built without it is byte for byte the same as dist/ built with it, so
 * nothing of the editor is published or served by `astro preview`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, fingerprint, projectCopy } from './helpers/build';

const FIXED = { RAADSARCHIEF_BUILDDATUM: '2025-03-01' };

describe('the site without the editing screen', () => {
  it('builds byte for byte the same dist/ with and without src/editor and scripts/beheer.ts', () => {
    const withEditor = build({ env: FIXED });
    expect(withEditor.status, withEditor.output).toBe(0);
    const root = projectCopy();
    rmSync(join(root, 'src/editor'), { recursive: true });
    rmSync(join(root, 'scripts/beheer.ts'));
    const withoutEditor = build({ root, env: FIXED });
    expect(withoutEditor.status, withoutEditor.output).toBe(0);
    const a = fingerprint(withEditor.outDir);
    const b = fingerprint(withoutEditor.outDir);
    expect(Object.keys(a).length).toBeGreaterThan(50);
    expect(a).toEqual(b);
    expect(Object.keys(a).filter((path) => /beheer|decap/i.test(path))).toEqual([]);
  }, 600_000);
});
