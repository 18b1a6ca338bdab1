/**
 * The build folder kept between builds (src/lib/publication/build-folder.ts):
 * what survives into the next build, what goes, and how a finished build is
 * published to dist/ without sharing a file with the folder Astro writes into.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishBuildFolder, prepareBuildFolder } from '../src/lib/publication/build-folder';
import { copyAhead, publishBuildFolder } from '../src/lib/publication/publish-build';
import { fingerprint, scratchFolder } from './helpers/build';

function folderWith(files: Record<string, string>): string {
  const root = scratchFolder('ra-bouwmap-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const site = {
  'index.html': 'start',
  'stukken/a/index.html': 'a',
  'stukken/b/index.html': 'b',
  'stukken/b/bijlage.pdf': 'pdf',
  '_astro/app.1234.js': 'js',
  'sitemap-0.xml': 'sitemap',
  'pagefind/2020/pagefind-entry.json': '{}',
};
const routeFiles = ['index.html', 'stukken/a/index.html', 'stukken/b/index.html', 'stukken/b/bijlage.pdf'];

describe('the build folder', () => {
  it('is emptied when no finished build into it is on record', () => {
    const out = folderWith(site);
    const cache = scratchFolder('ra-cache-');
    expect(prepareBuildFolder(out, cache, ['pagefind'])).toEqual({ kept: 0, emptied: true });
    expect(fingerprint(out)).toEqual({});
  });

  it("keeps the last build's route files and the folders named, and nothing else", () => {
    const out = folderWith(site);
    const cache = scratchFolder('ra-cache-');
    finishBuildFolder(out, cache, routeFiles.map((path) => join(out, path)));
    expect(prepareBuildFolder(out, cache, ['pagefind'])).toEqual({ kept: 4, emptied: false });
    expect(Object.keys(fingerprint(out)).sort()).toEqual([...routeFiles, 'pagefind/2020/pagefind-entry.json'].sort());
  });

  it('is emptied after a build that did not finish, or one into another folder', () => {
    const out = folderWith(site);
    const cache = scratchFolder('ra-cache-');
    finishBuildFolder(out, cache, routeFiles.map((path) => join(out, path)));
    // A build starts and stops half-way: its files cannot be trusted.
    prepareBuildFolder(out, cache, ['pagefind']);
    writeFileSync(join(out, 'stukken/a/index.html'), 'half geschreven');
    expect(prepareBuildFolder(out, cache, ['pagefind']).emptied).toBe(true);
    expect(fingerprint(out)).toEqual({});

    const other = folderWith(site);
    const elsewhere = folderWith(site);
    finishBuildFolder(other, cache, routeFiles.map((path) => join(other, path)));
    expect(prepareBuildFolder(elsewhere, cache).emptied).toBe(true);
  });

  it('removes the files of routes that are gone, with their empty folders', () => {
    const out = folderWith(site);
    const cache = scratchFolder('ra-cache-');
    finishBuildFolder(out, cache, routeFiles.map((path) => join(out, path)));
    prepareBuildFolder(out, cache, ['pagefind']);
    // Briefing b was removed: this build made only the start page and a.
    expect(finishBuildFolder(out, cache, ['index.html', 'stukken/a/index.html'].map((path) => join(out, path)))).toEqual({ removed: 2 });
    expect(Object.keys(fingerprint(out)).sort()).toEqual(['index.html', 'pagefind/2020/pagefind-entry.json', 'stukken/a/index.html']);
  });
});

describe('publishing the build folder', () => {
  it('replaces only what changed, removes what is gone, and never shares a file with the build folder', () => {
    const build = folderWith(site);
    const cache = scratchFolder('ra-cache-');
    const parent = scratchFolder('ra-dist-');
    const target = join(parent, 'dist');
    const previous = join(parent, 'dist.vorige');

    // Nothing published yet: a whole copy.
    expect(publishBuildFolder(build, target, cache, previous)).toEqual({ copied: 7, removed: 0, how: 'whole' });
    expect(fingerprint(target)).toEqual(fingerprint(build));

    // The next build renders one page anew and drops briefing b; a webmaster edited the start page by hand.
    writeFileSync(join(build, 'stukken/a/index.html'), 'a, opnieuw');
    rmSync(join(build, 'stukken/b'), { recursive: true });
    writeFileSync(join(target, 'index.html'), 'met de hand veranderd');
    utimesSync(join(target, 'index.html'), new Date(), new Date(Date.now() + 5000));
    expect(publishBuildFolder(build, target, cache, previous)).toEqual({ copied: 2, removed: 2, how: 'in-place' });
    expect(fingerprint(target)).toEqual(fingerprint(build));
    expect(existsSync(join(target, 'stukken/b'))).toBe(false);
    expect(existsSync(previous)).toBe(false);
    for (const path of Object.keys(fingerprint(build))) expect(statSync(join(target, path)).ino, path).not.toBe(statSync(join(build, path)).ino);

    // Most files changed (another look, say): a whole new copy is swapped in, the old one left for the caller.
    for (const path of Object.keys(fingerprint(build))) writeFileSync(join(build, path), `${path}, nieuw`);
    writeFileSync(join(build, 'stukken/b.html'), 'b');
    expect(publishBuildFolder(build, target, cache, previous)).toEqual({ copied: 6, removed: 0, how: 'whole' });
    expect(fingerprint(target)).toEqual(fingerprint(build));
    expect(existsSync(previous)).toBe(true);
  });

  it('copies ahead while the build goes on, then only what changed since', async () => {
    const build = folderWith(site);
    const cache = scratchFolder('ra-cache-');
    const parent = scratchFolder('ra-dist-');
    const target = join(parent, 'dist');
    const previous = join(parent, 'dist.vorige');

    const ahead = await copyAhead(build, target, cache);
    expect(ahead).toBeDefined();
    // The search index is rewritten after the copy started: one file changes, one goes, one is new.
    writeFileSync(join(build, 'pagefind/2020/pagefind-entry.json'), '{"versie":2}');
    utimesSync(join(build, 'pagefind/2020/pagefind-entry.json'), new Date(), new Date(Date.now() + 5000));
    rmSync(join(build, 'sitemap-0.xml'));
    writeFileSync(join(build, 'pagefind/2020/nieuw.pf_index'), 'index');
    expect(publishBuildFolder(build, target, cache, previous, ahead)).toEqual({ copied: 7, removed: 0, how: 'whole' });
    expect(fingerprint(target)).toEqual(fingerprint(build));
    expect(readdirSync(parent)).toEqual(['dist']);

    // Published now: the next build changes one page, which needs no copy ahead.
    writeFileSync(join(build, 'stukken/a/index.html'), 'a, opnieuw');
    expect(await copyAhead(build, target, cache)).toBeUndefined();
  });

  it('links the files a build makes anew and copies the ones it writes in place', () => {
    const build = folderWith(site);
    const cache = scratchFolder('ra-cache-');
    const target = join(scratchFolder('ra-dist-'), 'dist');
    finishBuildFolder(build, cache, routeFiles.map((path) => join(build, path)));
    publishBuildFolder(build, target, cache, `${target}.vorige`);
    expect(fingerprint(target)).toEqual(fingerprint(build));
    for (const path of Object.keys(site)) {
      const shared = statSync(join(target, path)).ino === statSync(join(build, path)).ino;
      expect(shared, path).toBe(!routeFiles.includes(path));
    }
  });
});
