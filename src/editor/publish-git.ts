/**
 * “Publiceren” in the editing screen: the changed files of content/ and data/
 * committed to the archive's git repository with a Dutch message, and pushed
 * to its remote, where the webmaster's CI job (`npm run publiceer`) builds and
 * puts the site online. The archive is checked first, as that job will check
 * it: an archive with errors is not committed.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { checkArchive } from '../lib/content/check';
import type { ContentErrorDetails } from '../lib/errors/content-error';

export interface PublishOptions {
  contentRoot: string;
  dataRoot: string;
  /** The remote to push to; `origin` when there is one. */
  remote?: string;
}

export interface PublishResult {
  /** What happened, in one Dutch sentence for the clerk. */
  message: string;
  committed: boolean;
  pushed: boolean;
  commit?: string;
  files: Array<{ path: string; change: 'nieuw' | 'gewijzigd' | 'verwijderd' }>;
  errors: ContentErrorDetails[];
}

export class PublishProblem extends Error {}

function git(cwd: string, args: string[], allowFailure = false): { ok: boolean; out: string; err: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
  if (result.error) throw new PublishProblem('git is niet gevonden op deze computer; vraag de webmaster het te installeren');
  const ok = result.status === 0;
  if (!ok && !allowFailure) throw new PublishProblem(`git ${args[0]} mislukte: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`);
  return { ok, out: result.stdout, err: result.stderr };
}

const CHANGE: Record<string, PublishResult['files'][number]['change']> = { A: 'nieuw', '?': 'nieuw', D: 'verwijderd' };

export function publishChanges(options: PublishOptions): PublishResult {
  const top = git(options.contentRoot, ['rev-parse', '--show-toplevel'], true);
  if (!top.ok) throw new PublishProblem('de inhoud staat niet in een git-repository; vraag de webmaster om het archief met git te beheren');
  const repo = top.out.trim();
  const folders = [...new Set([options.contentRoot, options.dataRoot].map((folder) => relative(repo, folder) || '.'))];

  const status = git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...folders]).out.split('\0').filter(Boolean);
  const files = status.map((line) => ({ path: line.slice(3), change: CHANGE[line[0] === ' ' ? line[1]! : line[0]!] ?? CHANGE[line[1]!] ?? 'gewijzigd' }));
  if (!files.length) return { message: 'Er is niets te publiceren: alle wijzigingen zijn al gepubliceerd.', committed: false, pushed: false, files, errors: [] };

  // Named from the repository, as the clerk sees the files in the screen.
  const errors = checkArchive({ contentRoot: options.contentRoot, dataRoot: options.dataRoot }).errors.map((error) => ({ ...error, file: relative(repo, resolve(error.file)).split('\\').join('/') }));
  if (errors.length) {
    return { message: `Niet gepubliceerd: het archief heeft ${errors.length === 1 ? '1 fout' : `${errors.length} fouten`}. Herstel ze en publiceer opnieuw.`, committed: false, pushed: false, files, errors };
  }

  git(repo, ['add', '--all', '--', ...folders]);
  const count = (change: string) => files.filter((f) => f.change === change).length;
  const summary = [`${count('nieuw')} nieuw`, `${count('gewijzigd')} gewijzigd`, `${count('verwijderd')} ingetrokken`].join(', ');
  const body = files.map((f) => `- ${f.change}: ${f.path}`).join('\n');
  // A clerk's laptop may have no git identity; the commit then says where it came from.
  const identity = git(repo, ['config', 'user.email'], true).out.trim() ? [] : ['-c', 'user.name=Beheerscherm Raadsarchief', '-c', 'user.email=beheer@raadsarchief.invalid'];
  git(repo, [...identity, 'commit', '--quiet', '-m', `Stukken gepubliceerd vanuit het beheerscherm (${summary})`, '-m', body]);
  const commit = git(repo, ['rev-parse', 'HEAD']).out.trim();

  const remotes = git(repo, ['remote']).out.split('\n').filter(Boolean);
  const remote = options.remote ?? (remotes.includes('origin') ? 'origin' : remotes[0]);
  if (!remote) {
    return { message: `Vastgelegd (${summary}), maar niet verstuurd: er is geen externe repository ingesteld. Vraag de webmaster dat in te stellen.`, committed: true, pushed: false, commit, files, errors: [] };
  }
  const pushed = git(repo, ['push', '--quiet', remote, 'HEAD'], true);
  if (!pushed.ok) {
    return { message: `Vastgelegd (${summary}), maar versturen naar ${remote} mislukte: ${pushed.err.trim().split('\n').slice(-2).join(' ')}. Probeer het later opnieuw of vraag de webmaster.`, committed: true, pushed: false, commit, files, errors: [] };
  }
  return { message: `Gepubliceerd (${summary}): verstuurd naar ${remote}. De site wordt nu bijgewerkt.`, committed: true, pushed: true, commit, files, errors: [] };
}
