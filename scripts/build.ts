/**
 * `npm run build`: builds the archive into a fresh folder and puts it in place
 * of dist/ only when everything succeeded. A failing build leaves the last good
 * dist/ exactly as it was, so a webmaster never publishes half a site.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = process.cwd();
const target = resolve(root, process.env.RAADSARCHIEF_DIST ?? 'dist');
const fresh = `${target}.nieuw-${process.pid}`;
const previous = `${target}.vorige-${process.pid}`;

const astro = join(root, 'node_modules', '.bin', 'astro');
const result = spawnSync(astro, ['build', '--outDir', fresh, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});

if (result.status !== 0) {
  rmSync(fresh, { recursive: true, force: true });
  console.error(`\nDe bouw is mislukt; ${existsSync(target) ? 'de vorige versie in dist/ is ongewijzigd' : 'er is niets in dist/ gezet'}.`);
  process.exit(result.status ?? 1);
}

// Two renames on one file system: dist/ is never missing or half-written for longer than that.
if (existsSync(target)) renameSync(target, previous);
renameSync(fresh, target);
removeInBackground(previous);
console.log(`\nKlaar: de site staat in ${target}.`);

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
