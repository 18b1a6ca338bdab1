/**
 * `npm run publiceer`: the webmaster's pipeline checks strictly, builds and
 * publishes; the target then holds exactly the built site, and nothing reaches
 * it when the check or the build fails. The CI files in scripts/ci/ only call
 * the script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { mirrorFolder } from '../src/lib/deploy/mirror';
import { rsyncArguments } from '../src/lib/deploy/rsync';
import { DeployError, parseTarget, type RsyncTarget } from '../src/lib/deploy/target';
import { copyFixture, fingerprint, projectCopy, projectRoot } from './helpers/build';

const hasRsync = spawnSync('rsync', ['--version']).status === 0;
const temporary = (name: string) => mkdtempSync(join(tmpdir(), `ra-publiceer-${name}-`));

function edit(path: string, change: (text: string) => string) {
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
}

/** Every file below `dir` with its inode and modification time: a file rewritten gets another. */
function identities(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const path of Object.keys(fingerprint(dir))) {
    const stat = statSync(join(dir, path));
    found[path] = `${stat.ino}:${stat.mtimeMs}`;
  }
  return found;
}

describe('npm run publiceer', () => {
  let root: string;
  let fixture: ReturnType<typeof copyFixture>;
  let cache: string;
  const publish = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/publish.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', RAADSARCHIEF_CONTENT: fixture.content, RAADSARCHIEF_DATA: fixture.data, RAADSARCHIEF_CACHE: cache, ...env },
      timeout: 300_000,
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };

  beforeAll(() => {
    root = projectCopy();
    fixture = copyFixture('basis');
    cache = temporary('cache');
  });

  const target = join(temporary('map'), 'www');

  it('publishes exactly dist/ to a folder, removes what the site no longer has, and keeps its cache in RAADSARCHIEF_CACHE', () => {
    mkdirSync(join(target, 'oud'), { recursive: true });
    writeFileSync(join(target, 'oud/verwijderd-stuk.html'), '<p>weg</p>');
    writeFileSync(join(target, 'index.html'), '<p>vorige versie</p>');
    const result = publish(['--doel', `map:${target}`]);
    expect(result.status, result.output).toBe(0);
    expect(fingerprint(target)).toEqual(fingerprint(join(root, 'dist')));
    expect(existsSync(join(target, 'oud'))).toBe(false);
    expect(result.output).toContain('1/3 Controleren (streng)');
    expect(result.output).toMatch(/\d+ bestanden nieuw, 1 gewijzigd, 1 verwijderd, 0 ongewijzigd\./);
    expect(result.output).toContain(`Klaar in`);
    // The cache a CI job keeps: named in the output, and used by the build.
    expect(result.output).toContain(`Cache (RAADSARCHIEF_CACHE; bewaar deze map tussen de runs): ${cache}`);
    expect(readdirSync(join(cache, 'astro'))).toHaveLength(1);
  });

  it('replaces only the files that changed when one letter changes', () => {
    const before = fingerprint(target);
    const identity = identities(target);
    edit(join(fixture.content, 'stukken/brief-md.md'), (text) => text.replace('Inleiding met een status', 'Inleiding met een gewijzigde status'));
    const result = publish(['--doel', `map:${target}`]);
    expect(result.status, result.output).toBe(0);
    const after = fingerprint(target);
    expect(after).toEqual(fingerprint(join(root, 'dist')));

    const changed = Object.keys(after).filter((path) => before[path] !== undefined && before[path] !== after[path]);
    expect(changed).toContain('stukken/brief-md/index.html');
    // The index of one letter is a handful of files in its shard and in the signpost (a new word), with the search page
    // that names the signpost's records; the rest of the site is untouched.
    expect(changed.length + Object.keys(after).filter((path) => !before[path]).length).toBeLessThan(16);
    const now = identities(target);
    for (const path of Object.keys(after)) {
      if (before[path] === after[path]) expect(now[path], `${path} is opnieuw geschreven`).toBe(identity[path]);
      else if (before[path]) expect(now[path], `${path} is niet vervangen`).not.toBe(identity[path]);
    }
    expect(result.output).toMatch(/gewijzigd {3}stukken\/brief-md\/index\.html/);
    expect(readdirSync(target).filter((name) => name.startsWith('.raadsarchief-'))).toEqual([]);
  });

  it('publishes nothing when the strict check fails, and leaves the target as it was', () => {
    const before = identities(target);
    const dist = fingerprint(join(root, 'dist'));
    edit(join(fixture.data, 'voorbeeld-tabel.yaml'), (text) => text.replace('[Totaal, 1461, 16143, 17.3]', '[Totaal, 1470, 16143, 17.3]'));
    try {
      const result = publish(['--doel', `map:${target}`]);
      expect(result.status).toBe(1);
      expect(result.output).toMatch(/voorbeeld-tabel\.yaml:12 {2}totaal klopt niet: Totaal, kolom “Aantal”/);
      expect(result.output).toContain(`Er is niets gebouwd en niets gepubliceerd; ${target} is ongewijzigd.`);
      expect(result.output).not.toContain('2/3 Bouwen');
      expect(identities(target)).toEqual(before);
      expect(fingerprint(join(root, 'dist'))).toEqual(dist);
    } finally {
      edit(join(fixture.data, 'voorbeeld-tabel.yaml'), (text) => text.replace('[Totaal, 1470, 16143, 17.3]', '[Totaal, 1461, 16143, 17.3]'));
    }
  });

  it('publishes nothing when the build fails', () => {
    const before = identities(target);
    const broken = join(root, 'src/pages/kapot.astro');
    writeFileSync(broken, "---\nthrow new Error('deze pagina is kapot');\n---\n");
    try {
      const result = publish(['--doel', `map:${target}`]);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('2/3 Bouwen');
      expect(result.output).toContain(`Er is niets gepubliceerd; ${target} is ongewijzigd: de bouw is mislukt`);
      expect(identities(target)).toEqual(before);
    } finally {
      rmSync(broken);
    }
  });

  it('refuses a wrong or dangerous target before checking or building anything', () => {
    const cases: [string[], RegExp][] = [
      [[], /er is geen doel opgegeven/],
      [['--doel', 'ftp://server/www'], /"ftp:\/\/server\/www" is geen doel om naartoe te publiceren/],
      [['--doel', `map:${join(root, 'www')}`], /zou het project overschrijven/],
      [['--doel', `map:${join(fixture.content, '..')}`], /zou de inhoud \(content\/\) overschrijven/],
      [['--doel', 'rsync:deploy@webserver:'], /staat geen map op de server/],
      [['--doel', 'map:/tmp/x', '--alleen-bouwen'], /--doel en --alleen-bouwen gaan niet samen/],
      [['--doelmap', '/tmp/x'], /de opdracht klopt niet/],
    ];
    for (const [args, message] of cases) {
      const result = publish(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.output).toMatch(message);
      expect(result.output).toContain('Er is niets gepubliceerd.');
      expect(result.output).not.toContain('1/3 Controleren');
    }
  });

  it('says in Dutch that rsync is missing, before any work', () => {
    // Only node on the PATH: the script runs, rsync cannot be found.
    const bin = temporary('pad');
    symlinkSync(process.execPath, join(bin, 'node'));
    const result = publish(['--doel', 'rsync:deploy@webserver.gemeente.nl:/var/www/raadsarchief'], { PATH: bin });
    expect(result.status).toBe(2);
    expect(result.output).toContain('rsync is niet geïnstalleerd op deze machine');
    expect(result.output).toContain('sudo apt-get install rsync');
    expect(result.output).not.toContain('1/3 Controleren');
  });

  it.skipIf(!hasRsync)(`publishes with rsync to a local path${hasRsync ? '' : ' (overgeslagen: rsync is niet geïnstalleerd; apt-get install rsync)'}`, () => {
    const rsyncTarget = join(temporary('rsync'), 'www');
    mkdirSync(join(rsyncTarget, 'oud'), { recursive: true });
    writeFileSync(join(rsyncTarget, 'oud/verwijderd.html'), 'weg');
    const result = publish(['--doel', `rsync:${rsyncTarget}`]);
    expect(result.status, result.output).toBe(0);
    expect(fingerprint(rsyncTarget)).toEqual(fingerprint(join(root, 'dist')));
    expect(result.output).toContain(`Klaar in`);
  });
});

