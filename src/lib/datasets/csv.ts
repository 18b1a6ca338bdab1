/**
 * Tables as Dutch Excel saves them: `data/<id>.csv` (semicolons, decimal comma,
 * thousands dots, Windows-1252 or UTF-8 with BOM) next to `data/<id>.yaml` with
 * the title, source and column types. The rows become the same rows a YAML
 * table has, so they are validated and rendered the same way.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'astro/zod';
import type { Column } from '../../schemas/dataset';
import type { ContentErrorDetails } from '../errors/content-error';

/**
 * `csv:` in the YAML description, for sheets that do not start with the column
 * names: `overslaan: 2` skips a title and an empty line above them,
 * `kopregel: false` says there are no column names at all.
 */
export const csvOptionsSchema = z
  .strictObject({
    kopregel: z.boolean({ error: 'kopregel is true of false' }).default(true),
    overslaan: z.number({ error: 'overslaan is een aantal regels, bijvoorbeeld 2' }).int().min(0).default(0),
  })
  .default({ kopregel: true, overslaan: 0 });
export type CsvOptions = z.output<typeof csvOptionsSchema>;

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise Windows-1252 as older Excel writes. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** "1.432" → 1432, "12,3" → 12.3, "€ 16.143" → 16143, "12,3%" → 12.3, "" or "-" → null. */
export function parseDutchNumber(raw: string): number | null | undefined {
  const text = raw.replace(/\u00a0/g, ' ').trim();
  if (text === '' || text === '-' || text === '–') return null;
  const cleaned = text.replace(/^€\s*/, '').replace(/\s*%$/, '').replace(/\s/g, '');
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned.replace(/\./g, '').replace(',', '.'));
}

export interface CsvRows {
  /** Rows in the form a YAML table has them. */
  rows: Array<{ cellen: Array<string | number | null>; soort: 'gegeven' | 'subtotaal' | 'totaal'; voorlopig: boolean }>;
  /** Line in the CSV file of each row. */
  lines: number[];
  problems: ContentErrorDetails[];
}

const KINDS = new Set(['gegeven', 'subtotaal', 'totaal']);

