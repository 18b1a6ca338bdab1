/**
 * A table saved by Dutch Excel (semicolons, decimal comma, thousands dots,
 * Windows-1252) next to a YAML description reads and renders exactly like the
 * same table typed in YAML; mistakes name the CSV file and line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsv, parseDutchNumber, readCsvRows } from '../src/lib/datasets/csv';
import { readDatasets, type TableDataset } from '../src/lib/datasets/load';
import { renderDataTable } from '../src/render/data-table';

const fixture = join(import.meta.dirname, 'fixtures/csv/data');

describe('Dutch numbers', () => {
  it('read the way Excel writes them', () => {
    expect(parseDutchNumber('1.432')).toBe(1432);
    expect(parseDutchNumber('12,3')).toBe(12.3);
    expect(parseDutchNumber('€ 16.143')).toBe(16143);
    expect(parseDutchNumber('12,3%')).toBe(12.3);
    expect(parseDutchNumber('-1.250,5')).toBe(-1250.5);
    expect(parseDutchNumber('')).toBeNull();
    expect(parseDutchNumber('-')).toBeNull();
    expect(parseDutchNumber('1,432.5')).toBeUndefined();
    expect(parseDutchNumber('veel')).toBeUndefined();
  });
});

describe('CSV datasets', () => {
  it('decode Windows-1252 and UTF-8 with BOM', () => {
    expect(decodeCsv(Uint8Array.from([0x80, 0x20, 0x35])).text).toBe('€ 5');
    expect(decodeCsv(new TextEncoder().encode('\uFEFF€ 5'))).toEqual({ text: '€ 5', encoding: 'utf-8' });
  });

  it('render identically to the same table in YAML', () => {
    const { datasets, problems } = readDatasets(fixture);
    expect(problems).toEqual([]);
    const fromCsv = datasets.get('excel-tabel') as TableDataset;
    const fromYaml = datasets.get('excel-tabel-yaml') as TableDataset;
    expect(fromCsv.rows.map((r) => [r.cells, r.kind])).toEqual(fromYaml.rows.map((r) => [r.cells, r.kind]));
    const strip = (html: string) => html.replace(/excel-tabel(-yaml)?/g, 'X');
    expect(strip(renderDataTable(fromCsv, { number: 1 }))).toBe(strip(renderDataTable(fromYaml, { number: 1 })));
    expect(fromCsv.rowsFile).toMatch(/excel-tabel\.csv$/);
    expect(fromCsv.rows[3]!.line).toBe(5);
  });

  it('name the CSV file, line and column of a cell that is not a number', () => {
    const columns = [
      { id: 'a', label: 'Gemeente', type: 'tekst' as const },
      { id: 'b', label: 'Jeugdigen', type: 'aantal' as const },
    ];
    const { problems } = readCsvRows('Gemeente;Jeugdigen\nAlmelo;20.961\nBorne;veel\n', 'data/x.csv', columns);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'data/x.csv', line: 3, column: 2, message: 'kolom “Jeugdigen”: “veel” is geen getal' }),
    ]);
    expect(readCsvRows('Gemeente\nAlmelo\n', 'data/x.csv', columns).problems[0]!.message).toBe('de kopregel heeft 1 kolommen, de YAML noemt er 2 (Gemeente, Jeugdigen)');
  });
});

describe('CSV as Excel really saves it', () => {
  const columns = [
    { id: 'gemeente', label: 'Gemeente', type: 'tekst' as const },
    { id: 'kosten', label: 'Kosten', type: 'bedrag' as const },
  ];

  it('ignores rows and cells that Excel leaves empty (;;;)', () => {
    const { rows, lines, problems } = readCsvRows('Gemeente;Kosten;;\r\nAlmelo;€ 1.234;;\r\n;;;\r\nBorne;5;;\r\n;;;\r\n', 'data/x.csv', columns);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.cellen)).toEqual([['Almelo', 1234], ['Borne', 5]]);
    expect(lines).toEqual([2, 4]);
  });

  it('skips a title above the column names when told, and says how when not', () => {
    const sheet = 'Tabel 1. Kosten per gemeente;;\r\n;;\r\nGemeente;Kosten\r\nAlmelo;1.234\r\n';
    const untold = readCsvRows(sheet, 'data/x.csv', columns);
    expect(untold.problems).toEqual([
      expect.objectContaining({ line: 1, message: 'de eerste regel (“Tabel 1. Kosten per gemeente”) lijkt een titel, niet de kolomnamen', hint: expect.stringContaining('csv: { overslaan: 2 }') }),
    ]);
    const told = readCsvRows(sheet, 'data/x.csv', columns, { kopregel: true, overslaan: 2 });
    expect(told.problems).toEqual([]);
    expect(told.rows.map((r) => r.cellen)).toEqual([['Almelo', 1234]]);
    expect(told.lines).toEqual([4]);
  });

  it('never drops a first row of data as if it were the column names', () => {
    const sheet = 'Almelo;1.234\r\nBorne;5\r\n';
    expect(readCsvRows(sheet, 'data/x.csv', columns).problems[0]).toMatchObject({
      line: 1,
      message: 'de eerste regel bevat getallen (“1.234”), geen kolomnamen',
      hint: expect.stringContaining('csv: { kopregel: false }'),
    });
    expect(readCsvRows(sheet, 'data/x.csv', columns, { kopregel: false, overslaan: 0 }).rows.map((r) => r.cellen)).toEqual([['Almelo', 1234], ['Borne', 5]]);
  });

  it('takes csv: options from the YAML description and checks them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-csv-'));
    writeFileSync(join(dir, 'kosten.yaml'), 'titel: Kosten\nbron: Test\nperiode: "2024"\ncsv: { kopregel: false }\nkolommen:\n  - { id: gemeente, label: Gemeente, type: tekst }\n  - { id: kosten, label: Kosten, type: bedrag }\n');
    writeFileSync(join(dir, 'kosten.csv'), Buffer.from('Almelo;\x80 1.234\r\nHengelo;\x80 2.000,50\r\n', 'latin1'));
    writeFileSync(join(dir, 'fout.yaml'), 'titel: Fout\nbron: Test\nperiode: "2024"\ncsv: { kopregel: nee }\nkolommen:\n  - { id: gemeente, label: Gemeente, type: tekst }\n');
    writeFileSync(join(dir, 'fout.csv'), 'Gemeente\r\nAlmelo\r\n');
    writeFileSync(join(dir, 'los.yaml'), 'titel: Los\nbron: Test\nperiode: "2024"\ncsv: { overslaan: 1 }\nkolommen:\n  - { id: gemeente, label: Gemeente, type: tekst }\nrijen:\n  - [Almelo]\n');
    const { datasets, problems } = readDatasets(dir);
    expect((datasets.get('kosten') as TableDataset).rows.map((r) => r.cells)).toEqual([['Almelo', 1234], ['Hengelo', 2000.5]]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringContaining('kopregel is true of false') }),
      expect.objectContaining({ line: 4, message: 'csv: er staat geen los.csv naast dit bestand' }),
    ]);
  });
});
