/**
 * `npm ci` installs exactly what package-lock.json records and refuses a lockfile
 * that is out of step with package.json. A lockfile written on one machine can
 * also leave out the platform packages of other machines (the Astro compiler's
 * binding for macOS or Windows, Pagefind's binary), and then `npm ci` fails on a
 * fresh clone. These checks catch both before a webmaster's pipeline does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
type LockEntry = { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
const packages: Record<string, LockEntry> = lock.packages;

/** Where npm looks for `name` when `path` needs it: its own node_modules, then each one further up. */
function lookupPaths(path: string, name: string): string[] {
  const paths: string[] = [];
  let at = path;
  for (;;) {
    paths.push(at ? `${at}/node_modules/${name}` : `node_modules/${name}`);
    if (!at) return paths;
    const up = at.lastIndexOf('/node_modules/');
    at = up < 0 ? '' : at.slice(0, up);
  }
}

describe('package-lock.json', () => {
  it('records the same dependencies as package.json', () => {
    const root = packages[''];
    expect(root?.dependencies).toEqual(manifest.dependencies);
    expect(root?.devDependencies).toEqual(manifest.devDependencies);
  });

  it('holds every platform package an optional dependency names, for every operating system', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!lookupPaths(path, name).some((candidate) => candidate in packages)) missing.push(`${path || '(project)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('pins the Astro compiler binding for macOS, Windows and Linux', () => {
    for (const platform of ['darwin-arm64', 'darwin-x64', 'win32-x64-msvc', 'linux-x64-gnu', 'linux-arm64-gnu']) {
      expect(Object.keys(packages)).toContain(`node_modules/@astrojs/compiler-binding-${platform}`);
    }
  });
});
