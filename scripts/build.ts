/**
 * `npm run build`: builds the archive into its build folder (kept in the cache
 * between builds, see src/lib/publication/build-folder.ts) and, only when
 * everything succeeded, publishes it to dist/: the changed files, or a whole
 * copy when most changed. A failing build leaves the last good dist/ exactly
 * as it was, so a webmaster never publishes half a site.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cacheDirFor } from '../src/lib/content/cache-dir';
import { buildFolderFinished } from '../src/lib/publication/build-folder';
import { copyAhead, type CopiedAhead, publishBuildFolder } from '../src/lib/publication/publish-build';

const root = process.cwd();
const target = resolve(root, process.env.RAADSARCHIEF_DIST ?? 'dist');
const previous = `${target}.vorige-${process.pid}`;
// The same cache folder astro.config.mjs gives Astro for this content folder.
const cacheDir = cacheDirFor(process.env.RAADSARCHIEF_CONTENT || 'content', root);
const buildDir = join(cacheDir, 'bouwmap');

const lock = join(cacheDir, 'bouwmap.slot');
mkdirSync(cacheDir, { recursive: true });
try {
  mkdirSync(lock);
} catch {
  console.error(`Er loopt al een bouw van dit archief (${lock} bestaat).\n→ Wacht tot die klaar is. Is er geen bouw meer bezig, bijvoorbeeld na een stroomstoring, verwijder die map dan en bouw opnieuw.`);
  process.exit(1);
}
const unlock = () => rmSync(lock, { recursive: true, force: true });
process.on('exit', unlock);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const astro = join(root, 'node_modules', '.bin', 'astro');
const spawned = Date.now();
const child = spawn(astro, ['build', '--outDir', buildDir, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
const exited = new Promise<number>((done) => child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));

// Once the pages are written (the build folder is marked finished), a whole copy for dist/ can start while the search index is made.
let ahead: Promise<CopiedAhead | undefined> | undefined;
const watch = setInterval(() => {
  const state = buildFolderFinished(cacheDir);
  if (!ahead && state?.finished && state.at >= spawned) ahead = copyAhead(buildDir, target, cacheDir).catch(() => undefined);
}, 250);
const status = await exited;
clearInterval(watch);
const copied = await ahead;

if (status !== 0) {
  if (copied) rmSync(copied.fresh, { recursive: true, force: true });
  console.error(`\nDe bouw is mislukt; ${existsSync(target) ? 'de vorige versie in dist/ is ongewijzigd' : 'er is niets in dist/ gezet'}.`);
  process.exit(status);
}

const started = performance.now();
// Only changed files are replaced, each at once; or, when most changed, a whole copy swapped in with two renames.
const published = publishBuildFolder(buildDir, target, cacheDir, previous, copied);
removeInBackground(previous);
// A head start that failed half-way leaves its folder behind.
rmSync(`${target}.nieuw-${process.pid}`, { recursive: true, force: true });
const ms = performance.now() - started;
console.log(
  `\nKlaar: de site staat in ${target} (${published.copied.toLocaleString('nl-NL')} bestanden nieuw of gewijzigd` +
    `${published.removed ? `, ${published.removed.toLocaleString('nl-NL')} verwijderd` : ''}; ${(ms / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} s).`,
);

/**
 * Deleting the previous site takes seconds for a large archive, and the new one
 * is already in place: move it out of sight and let a detached process delete it.
 */
function removeInBackground(path: string) {
  if (!existsSync(path)) return;
  const bin = join(root, 'node_modules', '.astro', 'weg');
  const parked = join(bin, `${Date.now()}-${process.pid}`);
  try {
    mkdirSync(bin, { recursive: true });
    renameSync(path, parked);
  } catch {
    // Another file system, for instance: delete it now.
    rmSync(path, { recursive: true, force: true });
    return;
  }
  spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(bin)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}
