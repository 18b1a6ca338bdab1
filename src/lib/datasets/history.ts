/**
 * When a dataset last changed, read from the git history of its files. A file's
 * modification time only says when it was copied or checked out (in CI: the
 * time of the clone), so two builds of the same commit would disagree. The last
 * commit that touched a file is the same in every clone of that commit.
 *
 * Where git cannot vouch for a date there is none: outside a repository, for
 * a file with changes that are not committed yet, or when a shallow clone cut
 * the history off before the file's last change.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

interface FolderHistory {
  /** The repository's top folder (real path). */
  top: string;
  /** Per file (relative to `top`, with forward slashes): the last commit that changed it. */
  last: Map<string, { commit: string; date: string }>;
  /** Files with uncommitted changes, or not tracked at all. */
  dirty: Set<string>;
  /** Commits whose parents a shallow clone left out: what they show as "changed" may be older. */
  boundary: Set<string>;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    // GIT_OPTIONAL_LOCKS=0: `git status` must not rewrite the index of a checkout others are working in.
    const result = spawnSync('git', ['-c', 'core.quotePath=off', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
    return result.status === 0 ? result.stdout : undefined;
  } catch {
    return undefined;
  }
}

function readHistory(folder: string): FolderHistory | null {
  const top = git(folder, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return null;
  const last = new Map<string, { commit: string; date: string }>();
  // Newest first, so the first commit that names a file is its last change; %cs is the committer date (YYYY-MM-DD).
  const log = git(folder, ['log', '--no-renames', '--name-only', '--format=%x00%H %cs', '--', '.']) ?? '';
  for (const entry of log.split('\0').slice(1)) {
    const [header = '', ...files] = entry.split('\n');
    const [commit = '', date = ''] = header.split(' ');
    for (const file of files) if (file && !last.has(file)) last.set(file, { commit, date });
  }
  const dirty = new Set<string>();
  const status = (git(folder, ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.']) ?? '').split('\0');
  for (let i = 0; i < status.length; i++) {
    const entry = status[i]!;
    if (entry.length < 4) continue;
    dirty.add(entry.slice(3));
    if (entry[0] === 'R' || entry[0] === 'C') i++; // the next entry is the path it came from
  }
  const boundary = new Set<string>();
  if (git(folder, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true') {
    const path = git(folder, ['rev-parse', '--git-path', 'shallow'])?.trim();
    if (path) {
      try {
        for (const line of readFileSync(resolve(folder, path), 'utf8').split('\n')) if (line.trim()) boundary.add(line.trim());
      } catch {
        // No shallow file after all: nothing was cut off.
      }
    }
  }
  return { top: realpathSync(top), last, dirty, boundary };
}

// One history per folder and build: a build reads each folder's log once, not once per dataset.
const histories = new Map<string, FolderHistory | null>();

function historyOf(folder: string): FolderHistory | null {
  if (!histories.has(folder)) histories.set(folder, readHistory(folder));
  return histories.get(folder)!;
}

/** The date (YYYY-MM-DD) of the last commit that changed any of `files`; undefined when git cannot say for all of them. */
export function lastCommitDate(files: string[]): string | undefined {
  let newest: string | undefined;
  for (const file of files) {
    let path: string;
    try {
      path = realpathSync(resolve(file));
    } catch {
      return undefined;
    }
    const history = historyOf(dirname(path));
    if (!history) return undefined;
    const key = relative(history.top, path).split(sep).join('/');
    if (key.startsWith('..') || isAbsolute(key) || history.dirty.has(key)) return undefined;
    const change = history.last.get(key);
    if (!change || !/^\d{4}-\d{2}-\d{2}$/.test(change.date) || history.boundary.has(change.commit)) return undefined;
    if (!newest || change.date > newest) newest = change.date;
  }
  return newest;
}
