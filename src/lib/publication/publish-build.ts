/**
 * Publishes the build folder (src/lib/publication/build-folder.ts) to dist/.
 * A file is compared with what was published last time by size and
 * modification time on both sides, so a published file changed by hand is
 * replaced too. When few files changed, as after a new letter, only those are
 * replaced, each by a rename so no reader ever gets half a file, and the files
 * of pages that are gone are removed; when most changed, or nothing was
 * published yet, a whole new copy is made beside the target and swapped in with
 * two renames. The files of routes are copies, because the next build writes
 * into them in place; every other file (the search index, scripts, styles) is
 * made anew by each build, so the published one is a hard link to it.
 *
 * A whole copy of a large archive takes a minute; copyAhead() starts it as soon
 * as the pages are written, while the search index is still being made, and
 * publishBuildFolder() then only copies what changed after that.
 */
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, promises as fs, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { removeEmptyParents, routeFiles, toRelative } from './build-folder';

/** Size and modification time. */
type Stamp = [number, number];
/** A file in the build folder and its published copy, as last published. */
type PublishedFile = [...Stamp, ...Stamp];

interface PublishRecord {
  target: string;
  files: Record<string, PublishedFile>;
}

const PUBLISH_RECORD_FILE = 'gepubliceerd.json';
// A clone where the file system has them (Btrfs, XFS, for instance): no bytes copied; a plain copy elsewhere.
const CLONE = constants.COPYFILE_FICLONE;

export interface Published {
  /** Files copied from the build folder (new or changed since the last publication). */
  copied: number;
  /** Published files of pages that are gone, removed. */
  removed: number;
  /**
   * 'in-place': only the changed files were replaced in the published folder, each
   * at once; 'whole': a complete copy was put in place, and the previous folder
   * moved to `previous` for the caller to delete.
   */
  how: 'in-place' | 'whole';
}

/** A whole copy made while the build went on (see copyAhead()). */
export interface CopiedAhead {
  fresh: string;
  /** Each file's source and copy as they were when copied. */
  files: Record<string, PublishedFile>;
}

interface Plan {
  root: string;
  /** Files the next build may write in place: never linked. Unknown: everything is copied. */
  routes: ReadonlySet<string> | undefined;
  published: string;
  before: Record<string, PublishedFile> | undefined;
  /** Every file of the build folder: unchanged ones with their published copy, changed ones with zeros for it. */
  files: Record<string, PublishedFile>;
  changed: string[];
}

function plan(buildDir: string, target: string, cacheDir: string): Plan {
  const root = resolve(buildDir);
  const published = resolve(target);
  let record: PublishRecord | undefined;
  try {
    record = JSON.parse(readFileSync(join(cacheDir, PUBLISH_RECORD_FILE), 'utf8')) as PublishRecord;
  } catch {
    record = undefined;
  }
  const before = record?.target === published && existsSync(published) ? record.files : undefined;
  const files: Record<string, PublishedFile> = {};
  const changed: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const source = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(source);
        continue;
      }
      const rel = toRelative(root, source);
      const now = statSync(source);
      const last = before?.[rel];
      if (last && last[0] === now.size && last[1] === now.mtimeMs) {
        const copy = statSync(join(published, rel), { throwIfNoEntry: false });
        if (copy && copy.size === last[2] && copy.mtimeMs === last[3]) {
          files[rel] = last;
          continue;
        }
      }
      files[rel] = [now.size, now.mtimeMs, 0, 0];
      changed.push(rel);
    }
  };
  walk(root);
  return { root, routes: routeFiles(root, cacheDir), published, before, files, changed };
}

/** A hard link where the next build cannot write into the file, else a copy (also where links fail). */
const mayLink = (p: Plan, rel: string) => p.routes !== undefined && !p.routes.has(rel);

const isWhole = (p: Plan) => !p.before || p.changed.length > Object.keys(p.files).length / 2;

