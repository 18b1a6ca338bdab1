/**
 * Where Astro keeps the cache of one archive (its content store and the pages
 * an incremental build copies). Every content folder gets its own, or one
 * archive could be served from another's; the content model is part of the key
 * too (the schemas and the loader), because Astro keeps entries parsed by an
 * older schema (without a new field's default) until the file itself changes.
 *
 * The content folder counts by its path relative to the project, not by its
 * absolute path: a CI runner that checks out to another folder every run must
 * find the cache of the previous run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** What decides the entries in the content store, besides the schemas. */
const CONTENT_MODEL_FILES = ['src/content.config.ts', 'src/lib/content/briefing-loader.ts', 'src/lib/content/citations.ts'];

export interface CacheFolders {
  /** Astro's caches, one folder per archive and content model below it. */
  astro: string;
  /** What Raadsarchief itself remembers between builds and checks (the verdicts on PDFs). */
  raadsarchief: string;
}

/**
 * The folders a build reuses. By default under node_modules/, which `npm ci`
 * empties; RAADSARCHIEF_CACHE puts both in one folder of its own (relative to
 * the project or absolute), the one folder a CI job keeps between runs.
 */
export function cacheFolders(projectRoot: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): CacheFolders {
  const own = env.RAADSARCHIEF_CACHE?.trim();
  if (own) {
    const folder = resolve(projectRoot, own);
    return { astro: join(folder, 'astro'), raadsarchief: join(folder, 'raadsarchief') };
  }
  return { astro: join(projectRoot, 'node_modules/.astro'), raadsarchief: join(projectRoot, 'node_modules/.cache/raadsarchief') };
}

export function cacheDirFor(contentFolder: string, projectRoot: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const fromProject = relative(resolve(projectRoot), resolve(projectRoot, contentFolder)).split(sep).join('/');
  const key = createHash('sha256').update(fromProject || '.');
  const schemas = join(projectRoot, 'src/schemas');
  for (const file of [...CONTENT_MODEL_FILES.map((name) => join(projectRoot, name)), ...readdirSync(schemas).sort().map((name) => join(schemas, name))]) key.update(readFileSync(file));
  return join(cacheFolders(projectRoot, env).astro, key.digest('hex').slice(0, 12));
}
