/**
 * Nothing half-published: a failing `npm run build` leaves the last good dist/
 * byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirFor } from '../src/lib/content/cache-dir';
import { fingerprint, projectCopy } from './helpers/build';

const npmBuild = (root: string) =>
  spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('npm run build', () => {
  it('keeps the last good dist/ when a build fails', () => {
    const root = projectCopy();
    const good = npmBuild(root);
    expect(good.status, good.stderr).toBe(0);
    const before = fingerprint(join(root, 'dist'));
    expect(Object.keys(before)).toContain('index.html');

    const dataset = join(root, 'data/almelo-ots-instroom-2022-2024.yaml');
    writeFileSync(dataset, readFileSync(dataset, 'utf8').replace('["2022", 33, 18]', '["2022", "drieëndertig", 18]'));
    const bad = npmBuild(root);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('de vorige versie in dist/ is ongewijzigd');
    expect(fingerprint(join(root, 'dist'))).toEqual(before);
    expect(readdirSync(root).filter((name) => name.startsWith('dist.'))).toEqual([]);
  });

  // Three whole builds of the sample archive: more than the default timeout on a busy machine.
  it('publishes a rebuild that is the site a cold build makes, sharing unchanged files with the last one', () => {
    const root = projectCopy();
    expect(npmBuild(root).status).toBe(0);
    const attachment = 'stukken/twente-2013-regionale-samenwerking-jeugdzorg/twente-2013-bijlage-3-historische-verdeling-middelen.pdf';
    const before = statSync(join(root, 'dist', attachment)).ino;

    // A briefing is taken out: its page and its data go, in the build folder and in dist/.
    rmSync(join(root, 'content/stukken/almelo-jeugdbescherming-vragen-inwoner.md'));
    const again = npmBuild(root);
    expect(again.status, again.stderr).toBe(0);
    // Only what changed is replaced: the page and data of the briefing that went are removed.
    expect(again.stdout).toMatch(/Klaar: de site staat in .* \([\d.]+ bestanden nieuw of gewijzigd, [\d.]+ verwijderd; /);
    expect(readdirSync(join(root, 'dist/stukken'))).not.toContain('almelo-jeugdbescherming-vragen-inwoner');
    // An unchanged file is the same file as in the last dist/; no page or attachment is a file the next build writes into.
    expect(statSync(join(root, 'dist', attachment)).ino).toBe(before);
    const buildFolder = join(cacheDirFor('content', root), 'bouwmap');
    const fromPublic = new Set(Object.keys(fingerprint(join(root, 'public'))).map((path) => path.split(sep).join('/')));
    const routeFiles = Object.keys(fingerprint(join(root, 'dist'))).filter((path) => !/^(?:pagefind|_astro)\/|^sitemap-(?:index|\d+)\.xml$/.test(path) && !fromPublic.has(path));
    expect(routeFiles).toContain('stukken/almelo-2025-motie-juiste-basis-jeugdzorg/index.html');
    for (const path of routeFiles) {
      expect(statSync(join(root, 'dist', path)).ino, path).not.toBe(statSync(join(buildFolder, path), { throwIfNoEntry: false })?.ino);
    }

    const cold = projectCopy();
    rmSync(join(cold, 'content/stukken/almelo-jeugdbescherming-vragen-inwoner.md'));
    expect(npmBuild(cold).status).toBe(0);
    expect(fingerprint(join(root, 'dist'))).toEqual(fingerprint(join(cold, 'dist')));
  }, 90_000);

  it('refuses to start while another build of the same archive runs', () => {
    const root = projectCopy();
    mkdirSync(join(cacheDirFor('content', root), 'bouwmap.slot'), { recursive: true });
    const second = npmBuild(root);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('Er loopt al een bouw van dit archief');
  });
});
