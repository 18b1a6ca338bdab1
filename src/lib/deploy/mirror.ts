/**
 * Makes a folder on this machine hold exactly the built site, the way rsync
 * with --delete --delay-updates does: files that are byte for byte the same are
 * left alone (their date, and so the ETag a web server derives from it, stays),
 * new and changed files are first copied into a hidden folder inside the
 * target and only then renamed into place, and what the site no longer has is
 * removed last. A visitor never gets half a file, and the window in which old
 * and new pages stand side by side is the time of the renames, not of copying
 * gigabytes of scans.
 *
 * The target folder itself stays (its owner, its rights, a web server's bind
 * mount of it); only what is inside it changes.
 */
import { closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface MirrorReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

/** Where new files wait inside the target; a folder left by an interrupted run is stale and removed by the next. */
const STAGING_PREFIX = '.raadsarchief-nieuw-';

interface Entry {
  kind: 'file' | 'folder' | 'other';
  size: number;
}

/** Every entry below `root` by relative path (with `/`), without following symbolic links. */
function listTree(root: string, skipTopLevel: (name: string) => boolean = () => false): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder)) {
      if (!prefix && skipTopLevel(name)) continue;
      const path = prefix ? `${prefix}/${name}` : name;
      const stat = lstatSync(join(folder, name));
      if (stat.isDirectory()) {
        entries.set(path, { kind: 'folder', size: 0 });
        walk(join(folder, name), path);
      } else entries.set(path, { kind: stat.isFile() ? 'file' : 'other', size: stat.size });
    }
  };
  walk(root, '');
  return entries;
}

/** Compares in blocks, so a scan of hundreds of megabytes is never held in memory twice. */
function sameBytes(a: string, b: string): boolean {
  const block = 1 << 20;
  const left = Buffer.alloc(block);
  const right = Buffer.alloc(block);
  const fa = openSync(a, 'r');
  const fb = openSync(b, 'r');
  try {
    for (;;) {
      const read = readSync(fa, left, 0, block, null);
      const other = readSync(fb, right, 0, block, null);
      if (read !== other) return false;
      if (read === 0) return true;
      if (!left.subarray(0, read).equals(right.subarray(0, other))) return false;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

/**
 * Pages and the search index's entry point refer to other files by name:
 * those other files go into place first, the pages that use them after.
 */
const isEntryPoint = (path: string) => path.endsWith('.html') || path.endsWith('/pagefind-entry.json') || path === 'pagefind-entry.json';

/** What stands at `path` now, or undefined (also when a file took the place of a folder on the way). */
function entryAt(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Removes whatever stands at `path` (a file, a link, a folder with all it holds). */
const clear = (path: string) => rmSync(path, { recursive: true, force: true });

export function mirrorFolder(source: string, target: string): MirrorReport {
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new Error(`${target} is een bestand, geen map`);
  }
  mkdirSync(target, { recursive: true });
  const staging = join(target, `${STAGING_PREFIX}${process.pid}`);
  const wanted = listTree(source);
  const present = listTree(target, (name) => name.startsWith(STAGING_PREFIX));
  const report: MirrorReport = { added: [], changed: [], removed: [], unchanged: 0 };

  try {
    // 1. Everything new or different, copied beside the site where no visitor asks for it.
    const toPlace: string[] = [];
    for (const [path, entry] of wanted) {
      if (entry.kind === 'folder') continue;
      const there = present.get(path);
      if (there?.kind === 'file' && there.size === entry.size && sameBytes(join(source, path), join(target, path))) {
        report.unchanged++;
        continue;
      }
      (there ? report.changed : report.added).push(path);
      const staged = join(staging, path);
      mkdirSync(dirname(staged), { recursive: true });
      copyFileSync(join(source, path), staged);
      toPlace.push(path);
    }

    // 2. Into place by rename: each file is the old one or the whole new one, never a part.
    for (const [path, entry] of wanted) if (entry.kind === 'folder') makeFolders(target, path);
    toPlace.sort((a, b) => Number(isEntryPoint(a)) - Number(isEntryPoint(b)));
    for (const path of toPlace) {
      const final = join(target, path);
      makeFolders(target, dirname(path));
      // A folder (or a link) where the site now has a file cannot be renamed over.
      if (present.get(path)?.kind !== 'file') clear(final);
      renameSync(join(staging, path), final);
    }
  } finally {
    clear(staging);
  }

  // 3. Only now, what the site no longer has: its files, then the folders that held them.
  for (const [path, entry] of present) {
    const now = wanted.get(path);
    if (entry.kind === 'folder' || (now && now.kind !== 'folder')) continue;
    report.removed.push(path);
    const full = join(target, path);
    // Already gone when a folder of the old site became a file of the new one.
    const there = entryAt(full);
    if (there && !there.isDirectory()) unlinkSync(full);
  }
  for (const [path, entry] of present) {
    if (entry.kind !== 'folder' || wanted.get(path)?.kind === 'folder') continue;
    const full = join(target, path);
    if (entryAt(full)?.isDirectory()) clear(full);
  }
  // Folders left by an interrupted run, of this or another process.
  for (const name of readdirSync(target)) if (name.startsWith(STAGING_PREFIX)) clear(join(target, name));
  for (const list of [report.added, report.changed, report.removed]) list.sort();
  return report;
}

/** Creates the folders of `relativeFolder` inside `root`, replacing a file that stands where a folder must be. */
function makeFolders(root: string, relativeFolder: string) {
  let current = root;
  for (const part of relativeFolder.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    current = join(current, part);
    const stat = entryAt(current);
    if (stat?.isDirectory()) continue;
    if (stat) unlinkSync(current);
    mkdirSync(current);
  }
}
