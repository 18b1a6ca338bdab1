/**
 * `npm run new` as a clerk or CI runs it: with flags and no input, it writes a
 * briefing the check accepts (with warnings for the text still to fill in),
 * never overwrites, and says in Dutch what is missing. Its questions are
 * answered the way a clerk answers them, mistakes included; the signed
 * original and the attachments end up in content/stukken/bijlagen/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { askForBriefing, writeNewBriefing, type Conversation } from '../src/lib/content/new-briefing';
import type { ScaffoldInput } from '../src/lib/content/scaffold';
import { copyFixture, projectRoot } from './helpers/build';
import { isPlaceholderWarning } from './helpers/archive';

const run = (content: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/new.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    // No standard input at all, as in CI.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', RAADSARCHIEF_CONTENT: content, ...env },
    timeout: 60_000,
  });

/** A clerk's downloads folder: the signed letter, a study, a spreadsheet and a program the archive refuses. */
function downloads(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-downloads-'));
  writeFileSync(join(dir, 'Brief ondertekend.pdf'), '%PDF-1.7\nde ondertekende brief\n');
  writeFileSync(join(dir, 'Parkeeronderzoek 2024.pdf'), '%PDF-1.7\nhet parkeeronderzoek\n');
  writeFileSync(join(dir, 'setup.exe'), 'MZ\x90\x00');
  return dir;
}


/** The check accepts the archive, and the new briefing's only warnings are the text still to fill in. */
function expectOnlyPlaceholders(fixture: { content: string; data: string }, briefing: string) {
  const { errors, warnings } = checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data });
  expect(errors).toEqual([]);
  const own = warnings.filter((w) => w.file.endsWith(`stukken/${briefing}`));
  expect(own.length).toBeGreaterThan(0);
  expect(own.filter((w) => !isPlaceholderWarning(w))).toEqual([]);
  return own;
}

