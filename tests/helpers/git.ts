/**
 * A copy of the project as a git repository with a bare remote, as a clerk's
 * laptop has it: the editing screen publishes by committing and pushing there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** git with a fixed identity, so a machine without one configured can commit. */
export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' } });

/** Makes `root` a repository with content/ and data/ committed on main and pushed to a new bare remote; returns the remote. */
export function repositoryWithRemote(root: string): string {
  const bare = mkdtempSync(join(tmpdir(), 'ra-remote-'));
  git(bare, 'init', '--quiet', '--bare');
  git(root, 'init', '--quiet', '-b', 'main');
  git(root, 'add', 'content', 'data');
  git(root, 'commit', '--quiet', '-m', 'Voorbeeldarchief');
  git(root, 'remote', 'add', 'origin', bare);
  git(root, 'push', '--quiet', 'origin', 'main');
  return bare;
}