describe('the target of npm run publiceer', () => {
  const protect = { project: '/srv/raadsarchief', content: '/srv/raadsarchief/content', data: '/srv/raadsarchief/data', dist: '/srv/raadsarchief/dist' };
  const refused = (spec: string) => {
    try {
      parseTarget(spec, protect, '/home/webmaster');
    } catch (error) {
      expect(error).toBeInstanceOf(DeployError);
      return (error as DeployError).message;
    }
    throw new Error(`${spec} was niet geweigerd`);
  };

  it('reads a folder, a server over SSH, or a local rsync path', () => {
    expect(parseTarget('map:/var/www/site', protect)).toEqual({ kind: 'map', path: '/var/www/site', label: '/var/www/site' });
    expect(parseTarget('map:www', protect, '/home/webmaster')).toMatchObject({ path: '/home/webmaster/www' });
    expect(parseTarget('rsync:deploy@web.gemeente.nl:/var/www/site', protect)).toEqual({
      kind: 'rsync',
      destination: 'deploy@web.gemeente.nl:/var/www/site/',
      remote: true,
      label: 'deploy@web.gemeente.nl:/var/www/site',
    });
    expect(parseTarget('rsync:/var/www/site/', protect)).toMatchObject({ destination: '/var/www/site/', remote: false });
  });

  it('refuses targets that would wipe the project, the archive, a home folder or a whole disk', () => {
    expect(refused('/var/www')).toMatch(/geen doel/);
    expect(refused('map:')).toMatch(/ontbreekt het pad/);
    expect(refused('map:/')).toMatch(/de hele schijf/);
    expect(refused('map:/srv')).toMatch(/het project/);
    expect(refused('map:/srv/raadsarchief/publiek')).toMatch(/het project/);
    expect(refused('rsync:/srv/raadsarchief/dist')).toMatch(/het project/);
    expect(refused('rsync:web:~')).toMatch(/geen map op de server/);
    expect(refused('rsync:web:/')).toMatch(/geen map op de server/);
    expect(refused('rsync:--rsh=evil')).toMatch(/begint met een streepje/);
  });

  it('calls rsync with --delete and --checksum, without --times, and never waits for a password', () => {
    const server: RsyncTarget = { kind: 'rsync', destination: 'deploy@web:/var/www/site/', remote: true, label: 'deploy@web:/var/www/site' };
    const args = rsyncArguments('dist', server, {});
    expect(args).toEqual(expect.arrayContaining(['--recursive', '--checksum', '--delete', '--delay-updates', '--rsh=ssh -o BatchMode=yes']));
    expect(args).not.toContain('--times');
    expect(args.slice(-2)).toEqual(['dist/', 'deploy@web:/var/www/site/']);
    expect(rsyncArguments('dist', server, { RSYNC_RSH: 'ssh -i sleutel' })).not.toContain('--rsh=ssh -o BatchMode=yes');
    expect(rsyncArguments('dist', { ...server, destination: '/var/www/site/', remote: false }, {})).not.toContain('--rsh=ssh -o BatchMode=yes');
  });
});