/**
 * When the publication will be a whole copy, copies the build folder as it is
 * now into `<target>.nieuw-<pid>`, a few files at a time so the copying
 * overlaps itself and whatever else the machine does; undefined when only some
 * files will be replaced, which needs no head start.
 */
export async function copyAhead(buildDir: string, target: string, cacheDir: string): Promise<CopiedAhead | undefined> {
  const p = plan(buildDir, target, cacheDir);
  if (!isWhole(p)) return undefined;
  const fresh = `${p.published}.nieuw-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  const names = Object.keys(p.files);
  const made = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const rel = names[next++]!;
      const destination = join(fresh, rel);
      const folder = dirname(destination);
      if (!made.has(folder)) {
        await fs.mkdir(folder, { recursive: true });
        made.add(folder);
      }
      try {
        if (mayLink(p, rel)) await fs.link(join(p.root, rel), destination).catch(() => fs.copyFile(join(p.root, rel), destination, CLONE));
        else await fs.copyFile(join(p.root, rel), destination, CLONE);
        const copy = await fs.stat(destination);
        p.files[rel]![2] = copy.size;
        p.files[rel]![3] = copy.mtimeMs;
      } catch {
        // Removed or replaced meanwhile (the search index is rewritten while this runs): copied at the end, if still there.
        delete p.files[rel];
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { fresh, files: p.files };
}

/** Publishes the build folder to `target` (see the top of this file), using a copy made ahead where there is one. */
export function publishBuildFolder(buildDir: string, target: string, cacheDir: string, previous: string, ahead?: CopiedAhead): Published {
  const p = plan(buildDir, target, cacheDir);
  const { root, published, files } = p;
  const copyInto = (into: string, rel: string, atOnce: boolean) => {
    const destination = join(into, rel);
    mkdirSync(dirname(destination), { recursive: true });
    const written = atOnce ? `${destination}.nieuw-${process.pid}` : destination;
    rmSync(written, { force: true });
    let linked = false;
    if (mayLink(p, rel)) {
      try {
        linkSync(join(root, rel), written);
        linked = true;
      } catch {
        // Another file system: a copy.
      }
    }
    if (!linked) copyFileSync(join(root, rel), written, CLONE);
    if (atOnce) renameSync(written, destination);
    const copy = statSync(destination);
    files[rel]![2] = copy.size;
    files[rel]![3] = copy.mtimeMs;
  };

  let result: Published;
  if (ahead || isWhole(p)) {
    const fresh = ahead?.fresh ?? `${published}.nieuw-${process.pid}`;
    if (!ahead) rmSync(fresh, { recursive: true, force: true });
    let copied = 0;
    for (const rel of Object.keys(files)) {
      const early = ahead?.files[rel];
      if (early && early[0] === files[rel]![0] && early[1] === files[rel]![1]) {
        files[rel] = early;
        continue;
      }
      copyInto(fresh, rel, false);
      copied++;
    }
    // Copied ahead, then gone from the build folder before it finished.
    for (const rel of Object.keys(ahead?.files ?? {})) if (!(rel in files)) rmSync(join(fresh, rel), { force: true });
    if (existsSync(published)) renameSync(published, previous);
    renameSync(fresh, published);
    result = { copied: ahead ? Object.keys(files).length : copied, removed: 0, how: 'whole' };
  } else {
    for (const rel of p.changed) copyInto(published, rel, true);
    let removed = 0;
    for (const rel of Object.keys(p.before!)) {
      if (rel in files) continue;
      const path = join(published, rel);
      if (!existsSync(path)) continue;
      rmSync(path, { force: true });
      removeEmptyParents(published, dirname(path));
      removed++;
    }
    result = { copied: p.changed.length, removed, how: 'in-place' };
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, PUBLISH_RECORD_FILE), JSON.stringify({ target: published, files } satisfies PublishRecord));
  return result;
}
