/**
 * `npm run new` as a clerk or CI runs it: with flags and no input, it writes a
 * briefing the check accepts (with warnings for the text still to fill in),
 * never overwrites, and says in Dutch what is missing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { copyFixture, projectRoot } from './helpers/build';

const run = (content: string, args: string[]) =>
  spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/new.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    // No standard input at all, as in CI.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', RAADSARCHIEF_CONTENT: content },
    timeout: 60_000,
  });

const FLAGS = ['--type', 'vragen-raadslid', '--organisatie', 'almelo', '--titel', 'Vragen over parkeren', '--datum', '2025-03-04', '--kenmerk', 'UIT-77', '--vragen', '2'];

describe('npm run new', () => {
  it('writes a new letter from flags without asking, and never overwrites', () => {
    const fixture = copyFixture('basis');
    const first = run(fixture.content, FLAGS);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Nieuw stuk:');
    const path = join(fixture.content, 'stukken/almelo-2025-vragen-over-parkeren.md');
    const written = readFileSync(path, 'utf8');
    expect(written).toMatch(/^---\ntype: vragen-raadslid\ntitel: Vragen over parkeren\n/);
    expect(written).toContain('## Vraag 2\n\n> [VUL IN: vraag 2, zoals gesteld]');

    // Same title again, without the kenmerk (a kenmerk belongs to one briefing).
    const second = run(fixture.content, [...FLAGS.slice(0, -4), '--vragen', '2']);
    expect(second.status, second.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(written);
    expect(readdirSync(join(fixture.content, 'stukken')).filter((n) => n.startsWith('almelo-2025-vragen-over-parkeren'))).toEqual([
      'almelo-2025-vragen-over-parkeren-2.md',
      'almelo-2025-vragen-over-parkeren.md',
    ]);

    const { errors, warnings } = checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data });
    expect(errors).toEqual([]);
    const placeholders = warnings.filter((w) => w.file.endsWith('almelo-2025-vragen-over-parkeren-2.md'));
    expect(placeholders.map((w) => w.message)).toContain('hier staat nog voorbeeldtekst uit het sjabloon');
    expect(placeholders.map((w) => w.message)).toContain('in de voorkant staat nog voorbeeldtekst uit het sjabloon');
  });

  it('says what is missing when there is nobody to ask', () => {
    const fixture = copyFixture('basis');
    const result = run(fixture.content, ['--type', 'vragen-raadslid', '--organisatie', 'leiden']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Kan geen nieuw stuk maken:');
    expect(result.stderr).toContain('--titel ontbreekt');
    expect(result.stderr).toContain('organisatie "leiden" bestaat niet; kies uit almelo');
    expect(readdirSync(join(fixture.content, 'stukken')).sort()).toEqual(['brief-md.md', 'brief-mdx.mdx']);
  });
});
