/**
 * The registers as built pages: the sample archive's answer to De Olde, and a
 * fixture archive with questions answered late, on time and not yet, a motion
 * with two letters, a commitment made and closed and one past its term; and
 * the check's errors for commitments a clerk got wrong, with file and line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { build, copyFixture, projectRoot, textOf, type BuildResult } from './helpers/build';

const BUILD_DATE = { RAADSARCHIEF_BUILDDATUM: '2025-03-01' };
const basisData = join(projectRoot, 'tests/fixtures/basis/data');
let sample: BuildResult;
let fixture: BuildResult;

beforeAll(() => {
  sample = build({ env: BUILD_DATE });
  if (sample.status !== 0) throw new Error(`sample build failed:\n${sample.output}`);
  fixture = build({ content: join(projectRoot, 'tests/fixtures/registers/content'), data: basisData, env: BUILD_DATE });
  if (fixture.status !== 0) throw new Error(`fixture build failed:\n${fixture.output}`);
}, 600_000);

describe('the sample archive', () => {
  it('lists the answers to De Olde as asked on 30 July 2024, with no days and no verdict for an unknown answer date', () => {
    const html = sample.read('vragen/index.html');
    const entry = textOf(html.slice(html.indexOf('id="vragen-almelo-2024-jeugdzorg-vragen-de-olde"')).split('</li>')[0]!);
    expect(entry).toContain('De Olde');
    expect(entry).toContain('Partij Vrij Almelo');
    expect(entry).toContain('Gesteld op 30 juli 2024');
    expect(entry).toContain('datum onbekend');
    expect(entry).toContain('Dagen niet te bepalen');
    expect(entry).toContain('de datum van het antwoord is onbekend');
    expect(entry).not.toMatch(/binnen de termijn|over de termijn|\d+ dagen/);
  });

  it('names no resident and gives no page to one', () => {
    const text = textOf(sample.read('vragen/index.html'));
    expect(text).toContain('een inwoner');
    expect(textOf(sample.read('fracties/index.html'))).not.toContain('inwoner van Almelo');
  });
});

describe('the fixture archive', () => {
  const item = (html: string, id: string) => textOf(html.slice(html.indexOf(`id="${id}"`)).split('</li>')[0]!);

  it('gives each verdict against the term of site.yaml, counted to the build date', () => {
    const html = fixture.read('vragen/index.html');
    expect(textOf(html)).toContain('binnen 30 dagen');
    expect(item(html, 'vragen-vragen-laat')).toContain('21 dagen over de termijn');
    expect(item(html, 'vragen-vragen-laat')).toContain('Dagen 51');
    expect(item(html, 'vragen-antwoord-op-tijd')).toContain('binnen de termijn');
    expect(item(html, 'vragen-vragen-open')).toContain('nog niet beantwoord — 40 dagen open (stand op 1 maart 2025)');
    expect(item(html, 'vragen-antwoord-inwoner')).toContain('alleen bekend als april 2024');
  });

  it('has a listing page per filter, and the register as CSV and JSON', () => {
    expect(textOf(fixture.read('vragen/status/over-termijn/index.html'))).toContain('Wachttijden jeugdzorg');
    expect(textOf(fixture.read('vragen/status/over-termijn/index.html'))).not.toContain('Schoolzwemmen');
    expect(textOf(fixture.read('vragen/fractie/lokaal-belang/index.html'))).toContain('Openingstijden bibliotheek');
    const csv = fixture.read('vragen/register.csv');
    expect(csv.startsWith('\uFEFFOnderwerp;Gesteld door;')).toBe(true);
    expect(csv).toContain('Wachttijden jeugdzorg;A. Jansen (Lokaal Belang);Lokaal Belang;2024-01-10;2024-03-01;51;over-termijn;21 dagen over de termijn;');
    const json = JSON.parse(fixture.read('vragen/register.json'));
    expect(json).toMatchObject({ beantwoordingstermijnDagen: 30, standOp: '2025-03-01' });
    // Counted by the year asked: the resident's questions have no known date asked, so they are in no year.
    expect(fixture.read('data/vragen-per-jaar.csv')).toContain('2024;2;2;35;50');
  });

  it('links an answer and its questions letter both ways', () => {
    expect(textOf(fixture.read('stukken/antwoord-laat/index.html'))).toContain('Brief met de vragen Schriftelijke vragen over wachttijden in de jeugdzorg');
    expect(textOf(fixture.read('stukken/vragen-laat/index.html'))).toContain('Antwoord Antwoorden op vragen over wachttijden in de jeugdzorg');
  });

  it('has a page per motion with its submitters, meeting and status history', () => {
    const text = textOf(fixture.read('moties/sterke-wijkteams-2024-07-11/index.html'));
    expect(text).toContain('Ingediend door Lokaal Belang Groen Almelo');
    expect(text).toContain('Raadsvergadering 11 juli 2024');
    expect(text.indexOf('Eerste brief')).toBeLessThan(text.indexOf('Tweede brief'));
    expect(text).toMatch(/Status Afgehandeld/);
    expect(textOf(fixture.read('moties/status/afgehandeld/index.html'))).toContain('Sterke wijkteams');
  });

  it('lists commitments open and done, with the letters that made and closed them and an overdue one marked', () => {
    const html = fixture.read('toezeggingen/index.html');
    const done = item(html, 'toezegging-wachttijden-cijfers');
    expect(done).toContain('Afgedaan');
    expect(done).toContain('Toegezegd in Antwoorden op vragen over wachttijden in de jeugdzorg');
    expect(done).toContain('Afgedaan in Antwoorden op vragen over schoolzwemmen');
    expect(item(html, 'toezegging-evaluatie-wijkteams')).toContain('Termijn verstreken');
  });

  it('gives fracties and raadsleden a page with their questions and motions', () => {
    const fractie = textOf(fixture.read('fracties/lokaal-belang/index.html'));
    expect(fractie).toContain('Wachttijden jeugdzorg');
    expect(fractie).toContain('Openingstijden bibliotheek');
    expect(fractie).toContain('Sterke wijkteams');
    expect(textOf(fixture.read('raadsleden/a-jansen/index.html'))).toContain('Wachttijden jeugdzorg');
  });

  it('puts the registers in the sitemap', () => {
    const sitemap = fixture.read('sitemap-0.xml');
    for (const path of ['vragen/', 'toezeggingen/', 'moties/sterke-wijkteams-2024-07-11/', 'fracties/lokaal-belang/', 'raadsleden/a-jansen/']) expect(sitemap).toContain(path);
  });
});

describe('the check', () => {
  it('reports a commitment closed twice, closed before it was made and closed but never made, with file and line', () => {
    const copy = copyFixture('registers');
    const stukken = join(copy.content, 'stukken');
    writeFileSync(join(stukken, 'nog-eens.md'), '---\ntype: raadsinformatiebrief\ntitel: Nog eens\norganisatie: almelo\ndatum: 2024-08-01\nafgedaan:\n  - wachttijden-cijfers\n  - bestaat-niet\n---\nTekst.\n');
    writeFileSync(join(stukken, 'te-vroeg.md'), '---\ntype: raadsinformatiebrief\ntitel: Te vroeg\norganisatie: almelo\ndatum: 2024-02-01\nafgedaan: [evaluatie-wijkteams]\n---\nTekst.\n');
    const { errors } = checkArchive({ contentRoot: copy.content, dataRoot: basisData });
    const found = errors.map((e) => [e.file.replace(/^.*\//, ''), e.line, e.message]);
    expect(found).toEqual(expect.arrayContaining([
      ['nog-eens.md', 7, expect.stringContaining('"wachttijden-cijfers" is al afgedaan in')],
      ['nog-eens.md', 8, 'afgedaan: toezegging "bestaat-niet" is in geen enkele brief gedaan'],
      ['te-vroeg.md', 6, expect.stringContaining('vóór zij werd gedaan')],
    ]));
  });
});
