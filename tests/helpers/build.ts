/**
 * Runs a real `astro build` of the project in a private copy of its root, so
 * builds of different archives never share Astro's caches, optionally with
 * another content/ and data/ folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number | null;
  output: string;
  root: string;
  outDir: string;
  read(path: string): string;
}

/** The test run's own folder, removed when the run ends (tests/helpers/shared-builds.ts), so copies do not pile up in /tmp. */
function runFolder(): string {
  try {
    return inject('sharedBuilds') ?? tmpdir();
  } catch {
    return tmpdir();
  }
}

/** An empty folder of its own in the test run's folder. */
export function scratchFolder(prefix: string): string {
  return mkdtempSync(join(runFolder(), prefix));
}

/** Folders in node_modules/ that hold caches rather than packages. */
const CACHE_FOLDERS = new Set(['.astro', '.cache', '.vite']);

/**
 * A throwaway copy of the project (sources, config, content, data) sharing the
 * packages in node_modules but not its caches: the cache is keyed by the content
 * folder's path within the project, so copies would otherwise share one.
 */
export function projectCopy(): string {
  const root = mkdtempSync(join(runFolder(), 'ra-project-'));
  for (const entry of ['src', 'public', 'content', 'data', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
    if (!CACHE_FOLDERS.has(entry)) symlinkSync(join(projectRoot, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  return root;
}

export interface BuildOptions {
  content?: string;
  data?: string;
  base?: string;
  outDir?: string;
  root?: string;
  env?: Record<string, string>;
}

export function build(options: BuildOptions = {}): BuildResult {
  const root = options.root ?? projectCopy();
  const outDir = options.outDir ?? join(root, 'dist');
  const result = spawnSync(join(projectRoot, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
    cwd: root,
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
    // A build killed from outside (a signal, a full output buffer) prints nothing of its own: say so.
    output: `${result.stdout}\n${result.stderr}${result.signal ? `\n[astro build gestopt door ${result.signal}]` : ''}${result.error ? `\n[${result.error.message}]` : ''}`,
    root,
    outDir,
    read: (path: string) => readFileSync(join(outDir, path), 'utf8'),
  };
}

/**
 * The sample archive, built once per test run and shared by every test file that
 * only reads it (never write into its folders). The first file to ask builds it;
 * files in other workers wait for that build instead of making their own.
 */
export async function sampleBuild(): Promise<BuildResult> {
  const shared = inject('sharedBuilds');
  const done = join(shared, 'sample.json');
  try {
    mkdirSync(join(shared, 'sample.lock'));
  } catch {
    while (!existsSync(done)) await sleep(250);
    const { status, output, root, outDir } = JSON.parse(readFileSync(done, 'utf8')) as Omit<BuildResult, 'read'>;
    return { status, output, root, outDir, read: (path: string) => readFileSync(join(outDir, path), 'utf8') };
  }
  const result = build();
  // Written aside and renamed, so a waiting file never reads half of it.
  writeFileSync(`${done}.tmp`, JSON.stringify({ status: result.status, output: result.output, root: result.root, outDir: result.outDir }));
  renameSync(`${done}.tmp`, done);
  return result;
}

/** Every file below `dir` with the SHA-256 of its bytes: two folders with equal fingerprints are byte for byte the same. */
export function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

/** A copy of a fixture archive that a test may break. */
export function copyFixture(name: string): { content: string; data: string; dir: string } {
  const dir = mkdtempSync(join(runFolder(), `ra-fixture-${name}-`));
  cpSync(join(projectRoot, 'tests/fixtures', name), dir, { recursive: true });
  return { dir, content: join(dir, 'content'), data: join(dir, 'data') };
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
