/**
 * A build into an empty folder indexes the search shards while Astro still
 * writes pages (src/integrations/search-index.ts, indexWhileRendering). Here the
 * built sample archive is written into an empty folder, as a build writes it,
 * while the indexer watches: each shard is indexed once its pages are whole,
 * the index after the build keeps those bundles in place, and they are byte for
 * byte the bundles of the ordinary build.
 */
import { cpSync, mkdirSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { close } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { briefingPages, indexWhileRendering, shardPagesTarget, writeShardedIndex } from '../src/integrations/search-index';
import { fileSearchRecords } from '../src/lib/publication/search-records';
import { build, fingerprint, projectCopy, sampleBuild, scratchFolder } from './helpers/build';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

afterAll(() => close());

describe('indexing while the pages are written', () => {
  it('indexes each shard once its pages are whole, and the bundles are those of the ordinary build', async () => {
    const site = await sampleBuild();
    expect(site.status, site.output).toBe(0);
    const contentRoot = join(site.root, 'content');
    const built = briefingPages(site.outDir);
    const forecast = built.map((page) => ({ id: page.path.split('/')[1]!, year: page.year }));
    const before = await fileSearchRecords({ contentRoot, outDir: undefined, warn: () => {} });
    expect(before.records.length).toBeGreaterThan(0);

    const folder = scratchFolder('ra-zoekindex-tijdens-');
    const root = join(folder, 'site');
    const cacheDir = join(folder, 'cache');
    mkdirSync(root);
    const live = indexWhileRendering({ root, cacheDir, target: shardPagesTarget({}), forecast, files: Promise.resolve(before.records) });

    // The pages arrive while the indexer watches; a page of the newest shard, the one a build writes first, stays half-written for a while.
    const first = built.reduce((newest, page) => ((page.year ?? 0) > (newest.year ?? 0) ? page : newest));
    const rest = built.filter((page) => page !== first);
    const half = join(root, first!.path);
    mkdirSync(join(half, '..'), { recursive: true });
    cpSync(join(site.outDir, first!.path), half);
    const whole = statSync(half).size;
    truncateSync(half, Math.floor(whole / 2));
    cpSync(site.outDir, root, { recursive: true, filter: (source) => !source.includes(`${site.outDir}/pagefind`) && source !== join(site.outDir, first!.path) });
    expect(rest.length).toBeGreaterThan(0);
    await sleep(2500);
    // Its shard waits for it, and the shards after it wait their turn.
    expect(readdirSync(root)).not.toContain('pagefind');
    cpSync(join(site.outDir, first!.path), half);
    await sleep(3500);
    const { made, readings } = await live.finish();

    // The pages were read once, while their shards were indexed: not again after the build.
    const pages = briefingPages(root, undefined, readings);
    expect(pages.read).toBe(0);
    expect([...pages]).toEqual([...briefingPages(root)]);
    const files = await fileSearchRecords({ contentRoot, outDir: root, warn: () => {} });
    const entries = [...made].map((shard) => join(root, 'pagefind', shard, 'pagefind-entry.json'));
    const written = entries.map((entry) => statSync(entry).mtimeMs);
    const index = await writeShardedIndex({ root, pages, files: files.records, target: shardPagesTarget({}), cacheDir: join(cacheDir, 'zoekindex'), madeDuringBuild: made });

    expect([...made].sort()).toEqual(index.shards.map((shard) => shard.id).sort());
    expect(index.indexed.sort()).toEqual([...made].sort());
    expect(index.reused).toEqual([]);
    // Kept in place, not indexed again after the build.
    expect(entries.map((entry) => statSync(entry).mtimeMs)).toEqual(written);
    // The same pages indexed the ordinary way, after the build, in a folder of their own.
    const ordinary = join(folder, 'gewoon');
    cpSync(site.outDir, ordinary, { recursive: true, filter: (source) => !source.includes(`${site.outDir}/pagefind`) });
    const reference = await writeShardedIndex({ root: ordinary, pages: briefingPages(ordinary), files: files.records, target: shardPagesTarget({}), cacheDir: join(folder, 'cache-gewoon', 'zoekindex') });
    expect(reference.reused).toEqual([]);
    expect(fingerprint(join(root, 'pagefind'))).toEqual(fingerprint(join(ordinary, 'pagefind')));
  });

  it('makes the same site with RAADSARCHIEF_ZOEKINDEX_TIJDENS_BOUW=1, reading the text of the PDFs in a process of its own', async () => {
    const site = await sampleBuild();
    const asked = build({ root: projectCopy(), env: { RAADSARCHIEF_ZOEKINDEX_TIJDENS_BOUW: '1' } });
    expect(asked.status, asked.output).toBe(0);
    // Read by the process of its own: the build says so once, after the pages, and never falls back.
    expect(asked.output.match(/tekst van pdf's: \d+ gelezen/g)).toHaveLength(1);
    expect(asked.output).not.toMatch(/wordt na de pagina's gelezen/);
    expect(fingerprint(join(asked.outDir, 'pagefind'))).toEqual(fingerprint(join(site.outDir, 'pagefind')));
    expect(asked.read('zoeken/index.html')).toBe(site.read('zoeken/index.html'));
  }, 60_000);
});
