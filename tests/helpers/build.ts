/**
 * Runs a real `astro build` of the project, optionally with another content/
 * and data/ folder, into a temporary output folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  read(path: string): string;
}

export function build(options: { content?: string; data?: string; base?: string; outDir?: string; env?: Record<string, string> } = {}): BuildResult {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'ra-build-'));
  const result = spawnSync(join(projectRoot, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...(options.content ? { RAADSARCHIEF_CONTENT: options.content } : {}),
      ...(options.data ? { RAADSARCHIEF_DATA: options.data } : {}),
      ...(options.base ? { RAADSARCHIEF_BASE: options.base } : {}),
      ...options.env,
    },
    timeout: 600_000,
  });
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    outDir,
    read: (path: string) => readFileSync(join(outDir, path), 'utf8'),
  };
}

/** A copy of a fixture archive that a test may break. */
export function copyFixture(name: string): { content: string; data: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), `ra-fixture-${name}-`));
  cpSync(join(projectRoot, 'tests/fixtures', name), root, { recursive: true });
  return { root, content: join(root, 'content'), data: join(root, 'data') };
}

/** Visible text of an HTML page, for assertions that should not depend on markup. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}