describe('mirroring into a folder', () => {
  it('turns files into folders and back, replaces links, and clears what an interrupted run left', () => {
    const source = temporary('bron');
    const target = temporary('doel');
    mkdirSync(join(source, 'was-bestand'));
    writeFileSync(join(source, 'was-bestand/index.html'), 'nu een map');
    writeFileSync(join(source, 'was-map'), 'nu een bestand');
    writeFileSync(join(source, 'link.html'), 'echt bestand');
    mkdirSync(join(source, 'leeg'));
    writeFileSync(join(target, 'was-bestand'), 'oud bestand');
    mkdirSync(join(target, 'was-map/diep'), { recursive: true });
    writeFileSync(join(target, 'was-map/diep/oud.html'), 'oud');
    const elsewhere = join(temporary('elders'), 'geheim.txt');
    writeFileSync(elsewhere, 'niet aankomen');
    symlinkSync(elsewhere, join(target, 'link.html'));
    mkdirSync(join(target, '.raadsarchief-nieuw-999999/stukken'), { recursive: true });
    writeFileSync(join(target, '.raadsarchief-nieuw-999999/stukken/half.html'), 'half');

    const report = mirrorFolder(source, target);
    expect(fingerprint(target)).toEqual(fingerprint(source));
    expect(lstatSync(join(target, 'link.html')).isSymbolicLink()).toBe(false);
    expect(readFileSync(elsewhere, 'utf8')).toBe('niet aankomen');
    expect(statSync(join(target, 'leeg')).isDirectory()).toBe(true);
    expect(report).toEqual({ added: ['was-bestand/index.html'], changed: ['link.html', 'was-map'], removed: ['was-bestand', 'was-map/diep/oud.html'], unchanged: 0 });
    expect(readdirSync(target).sort()).toEqual(['leeg', 'link.html', 'was-bestand', 'was-map']);
  });
});