/** Answers the questions in order, and keeps the conversation as the clerk saw it. */
function clerk(answers: string[]): Conversation & { transcript: string[] } {
  const transcript: string[] = [];
  return {
    transcript,
    question: async (text) => {
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`no answer left for: ${text}`);
      transcript.push(`${text}${answer}`);
      return answer;
    },
    say: (text) => transcript.push(text),
  };
}

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
    expect(placeholders.map((w) => w.message)).toContain('hier staat nog voorbeeldtekst uit het sjabloon (die wordt niet gepubliceerd)');
    expect(placeholders.map((w) => w.message)).toContain('in de voorkant staat nog voorbeeldtekst uit het sjabloon (die wordt niet gepubliceerd)');
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

  it('copies the original and the attachments given as flags, and names them in the frontmatter', () => {
    const fixture = copyFixture('basis');
    const dir = downloads();
    // Relative paths start in the folder the clerk typed the command in; npm tells it in INIT_CWD.
    const result = run(
      fixture.content,
      ['--type', 'raadsinformatiebrief', '--organisatie', 'almelo', '--titel', 'Vragen over parkeren', '--datum', '2025-03-04',
        '--origineel', 'Brief ondertekend.pdf', '--bijlage', join(dir, 'Parkeeronderzoek 2024.pdf'), '--bijlage-niet-openbaar', 'Advies van de vertrouwensarts'],
      { INIT_CWD: dir },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(fixture.content, 'stukken/bijlagen')).sort()).toEqual(['almelo-2025-vragen-over-parkeren-ondertekend.pdf', 'parkeeronderzoek-2024.pdf']);
    expect(readFileSync(join(fixture.content, 'stukken/bijlagen/parkeeronderzoek-2024.pdf'), 'utf8')).toBe('%PDF-1.7\nhet parkeeronderzoek\n');
    const written = readFileSync(join(fixture.content, 'stukken/almelo-2025-vragen-over-parkeren.md'), 'utf8');
    expect(written).toMatch(/^---\ntype: raadsinformatiebrief\n/);
    expect(written).toContain(
      [
        'origineel: bijlagen/almelo-2025-vragen-over-parkeren-ondertekend.pdf',
        'bijlagen:',
        "  - titel: '[VUL IN: titel van de bijlage, bijvoorbeeld: Parkeeronderzoek 2024]'",
        '    bestand: bijlagen/parkeeronderzoek-2024.pdf',
        '  - titel: Advies van de vertrouwensarts',
        '---',
      ].join('\n'),
    );
    expect(result.stdout).toContain('Nieuw stuk: ');
    expect(result.stdout).toContain(`Ondertekende brief: ${join(fixture.content, 'stukken/bijlagen/almelo-2025-vragen-over-parkeren-ondertekend.pdf')} (gekopieerd uit Brief ondertekend.pdf)`);
    expect(result.stdout).toContain(`Bijlage 1: ${join(fixture.content, 'stukken/bijlagen/parkeeronderzoek-2024.pdf')} (gekopieerd uit ${join(dir, 'Parkeeronderzoek 2024.pdf')})`);
    expect(result.stdout).toContain('Bijlage 2: “Advies van de vertrouwensarts”, niet openbaar (geen bestand)');

    const warnings = expectOnlyPlaceholders(fixture, 'almelo-2025-vragen-over-parkeren.md');
    // The proposed title waits for the clerk, on its own line.
    expect(warnings.map((w) => w.line)).toContain(written.split('\n').findIndex((line) => line.includes('bijvoorbeeld: Parkeeronderzoek 2024')) + 1);
  });

  it('refuses a wrong path or a refused file type, names it, and writes nothing', () => {
    const fixture = copyFixture('basis');
    const dir = downloads();
    const result = run(fixture.content, [...FLAGS, '--origineel', join(dir, 'brief.pdf'), '--bijlage', join(dir, 'setup.exe')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Kan geen nieuw stuk maken:');
    expect(result.stderr).toContain(`--origineel: het bestand "${join(dir, 'brief.pdf')}" bestaat niet`);
    expect(result.stderr).toContain(`--bijlage: "${join(dir, 'setup.exe')}": bestanden van het type .exe worden niet gepubliceerd`);
    expect(result.stderr).toContain('toegestaan zijn: pdf, docx, doc, xlsx');
    expect(readdirSync(join(fixture.content, 'stukken')).sort()).toEqual(['brief-md.md', 'brief-mdx.mdx']);
  });

  it('takes the same file once, reuses an identical copy, and gives other bytes a free name', () => {
    const fixture = copyFixture('basis');
    const dir = downloads();
    const letter = join(dir, 'Brief ondertekend.pdf');
    const study = join(dir, 'Parkeeronderzoek 2024.pdf');
    const first = run(fixture.content, [...FLAGS, '--origineel', letter, '--bijlage', letter, '--bijlage', study, '--bijlage', study]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Let op: --bijlage "${letter}" is hetzelfde bestand als --origineel "${letter}"; het staat één keer in het stuk.`);
    expect(first.stdout).toContain(`Let op: --bijlage "${study}" is hetzelfde bestand als --bijlage "${study}"; het staat één keer in het stuk.`);
    const written = readFileSync(join(fixture.content, 'stukken/almelo-2025-vragen-over-parkeren.md'), 'utf8');
    expect(written.match(/bestand: /g)).toHaveLength(1);

    // A second letter with the same study: the copy that is there is used again.
    const second = run(fixture.content, [...FLAGS.slice(0, -4), '--bijlage', study]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain(`Bijlage 1: ${join(fixture.content, 'stukken/bijlagen/parkeeronderzoek-2024.pdf')} (stond er al, met dezelfde inhoud)`);

    // Another study with the same name is not the same file: it gets -2.
    const other = mkdtempSync(join(tmpdir(), 'ra-downloads-'));
    writeFileSync(join(other, 'Parkeeronderzoek 2024.pdf'), '%PDF-1.7\nhet nieuwe parkeeronderzoek\n');
    const third = run(fixture.content, [...FLAGS.slice(0, -4), '--bijlage', join(other, 'Parkeeronderzoek 2024.pdf')]);
    expect(third.status, third.stderr).toBe(0);
    expect(readFileSync(join(fixture.content, 'stukken/almelo-2025-vragen-over-parkeren-3.md'), 'utf8')).toContain('bestand: bijlagen/parkeeronderzoek-2024-2.pdf');
    expect(readdirSync(join(fixture.content, 'stukken/bijlagen')).sort()).toEqual([
      'almelo-2025-vragen-over-parkeren-ondertekend.pdf',
      'parkeeronderzoek-2024-2.pdf',
      'parkeeronderzoek-2024.pdf',
    ]);
    expect(readFileSync(join(fixture.content, 'stukken/bijlagen/parkeeronderzoek-2024.pdf'), 'utf8')).toBe('%PDF-1.7\nhet parkeeronderzoek\n');
    const { errors } = checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data });
    expect(errors).toEqual([]);
  });

  it('asks for the original and the attachments, and asks again after a mistake', async () => {
    const fixture = copyFixture('basis');
    const dir = downloads();
    const conversation = clerk([
      '9', '4', // a number that is not in the list, then raadsinformatiebrief
      'almelo',
      'Vragen over parkeren',
      '2025-03-04',
      '', // no kenmerk
      'brieff.pdf', // a typo
      `'${join(dir, 'Brief ondertekend.pdf')}'`, // dragged into the terminal, which adds quotes
      'Parkeeronderzoek\\ 2024.pdf', // typed with the backslash a shell wants
      'Parkeeronderzoek 2024.pdf', // the same file again
      'setup.exe',
      'Advies van de vertrouwensarts', 'x', 'j',
      'bijlagen/ontbreekt.pdf', 'n',
      '',
    ]);
    const request = await askForBriefing({ input: {}, attachments: [] }, conversation, { organisations: ['almelo'], cwd: dir, askOriginal: true, askAttachments: true });
    expect(conversation.transcript).toEqual([
      'Welk soort stuk?',
      '  1. Beantwoording schriftelijke vragen (vragen-raadslid)',
      '  2. Beantwoording vragen van een inwoner (vragen-inwoner)',
      '  3. Raadsinformatiebrief uitvoering motie (motie-uitvoering)',
      '  4. Raadsinformatiebrief (raadsinformatiebrief)',
      '  5. Rapportage (rapportage)',
      '  6. Notitie (notitie)',
      '  7. Schriftelijke vragen (schriftelijke-vragen)',
      '  8. Besluit op Woo-verzoek (woo-besluit)',
      'Nummer of naam: 9',
      '  Kies een nummer van 1 tot 8.',
      'Nummer of naam: 4',
      'Organisatie (almelo): almelo',
      'Titel: Vragen over parkeren',
      'Datum van het stuk (2025-03-04, 2025-03, 2025 of onbekend): 2025-03-04',
      'Kenmerk (leeg laten als er geen is): ',
      'Is er een ondertekende brief (pdf)? Geef het pad naar het bestand, of druk op Enter als die er (nog) niet is: brieff.pdf',
      `  het bestand "brieff.pdf" bestaat niet (gezocht: ${join(dir, 'brieff.pdf')})\n  → Controleer de naam en de map, of sleep het bestand in dit venster.`,
      `Is er een ondertekende brief (pdf)? Geef het pad naar het bestand, of druk op Enter als die er (nog) niet is: '${join(dir, 'Brief ondertekend.pdf')}'`,
      'Bijlagen: geef per regel het pad naar een bestand; een lege regel om te stoppen.',
      '  Een bijlage die niet openbaar is, heeft geen bestand: typ dan alleen de titel.',
      'Bijlage 1: Parkeeronderzoek\\ 2024.pdf',
      'Bijlage 2: Parkeeronderzoek 2024.pdf',
      '  Dit is hetzelfde bestand als bijlage 1 (Parkeeronderzoek\\ 2024.pdf); het staat er al bij.',
      'Bijlage 2: setup.exe',
      '  "setup.exe": bestanden van het type .exe worden niet gepubliceerd\n  → Publiceer een document als PDF of in een kantoorformaat; toegestaan zijn: pdf, docx, doc, xlsx, xls, pptx, odt, ods, odp, csv, txt, png, jpg, svg.',
      'Bijlage 2: Advies van de vertrouwensarts',
      '  Is dit een bijlage die niet openbaar is? (j/n) x',
      '  Typ j (ja) of n (nee).',
      '  Is dit een bijlage die niet openbaar is? (j/n) j',
      'Bijlage 3: bijlagen/ontbreekt.pdf',
      '  Is dit een bijlage die niet openbaar is? (j/n) n',
      `  het bestand "bijlagen/ontbreekt.pdf" bestaat niet (gezocht: ${join(dir, 'bijlagen/ontbreekt.pdf')})\n  → Controleer de naam en de map, of sleep het bestand in dit venster.`,
      'Bijlage 3: ',
    ]);
    expect(request.input).toEqual({ type: 'raadsinformatiebrief', organisatie: 'almelo', titel: 'Vragen over parkeren', datum: '2025-03-04', kenmerk: undefined });

    const written = writeNewBriefing(request.input as ScaffoldInput, request.original, request.attachments, fixture.content);
    expect(written.path).toBe(join(fixture.content, 'stukken/almelo-2025-vragen-over-parkeren.md'));
    expect(written.original).toMatchObject({ name: 'almelo-2025-vragen-over-parkeren-ondertekend.pdf', reused: false });
    expect(written.attachments).toMatchObject([{ name: 'parkeeronderzoek-2024.pdf', reused: false }, { titel: 'Advies van de vertrouwensarts' }]);
    expect(existsSync(join(fixture.content, 'stukken/bijlagen/almelo-2025-vragen-over-parkeren-ondertekend.pdf'))).toBe(true);
    expectOnlyPlaceholders(fixture, 'almelo-2025-vragen-over-parkeren.md');
  });

  it('asks for an original document, not a signed letter, for a report; Enter means there is none', async () => {
    const conversation = clerk(['rapportage', 'almelo', 'Jaarrapportage jeugdhulp', '2024', 'UIT-9', '', '']);
    const request = await askForBriefing({ input: {}, attachments: [] }, conversation, { organisations: ['almelo'], cwd: tmpdir(), askOriginal: true, askAttachments: true });
    expect(conversation.transcript).toContain('Is er een origineel document (pdf)? Geef het pad naar het bestand, of druk op Enter als dat er (nog) niet is: ');
    expect(request).toMatchObject({ input: { type: 'rapportage', kenmerk: 'UIT-9' }, original: undefined, attachments: [] });
  });
});