export function readCsvRows(text: string, file: string, columns: Column[], options: CsvOptions = { kopregel: true, overslaan: 0 }): CsvRows {
  const problems: ContentErrorDetails[] = [];
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // Dutch Excel separates with semicolons; a comma is then a decimal comma.
    const delimiter = text.split(/\r?\n/, 5).some((line) => line.includes(';')) ? ';' : ',';
    // relax_quotes: a quote inside a cell typed by hand (12" scherm) is read as Excel reads it.
    records = parse(text, { delimiter, from_line: options.overslaan + 1, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, trim: false }) as unknown as typeof records;
    // Excel writes a row it once touched as ";;;" and cells right of the table as trailing ";".
    records = records
      .map(({ record, info }) => {
        const cells = [...record];
        while (cells.length > columns.length && cells[cells.length - 1]!.trim() === '') cells.pop();
        return { record: cells, info };
      })
      .filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  } catch (error) {
    const { lines: line, code } = error as { lines?: number; code?: string };
    const reason =
      code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'een aanhalingsteken (") wordt geopend maar niet gesloten'
        : code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'na een afsluitend aanhalingsteken (") staat nog tekst in dezelfde cel'
          : (error as Error).message;
    return { rows: [], lines: [], problems: [{ file, line, message: `het CSV-bestand is niet leesbaar: ${reason}`, hint: 'Sla het bestand in Excel opnieuw op als “CSV (gescheiden door lijstscheidingsteken)”, of zet een cel met aanhalingstekens zelf tussen "…" met dubbele "" erin.' }] };
  }
  if (!options.kopregel) records.unshift({ record: columns.map((c) => c.label), info: { lines: 0 } });
  const [header, ...body] = records;
  if (!header) return { rows: [], lines: [], problems: [{ file, message: 'het CSV-bestand is leeg', hint: 'De eerste regel bevat de kolomnamen, daarna één regel per rij.' }] };

  if (options.kopregel) {
    const filled = header.record.filter((cell) => cell.trim() !== '');
    const isLabel = (cell: string) => columns.some((column) => column.label.toLowerCase() === cell.trim().toLowerCase());
    if (columns.length > 1 && filled.length === 1 && !isLabel(filled[0]!)) {
      return { rows: [], lines: [], problems: [{ file, line: header.info.lines, message: `de eerste regel (“${filled[0]!.trim()}”) lijkt een titel, niet de kolomnamen`, hint: `Zet csv: { overslaan: ${body[0] ? body[0].info.lines - 1 : options.overslaan + 1} } in het YAML-bestand om de regels boven de kolomnamen over te slaan, of haal de titel weg in Excel.` }] };
    }
    // A header of numbers is a first row of data: without csv: { kopregel: false } it would silently be dropped.
    const numeric = columns.findIndex((column, i) => column.type !== 'tekst' && typeof parseDutchNumber(header.record[i] ?? '') === 'number');
    if (numeric !== -1) {
      return { rows: [], lines: [], problems: [{ file, line: header.info.lines, column: numeric + 1, message: `de eerste regel bevat getallen (“${header.record[numeric]}”), geen kolomnamen`, hint: 'Heeft het werkblad geen kolomnamen? Zet dan csv: { kopregel: false } in het YAML-bestand; anders gaat de eerste rij verloren.' }] };
    }
  }

  // Optional trailing columns, as the archive's own CSV download writes them.
  const names = header.record.map((h) => h.trim().toLowerCase());
  const kindColumn = names.indexOf('rijsoort');
  const provisionalColumn = names.indexOf('voorlopig');
  const dataColumns = names.filter((_, i) => i !== kindColumn && i !== provisionalColumn).length;
  if (dataColumns !== columns.length) {
    problems.push({
      file,
      line: header.info.lines,
      message: `de kopregel heeft ${dataColumns} kolommen, de YAML noemt er ${columns.length} (${columns.map((c) => c.label).join(', ')})`,
      hint:
        options.overslaan === 0 && dataColumns < columns.length
          ? 'Staat er een titel boven de kolomnamen? Zet dan csv: { overslaan: 1 } in het YAML-bestand (het aantal regels boven de kolomnamen).'
          : 'Zorg dat de CSV precies de kolommen uit het YAML-bestand heeft, in dezelfde volgorde; eventueel gevolgd door Rijsoort en Voorlopig.',
    });
    return { rows: [], lines: [], problems };
  }

  const rows: CsvRows['rows'] = [];
  const lines: number[] = [];
  for (const { record, info } of body) {
    const values = record.filter((_, i) => i !== kindColumn && i !== provisionalColumn);
    if (values.length !== columns.length) {
      problems.push({ file, line: info.lines, message: `deze regel heeft ${values.length} cellen, de tabel heeft ${columns.length} kolommen`, hint: 'Een lege cel blijft een lege plek tussen twee puntkomma’s (;;).' });
      continue;
    }
    const cells = values.map((raw, c) => {
      const column = columns[c]!;
      if (column.type === 'tekst') return raw.trim() === '' ? null : raw.trim();
      const value = parseDutchNumber(raw);
      if (value === undefined) {
        problems.push({ file, line: info.lines, column: c + 1, message: `kolom “${column.label}”: “${raw}” is geen getal`, hint: 'Schrijf getallen zoals Excel ze in het Nederlands opslaat: 1.432 of 12,3; laat de cel leeg als de bron geen waarde geeft.' });
        return null;
      }
      return value;
    });
    const kind = kindColumn === -1 ? 'gegeven' : (record[kindColumn]?.trim().toLowerCase() || 'gegeven');
    if (!KINDS.has(kind)) {
      problems.push({ file, line: info.lines, column: kindColumn + 1, message: `rijsoort “${record[kindColumn]}” bestaat niet`, hint: 'Gebruik gegeven, subtotaal of totaal.' });
    }
    const provisional = provisionalColumn !== -1 && /^(ja|j|true|1|x)$/i.test(record[provisionalColumn]?.trim() ?? '');
    rows.push({ cellen: cells, soort: KINDS.has(kind) ? (kind as 'gegeven') : 'gegeven', voorlopig: provisional });
    lines.push(info.lines);
  }
  return { rows, lines, problems };
}
