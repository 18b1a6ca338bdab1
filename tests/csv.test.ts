/**
 * A table saved by Dutch Excel (semicolons, decimal comma, thousands dots,
 * Windows-1252) next to a YAML description reads and renders exactly like the
 * same table typed in YAML; mistakes name the CSV file and line.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsv, parseDutchNumber, readCsvRows } from '../src/lib/csv';
import { readDatasets, type TableDataset } from '../src/lib/datasets';
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
