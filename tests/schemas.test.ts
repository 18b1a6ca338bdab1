/**
 * The schemas accept what clerks should write and reject mistakes with the
 * file, the line and a Dutch message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBriefing } from '../src/lib/content/check';
import { parseDataset } from '../src/lib/datasets/load';
import { ContentErrors, formatContentError } from '../src/lib/errors/content-error';

function briefingFile(frontmatter: string, body = 'Tekst.\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-schema-'));
  const path = join(dir, 'stuk.md');
  writeFileSync(path, `---\n${frontmatter}\n---\n${body}`);
  return path;
}

const validFrontmatter = `type: vragen-raadslid
titel: Vragen over jeugdzorg
organisatie: almelo
datum: 2024-09-10
kenmerk: UIT-24117010
vragen:
  gesteldDoor: { soort: raadslid, naam: J. de Olde, fractie: Partij Vrij Almelo }
  gesteldOp: 2024-07-30`;

function datasetErrors(text: string): string[] {
  try {
    parseDataset(text, 'data/test.yaml', 'test');
  } catch (error) {
    if (error instanceof ContentErrors) return error.problems.map(formatContentError);
    throw error;
  }
  return [];
}

describe('briefing frontmatter', () => {
  it('accepts a complete Q&A letter', () => {
    const { briefing, errors } = readBriefing(briefingFile(validFrontmatter));
    expect(errors).toEqual([]);
    expect(briefing?.data.datum.iso).toBe('2024-09-10');
  });

  it('rejects an unknown document type with the line and the allowed types', () => {
    const { errors } = readBriefing(briefingFile(validFrontmatter.replace('type: vragen-raadslid', 'type: brief')));
    const text = errors.map(formatContentError).join('\n');
    expect(text).toMatch(/stuk\.md:2:7/);
    expect(text).toContain('"brief" is geen bekend documenttype');
    expect(text).toContain('vragen-raadslid, vragen-inwoner, motie-uitvoering, raadsinformatiebrief, rapportage, notitie, schriftelijke-vragen, woo-besluit');
  });

  it('rejects a missing title and an impossible date', () => {
    const fm = validFrontmatter.replace('titel: Vragen over jeugdzorg\n', '').replace('datum: 2024-09-10', 'datum: 2024-02-30');
    const text = readBriefing(briefingFile(fm)).errors.map(formatContentError).join('\n');
    expect(text).toContain('titel: ontbreekt (verplicht veld)');
    expect(text).toContain('30 februari 2024 bestaat niet');
  });

  it('refuses a name for a resident who asked', () => {
    const fm = validFrontmatter
      .replace('type: vragen-raadslid', 'type: vragen-inwoner')
      .replace('{ soort: raadslid, naam: J. de Olde, fractie: Partij Vrij Almelo }', '{ soort: inwoner, naam: Jan Jansen }');
    const text = readBriefing(briefingFile(fm)).errors.map(formatContentError).join('\n');
    expect(text).toContain('onbekend veld "naam"');
    expect(text).toMatch(/stuk\.md:\d+/);
  });

  it('names the file and line of malformed YAML', () => {
    const text = readBriefing(briefingFile(`${validFrontmatter}\nonderwerpen: [jeugd, zorg`)).errors.map(formatContentError).join('\n');
    expect(text).toMatch(/stuk\.md:\d+:\d+ {2}de voorkant \(frontmatter\) is niet leesbaar/);
  });
});

const table = `titel: Test
bron: Testbron
peildatum: 2024-08-31
kolommen:
  - { id: jaar, label: Jaar, type: tekst }
  - { id: aantal, label: Aantal, type: aantal }
rijen:
  - [2022, 33]
  - [2023, 29]
`;

describe('datasets', () => {
  it('accepts a valid table and keeps years as text', () => {
    const dataset = parseDataset(table, 'data/test.yaml', 'test');
    expect(dataset.soort).toBe('tabel');
    if (dataset.soort === 'tabel') expect(dataset.rows[0].cells).toEqual(['2022', 33]);
  });

  it('reports a row with a missing cell at its line', () => {
    const errors = datasetErrors(table.replace('  - [2023, 29]', '  - [2023]'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^data\/test\.yaml:9:5 {2}rij 2 heeft 1 cel, de tabel heeft 2 kolommen/);
    expect(errors[0]).toContain('schrijf null');
  });

  it('reports a cell of the wrong type at its line and column', () => {
    const errors = datasetErrors(table.replace('[2022, 33]', '[2022, "1.432"]'));
    expect(errors[0]).toMatch(/^data\/test\.yaml:8:1[23] {2}rij 1, kolom "Aantal": "1\.432" is geen getal/);
    expect(errors[0]).toContain('zonder punten als duizendtal');
  });

  it('reports malformed YAML with its line', () => {
    const errors = datasetErrors(table.replace('  - [2023, 29]', '  - [2023, 29'));
    expect(errors[0]).toMatch(/^data\/test\.yaml:\d+:\d+ {2}het YAML-bestand is niet leesbaar/);
  });

  it('requires a reference date or period', () => {
    const errors = datasetErrors(table.replace('peildatum: 2024-08-31\n', ''));
    expect(errors.join('\n')).toContain('noem een peildatum of een periode');
  });

  it('rejects an unknown stoplight status in a status overview', () => {
    const errors = datasetErrors(`soort: statusoverzicht
titel: Thema's
bron: Test
periode: 2018
themas:
  - { id: pleegzorg, thema: Pleegzorg, ontwikkeling: x, streefbeeld: y, status: geel, herkomst: bron }
`);
    expect(errors[0]).toMatch(/^data\/test\.yaml:6:\d+ {2}themas\[0\]\.status: "geel" is geen stoplichtkleur; kies rood, oranje of groen/);
  });
});
