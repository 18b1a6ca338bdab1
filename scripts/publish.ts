/**
 * `npm run publiceer -- --doel <doel>`: what the webmaster's CI job calls to
 * put the archive online. Three steps, each only when the one before it
 * succeeded: check the archive strictly (a total that does not add up stops it
 * too), build it into dist/ (scripts/build.ts, which never leaves half a site),
 * and publish dist/ to the target. A failed check or build publishes nothing.
 *
 *   npm run publiceer -- --doel map:/var/www/raadsarchief
 *   npm run publiceer -- --doel rsync:deploy@web.gemeente.nl:/var/www/raadsarchief
 *   npm run publiceer -- --alleen-bouwen     (GitHub Pages, GitLab Pages: they publish dist/ themselves)
 *
 * The target may also come from RAADSARCHIEF_DOEL. Exit codes: 0 published,
 * 1 the check, the build or the publishing failed, 2 the command itself is
 * wrong (then nothing was checked, built or published).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDirFor, cacheFolders } from '../src/lib/content/cache-dir';
import { checkArchive } from '../src/lib/content/check';
import { contentDir, dataDir } from '../src/lib/content/paths';
import { mirrorFolder } from '../src/lib/deploy/mirror';
import { requireRsync, runRsync } from '../src/lib/deploy/rsync';
import { DeployError, parseTarget, type DeployTarget } from '../src/lib/deploy/target';
import { formatContentErrors, type ContentErrorDetails } from '../src/lib/errors/content-error';

const USAGE = `Gebruik:
  npm run publiceer -- --doel map:/pad/naar/webmap
  npm run publiceer -- --doel rsync:gebruiker@webserver:/pad/naar/webmap
  npm run publiceer -- --alleen-bouwen      controleren en bouwen; dist/ publiceert een ander (GitHub/GitLab Pages)
Het doel mag ook in RAADSARCHIEF_DOEL staan.`;

const root = process.cwd();
// npm runs scripts in the project folder; a relative path starts where the webmaster typed it.
const typedIn = process.env.INIT_CWD || root;
const dist = resolve(root, process.env.RAADSARCHIEF_DIST ?? 'dist');
const started = performance.now();

const seconds = (since: number) => `${((performance.now() - since) / 1000).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('nl-NL')} ${n === 1 ? one : many}`;
const shown = (path: string) => {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
};

function stop(code: number, message: string, hint?: string): never {
  console.error(`\n${message}${hint ? `\n  → ${hint}` : ''}`);
  process.exit(code);
}

// 0. The command: refused before any work when it is wrong.
let values: { doel?: string; 'alleen-bouwen'?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({ options: { doel: { type: 'string' }, 'alleen-bouwen': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
  stop(2, `FOUT: de opdracht klopt niet (${(error as Error).message}). Er is niets gepubliceerd.\n\n${USAGE}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const spec = values.doel ?? process.env.RAADSARCHIEF_DOEL?.trim();
const buildOnly = values['alleen-bouwen'] === true;
if (buildOnly && values.doel) stop(2, `FOUT: --doel en --alleen-bouwen gaan niet samen. Er is niets gepubliceerd.\n\n${USAGE}`);
if (!buildOnly && !spec) stop(2, `FOUT: er is geen doel opgegeven. Er is niets gepubliceerd.\n\n${USAGE}`);

let target: DeployTarget | undefined;
try {
  if (!buildOnly && spec) {
    target = parseTarget(spec, { project: root, content: contentDir(), data: dataDir(), dist }, typedIn);
    if (target.kind === 'rsync') requireRsync();
  }
} catch (error) {
  if (error instanceof DeployError) stop(2, `FOUT: ${error.message}. Er is niets gepubliceerd.`, error.hint);
  throw error;
}

console.log(target ? `Publiceren naar ${target.label} (${target.kind === 'map' ? 'map' : 'rsync'}).` : 'Controleren en bouwen, zonder te publiceren (--alleen-bouwen).');
const cacheFolder = process.env.RAADSARCHIEF_CACHE?.trim();
const folders = cacheFolders(root);
console.log(
  cacheFolder
    ? `Cache (RAADSARCHIEF_CACHE; bewaar deze map tussen de runs): ${shown(resolve(root, cacheFolder))}`
    : `Cache: ${shown(cacheDirFor(process.env.RAADSARCHIEF_CONTENT || 'content', root))} en ${shown(folders.raadsarchief)}.\n` +
        '  npm ci wist node_modules/; zet in CI RAADSARCHIEF_CACHE=<map> en bewaar die map tussen de runs.',
);

// 1. The check, strict: what a lenient build would publish with a note (a total that does not add up) stops it here.
console.log('\n1/3 Controleren (streng) …');
const checkStarted = performance.now();
let checked: ReturnType<typeof checkArchive>;
try {
  checked = checkArchive();
} catch (error) {
  stop(1, `FOUT bij het controleren: ${(error as Error).message}\nEr is niets gebouwd en niets gepubliceerd${target ? `; ${target.label} is ongewijzigd` : ''}.`);
}
const { errors, warnings, briefings, datasets } = checked;
const blocking: ContentErrorDetails[] = [...errors, ...warnings.filter((warning) => !warning.review)];
const review = warnings.filter((warning) => warning.review);
if (review.length) {
  console.log(`\n${plural(review.length, 'punt', 'punten')} om na te kijken (publiceren gaat door):\n\n${formatContentErrors(review)}\n`);
}
if (blocking.length) {
  console.error(`\n${plural(blocking.length, 'FOUT', 'FOUTEN')} — zo wordt het archief niet gepubliceerd:\n\n${formatContentErrors(blocking)}`);
  stop(1, `Er is niets gebouwd en niets gepubliceerd${target ? `; ${target.label} is ongewijzigd` : ''}. Herstel de fouten en probeer het opnieuw (npm run check toont ze ook).`);
}
console.log(`${plural(briefings.length, 'stuk', 'stukken')} en ${plural(datasets.size, 'dataset', 'datasets')} gecontroleerd in ${seconds(checkStarted)}: geen fouten.`);

// 2. The build, strict as well, into a fresh folder that replaces dist/ only when it is complete.
console.log('\n2/3 Bouwen …');
const buildStarted = performance.now();
const built = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, RAADSARCHIEF_STRIKT: '1' },
});
if (built.error) stop(1, `FOUT: de bouw kon niet starten (${built.error.message}). Er is niets gepubliceerd.`, 'Draai eerst npm ci.');
if (built.status !== 0) {
  stop(built.status ?? 1, `Er is niets gepubliceerd${target ? `; ${target.label} is ongewijzigd` : ''}: de bouw is mislukt (zie hierboven).`);
}
// A site without a front page is not published over a working one.
if (!existsSync(join(dist, 'index.html'))) stop(1, `FOUT: ${shown(dist)} heeft geen index.html. Er is niets gepubliceerd.`);
console.log(`Gebouwd in ${seconds(buildStarted)}.`);

if (!target) {
  console.log(`\nKlaar in ${seconds(started)}: de site staat in ${shown(dist)}; niets gepubliceerd (--alleen-bouwen).`);
  process.exit(0);
}

// 3. Publishing.
console.log(`\n3/3 Publiceren naar ${target.label} …`);
const deployStarted = performance.now();
try {
  if (target.kind === 'map') {
    const report = mirrorFolder(dist, target.path);
    const listed = [...report.added.map((p) => `  nieuw       ${p}`), ...report.changed.map((p) => `  gewijzigd   ${p}`), ...report.removed.map((p) => `  verwijderd  ${p}`)];
    if (listed.length && listed.length <= 25) console.log(listed.join('\n'));
    console.log(
      `${plural(report.added.length, 'bestand', 'bestanden')} nieuw, ${report.changed.length.toLocaleString('nl-NL')} gewijzigd, ` +
        `${report.removed.length.toLocaleString('nl-NL')} verwijderd, ${report.unchanged.toLocaleString('nl-NL')} ongewijzigd.`,
    );
  } else {
    runRsync(dist, target);
  }
} catch (error) {
  const hint = error instanceof DeployError ? error.hint : 'Los het op en publiceer opnieuw: alleen wat verschilt wordt overgezet.';
  stop(1, `FOUT bij het publiceren naar ${target.label}: ${(error as Error).message}`, hint);
}
console.log(`\nKlaar in ${seconds(started)}: gepubliceerd naar ${target.label} in ${seconds(deployStarted)}.`);
