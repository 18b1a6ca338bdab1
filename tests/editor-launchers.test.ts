/**
 * The double-click launchers of the editing screen. beheer.command (macOS) is
 * run here with bash, from another folder and with a stand-in for npm that
 * records how it was called: it must go to the project and run
 * `npm run beheer`. beheer.cmd (Windows) cannot run on Linux; its text is
 * checked for what cmd.exe needs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/build';

describe('beheer.command (macOS)', () => {
  const launcher = join(projectRoot, 'beheer.command');

  it('is an executable bash script with Unix line endings', () => {
    const text = readFileSync(launcher, 'utf8');
    expect(text.startsWith('#!/bin/bash\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(statSync(launcher).mode & 0o111).not.toBe(0);
    const index = spawnSync('git', ['ls-files', '-s', 'beheer.command'], { cwd: projectRoot, encoding: 'utf8' }).stdout;
    expect(index).toMatch(/^100755 /);
    expect(spawnSync('bash', ['-n', launcher]).status).toBe(0);
  });

  it('goes to the project and runs npm run beheer, wherever it is started from', () => {
    const bin = mkdtempSync(join(tmpdir(), 'ra-npm-'));
    const record = join(bin, 'aanroep.txt');
    writeFileSync(join(bin, 'npm'), `#!/bin/bash\necho "$PWD|$*" >> "${record}"\n`);
    chmodSync(join(bin, 'npm'), 0o755);
    const run = spawnSync('bash', [launcher], { cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, PATH: `${bin}:/usr/bin:/bin` } });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(record, 'utf8')).toBe(`${projectRoot}|run beheer\n`);
  });
});

describe('beheer.cmd (Windows)', () => {
  const text = readFileSync(join(projectRoot, 'beheer.cmd'), 'latin1');

  it('has Windows line endings and goes to its own folder before running npm run beheer', () => {
    expect(text.split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r'))).toBe(true);
    expect(text).toContain('cd /d "%~dp0"\r\n');
    expect(text).toContain('call npm run beheer\r\n');
    // Without `call`, cmd.exe would end the launcher when npm (itself a .cmd) ends, and never pause on an error.
    expect(text).not.toMatch(/^npm /m);
    expect(text).toMatch(/^if errorlevel 1 pause\r$/m);
  });
});
