/**
 * What the check worked out from one letter's text, remembered between runs:
 * parsing the body and looking for private names cost a tenth of a second per
 * hundred letters, and a rebuild after one new letter should not pay that for
 * a hundred thousand unchanged ones. An answer is stored under the SHA-256 of
 * everything it depends on (the text, and for instance the datasets a body may
 * cite), and the whole memo under a digest of the check's own code and the
 * packages, so a change to either starts afresh. One JSON file per content
 * folder in Raadsarchief's cache folder (node_modules/.cache/raadsarchief, or
 * RAADSARCHIEF_CACHE); it keeps only what the last run asked for.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { cacheFolders } from './cache-dir';

/** The code the answers come from (the check and all it imports: the libraries, the schemas, the Markdown pipeline), and the installed packages. */
const CODE_FOLDERS = ['src/lib', 'src/markdown', 'src/render', 'src/schemas'];
// What npm installed (a copy of the project may lack the lockfile itself).
const PACKAGE_FILES = ['package-lock.json', 'node_modules/.package-lock.json'];

export interface CheckMemo {
  /** The stored answer for this kind of question and these inputs, or undefined. */
  get<T>(kind: string, inputs: readonly string[]): T | undefined;
  set(kind: string, inputs: readonly string[], answer: unknown): void;
  /** Writes what this run asked for; the rest is forgotten. */
  save(): void;
}

const keyOf = (kind: string, inputs: readonly string[]) => {
  const hash = createHash('sha256').update(kind);
  for (const input of inputs) hash.update('\0').update(input);
  return hash.digest('base64url');
};

/** A memo that remembers nothing: where the code cannot be read, or no cache folder is wanted. */
const FORGETFUL: CheckMemo = { get: () => undefined, set: () => {}, save: () => {} };

function codeVersion(projectRoot: string): string | undefined {
  try {
    const hash = createHash('sha256');
    const files = [
      ...CODE_FOLDERS.flatMap((folder) =>
        readdirSync(join(projectRoot, folder), { recursive: true, encoding: 'utf8' })
          .filter((name) => /\.(?:ts|json|txt|csv)$/.test(name))
          .map((name) => join(folder, name)),
      ),
    ].sort();
    for (const file of files) hash.update(file).update('\0').update(readFileSync(join(projectRoot, file)));
    const packages = PACKAGE_FILES.filter((file) => existsSync(join(projectRoot, file)));
    if (packages.length === 0) return undefined;
    for (const file of packages) hash.update(file).update('\0').update(readFileSync(join(projectRoot, file)));
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

export function checkMemo(contentRoot: string, projectRoot: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): CheckMemo {
  const version = codeVersion(projectRoot);
  if (!version) return FORGETFUL;
  // By the content folder's place in the project, like Astro's cache: a CI checkout elsewhere finds it again.
  const place = relative(resolve(projectRoot), resolve(projectRoot, contentRoot)).split(sep).join('/') || '.';
  const folder = join(cacheFolders(projectRoot, env).raadsarchief, 'controle');
  const file = join(folder, `${createHash('sha256').update(place).digest('hex').slice(0, 12)}.json`);
  let stored: Record<string, unknown> = {};
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as { version: string; answers: Record<string, unknown> };
    if (read.version === version) stored = read.answers;
  } catch {
    // Nothing remembered yet, or damaged: work everything out.
  }
  const used: Record<string, unknown> = {};
  return {
    get<T>(kind: string, inputs: readonly string[]) {
      const key = keyOf(kind, inputs);
      if (!(key in stored)) return undefined;
      used[key] = stored[key];
      return stored[key] as T;
    },
    set(kind, inputs, answer) {
      used[keyOf(kind, inputs)] = answer;
    },
    save() {
      try {
        mkdirSync(folder, { recursive: true });
        // Written beside and renamed: an interrupted run leaves the old memo or the new one.
        writeFileSync(`${file}.${process.pid}`, JSON.stringify({ version, answers: used }));
        renameSync(`${file}.${process.pid}`, file);
      } catch {
        // A read-only folder only costs the next run the same work.
      }
    },
  };
}
