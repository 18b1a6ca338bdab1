/**
 * Where Astro keeps the cache of one archive (its content store and the pages
 * an incremental build copies). Every content folder gets its own, or one
 * archive could be served from another's; the content model is part of the key
 * too (the schemas and the loader), because Astro keeps entries parsed by an
 * older schema (without a new field's default) until the file itself changes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What decides the entries in the content store, besides the schemas. */
const CONTENT_MODEL_FILES = ['src/content.config.ts', 'src/lib/content/briefing-loader.ts', 'src/lib/content/citations.ts'];

export function cacheDirFor(contentFolder: string, projectRoot: string = process.cwd()): string {
  const key = createHash('sha256').update(resolve(contentFolder));
  const schemas = join(projectRoot, 'src/schemas');
  for (const file of [...CONTENT_MODEL_FILES.map((name) => join(projectRoot, name)), ...readdirSync(schemas).sort().map((name) => join(schemas, name))]) key.update(readFileSync(file));
  return join(projectRoot, 'node_modules/.astro', key.digest('hex').slice(0, 12));
}
