/**
 * Nothing half-published: a failing `npm run build` leaves the last good dist/
 * byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