describe('the CI files in scripts/ci/', () => {
  type Job = { steps?: { run?: string; uses?: string }[]; script?: string[]; before_script?: string[] };
  const commands = (job: Job) => [...(job.steps ?? []).map((step) => step.run ?? ''), ...(job.before_script ?? []), ...(job.script ?? [])].filter(Boolean);
  // Steps that would build or publish by themselves, next to the script.
  const ownBuildSteps = /astro |npm run (build|check)|scripts\/(build|check)\.ts|pagefind|^\s*rsync |cp -r|scp /m;

  it('GitHub Actions: valid YAML, on every push to main and nightly, each job calling npm run publiceer', () => {
    const workflow = load(readFileSync(join(projectRoot, 'scripts/ci/github-workflow.yml'), 'utf8')) as {
      on: { push: { branches: string[] }; schedule: { cron: string }[] };
      env: Record<string, string>;
      jobs: Record<string, Job>;
    };
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.schedule).toHaveLength(1);
    expect(workflow.env.RAADSARCHIEF_CACHE).toBe('.raadsarchief-cache');
    expect(Object.keys(workflow.jobs).sort()).toEqual(['pages', 'webserver']);
    for (const job of Object.values(workflow.jobs)) {
      const run = commands(job);
      expect(run).toContain('npm ci');
      expect(run.filter((command) => command.includes('npm run publiceer'))).toHaveLength(1);
      expect(run.join('\n')).not.toMatch(ownBuildSteps);
      expect(run.join('\n')).toContain('git lfs pull');
      expect(job.steps!.some((step) => step.uses?.startsWith('actions/cache@'))).toBe(true);
    }
    expect(commands(workflow.jobs.webserver!).join('\n')).toContain('npm run publiceer -- --doel "rsync:$SSH_DOEL"');
    expect(commands(workflow.jobs.pages!).join('\n')).toContain('npm run publiceer -- --alleen-bouwen');
  });

  it('GitLab CI: valid YAML, on main (pushes and the nightly schedule), each job calling npm run publiceer', () => {
    const pipeline = load(readFileSync(join(projectRoot, 'scripts/ci/gitlab-ci.yml'), 'utf8')) as Record<string, unknown> & {
      workflow: { rules: { if: string }[] };
      default: Job & { cache: { paths: string[] } };
      variables: Record<string, string | number>;
      webserver: Job;
      pages: Job & { pages: { publish: string } };
    };
    expect(pipeline.workflow.rules[0]!.if).toContain('"main"');
    expect(pipeline.default.cache.paths).toContain('.raadsarchief-cache/');
    expect(pipeline.variables.RAADSARCHIEF_CACHE).toBe('.raadsarchief-cache');
    expect(commands(pipeline.default).join('\n')).toContain('git lfs pull');
    for (const job of [pipeline.webserver, pipeline.pages]) {
      const run = [...commands(pipeline.default), ...commands(job)];
      expect(run.filter((command) => command.includes('npm run publiceer'))).toHaveLength(1);
      expect(run.join('\n')).not.toMatch(ownBuildSteps);
    }
    expect(pipeline.pages.pages.publish).toBe('dist');
  });
});
