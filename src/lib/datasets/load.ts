/**
 * Reads and validates the datasets in data/. Every problem is reported with
 * file and line, and all problems at once; nothing passes silently.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  columnSchema,
  keyFiguresDatasetSchema,
  statusDatasetSchema,
  tableDatasetSchema,
  type Column,
  type KeyFiguresDatasetData,
  type StatusDatasetData,
  type TableDatasetData,
} from '../../schemas/dataset';
import { z } from 'astro/zod';
import { csvOptionsSchema, decodeCsv, readCsvRows } from './csv';
import type { Cell, Row } from './cells';
import { applyDisclosureControl } from './disclosure';
import { ContentError, ContentErrors, type ContentErrorDetails } from '../errors/content-error';
import { dataDir, displayPath } from '../content/paths';
import { parseYaml } from '../formats/yaml';
import { issuesToErrors } from '../errors/zod';
import { hasPlaceholder, stripPlaceholders } from '../content/placeholders';
import { datasetPlaceholderReviews, publishableDataset } from './placeholders';

export interface TableDataset extends Omit<TableDatasetData, 'rijen'> {
  id: string;
  file: string;
  /** The CSV file the rows come from, when they are not in the YAML file. */
  rowsFile?: string;
  rows: Row[];
}

export interface StatusDataset extends StatusDatasetData {
  id: string;
  file: string;
}

export interface KeyFiguresDataset extends KeyFiguresDatasetData {
  id: string;
  file: string;
}

export type Dataset = TableDataset | StatusDataset | KeyFiguresDataset;

/** Parses one dataset file's text. Throws ContentErrors listing every problem. */
/** Rows from a CSV file next to the YAML metadata (Dutch Excel export). */
export interface CsvSource {
  text: string;
  file: string;
}

export function parseDataset(text: string, file: string, id: string, csv?: CsvSource): Dataset {
  let parsed: ReturnType<typeof parseYaml>;
  try {
    parsed = parseYaml(text, file);
  } catch (error) {
    if (error instanceof ContentError) throw new ContentErrors([error.details]);
    throw error;
  }
  const { data, locate } = parsed;
  if (data === null || data === undefined) {
    throw new ContentErrors([{ file, message: 'het bestand is leeg', hint: 'Een dataset heeft minstens titel, bron, kolommen en rijen; zie README.md.' }]);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentErrors([{ file, line: 1, message: 'een dataset begint met velden (titel:, bron:, …), niet met een lijst of losse tekst' }]);
  }
  const kind = (data as Record<string, unknown>).soort;
  // Placeholders are validated as the clerk wrote them and left out after (placeholders.ts): a period that
  // is still "[VUL IN …]" names a period for the schema, and is not shown. A reference date that is only a
  // placeholder is not a date, so it counts as that period when the dataset has none.
  const record = data as Record<string, unknown>;
  if (typeof record.peildatum === 'string' && hasPlaceholder(record.peildatum) && !stripPlaceholders(record.peildatum)) {
    record.periode ??= record.peildatum;
    delete record.peildatum;
  }
  if (kind === 'kerncijfers') {
    const parsed = keyFiguresDatasetSchema.safeParse(data);
    if (!parsed.success) throw new ContentErrors(issuesToErrors(parsed.error.issues, file, locate));
    const figures = publishableDataset(parsed.data);
    const ids = new Set<string>();
    const duplicate = figures.cijfers.findIndex((f) => ids.size === ids.add(f.id).size);
    if (duplicate !== -1) throw new ContentErrors([{ file, ...locate(['cijfers', duplicate, 'id']), message: `cijfer-id "${figures.cijfers[duplicate]!.id}" komt twee keer voor` }]);
    return { ...figures, id, file };
  }
  let csvLines: number[] | undefined;
  if (csv) {
    if (record.rijen !== undefined) {
      throw new ContentErrors([{ file, ...locate(['rijen']), message: `de rijen staan al in ${csv.file}; een YAML-bestand naast een CSV bevat alleen de beschrijving`, hint: 'Haal het blok rijen: weg uit het YAML-bestand.' }]);
    }
    const columns = z.array(columnSchema).safeParse(record.kolommen);
    if (!columns.success) throw new ContentErrors(issuesToErrors(columns.error.issues.map((i) => ({ ...i, path: ['kolommen', ...i.path] })), file, locate));
    const options = csvOptionsSchema.safeParse(record.csv);
    if (!options.success) throw new ContentErrors(issuesToErrors(options.error.issues.map((i) => ({ ...i, path: ['csv', ...i.path] })), file, locate));
    delete record.csv;
    const fromCsv = readCsvRows(csv.text, csv.file, columns.data, options.data);
    if (fromCsv.problems.length) throw new ContentErrors(fromCsv.problems);
    record.rijen = fromCsv.rows;
    csvLines = fromCsv.lines;
  }
  if (!csv && (data as Record<string, unknown> | null)?.csv !== undefined) {
    throw new ContentErrors([{ file, ...locate(['csv']), message: `csv: er staat geen ${id}.csv naast dit bestand`, hint: `Zet het CSV-bestand uit Excel ernaast als ${id}.csv, of haal csv: weg als de rijen in dit bestand staan.` }]);
  }
  const isStatus = kind === 'statusoverzicht';
  const result = isStatus ? statusDatasetSchema.safeParse(data) : tableDatasetSchema.safeParse(data);
  if (!result.success) throw new ContentErrors(issuesToErrors(result.error.issues, file, locate));

  if (isStatus) return { ...publishableDataset(result.data as StatusDatasetData), id, file };

  const table = publishableDataset(result.data as TableDatasetData);
  const errors: ContentErrorDetails[] = [];
  const columnIds = new Set<string>();
  table.kolommen.forEach((column, index) => {
    if (columnIds.has(column.id)) {
      errors.push({ file, ...locate(['kolommen', index, 'id']), message: `kolom-id "${column.id}" komt twee keer voor`, hint: 'Geef elke kolom een eigen id.' });
    }
    columnIds.add(column.id);
  });
  table.kolommen.forEach((column, index) => {
    for (const source of column.somVan ?? []) {
      if (!columnIds.has(source)) {
        errors.push({ file, ...locate(['kolommen', index, 'somVan']), message: `kolom "${column.id}" telt kolom "${source}" op, maar die bestaat niet`, hint: `Bestaande kolommen: ${[...columnIds].join(', ')}.` });
      }
    }
  });

  const rows: Row[] = table.rijen.map((raw, rowIndex) => {
    const line = csvLines ? csvLines[rowIndex] : locate(['rijen', rowIndex])?.line;
    const row: Row = Array.isArray(raw)
      ? { cells: raw, kind: 'gegeven', provisional: false, notes: [], line }
      : { cells: raw.cellen, kind: raw.soort, provisional: raw.voorlopig, notes: raw.noten, line };
    const cellPath = (c?: number) => (Array.isArray(raw) ? ['rijen', rowIndex, ...(c === undefined ? [] : [c])] : ['rijen', rowIndex, 'cellen', ...(c === undefined ? [] : [c])]);
    if (row.cells.length !== table.kolommen.length) {
      const missing = row.cells.length < table.kolommen.length;
      errors.push({
        file,
        ...locate(cellPath()),
        message: `rij ${rowIndex + 1} heeft ${row.cells.length} ${row.cells.length === 1 ? 'cel' : 'cellen'}, de tabel heeft ${table.kolommen.length} kolommen (${table.kolommen.map((k) => k.id).join(', ')})`,
        hint: missing
          ? 'Vul de ontbrekende cel in; schrijf null als de bron geen waarde geeft.'
          : 'Verwijder de overtollige cel of voeg een kolom toe.',
      });
    }
    row.cells.forEach((cell, c) => {
      const column = table.kolommen[c];
      if (!column) return;
      const problem = checkCell(cell, column);
      if (problem) {
        errors.push({ file, ...locate(cellPath(c)), message: `rij ${rowIndex + 1}, kolom "${column.label}": ${problem}` });
      }
    });
    for (const note of row.notes) {
      if (note > table.voetnoten.length) {
        errors.push({ file, ...locate(['rijen', rowIndex, 'noten']), message: `rij ${rowIndex + 1} verwijst naar voetnoot ${note}, maar er ${table.voetnoten.length === 1 ? 'is 1 voetnoot' : `zijn ${table.voetnoten.length} voetnoten`}` });
      }
    }
    // Text columns may be typed as numbers in YAML (years); show them as written.
    row.cells = row.cells.map((cell, c) => (table.kolommen[c]?.type === 'tekst' && typeof cell === 'number' ? String(cell) : cell));
    return row;
  });
  if (errors.length) throw new ContentErrors(errors);

  const { rijen: _rows, ...meta } = table;
  const controlled = table.geheimhouding
    ? applyDisclosureControl(rows, table.kolommen.map((k) => k.type), table.kolommen.map((k) => k.id), table.geheimhouding)
    : rows;
  return { ...meta, id, file, rows: controlled, ...(csv ? { rowsFile: csv.file } : {}) };
}

function checkCell(cell: Cell, column: Column): string | undefined {
  if (cell === null) return undefined;
  if (column.type === 'tekst') return undefined;
  if (typeof cell !== 'number') {
    const looksDutch = typeof cell === 'string' && /^-?[\d.]+(,\d+)?%?$/.test(cell.trim());
    return `"${cell}" is geen getal, maar de kolom is van type ${column.type}${looksDutch ? ' — schrijf getallen zonder punten als duizendtal en met een punt als decimaalteken (20961 of 12.3)' : ''}`;
  }
  if (column.type === 'aantal' && !Number.isInteger(cell) && column.decimalen === undefined) {
    return `${cell} is geen heel getal, maar de kolom telt aantallen`;
  }
  return undefined;
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  result: Dataset | ContentErrors;
  /** Placeholders still in the files, for the check to list. */
  reviews: ContentErrorDetails[];
}
const cache = new Map<string, CacheEntry>();

/**
 * All datasets in data/, keyed by file name without extension. Files are
 * re-read only when they change, so a dev server and a 10,000-page build pay
 * the parsing once.
 */
// A build renders thousands of pages in a second; looking at the files once a
// second keeps the dev server fresh without a stat call per table per page.
const FRESH_FOR_MS = 1000;
let lastRead: { dir: string; at: number; result: ReturnType<typeof readDatasets> } | undefined;

export function loadDatasets(dir: string = dataDir()): Map<string, Dataset> {
  const now = Date.now();
  if (!lastRead || lastRead.dir !== dir || now - lastRead.at > FRESH_FOR_MS) {
    lastRead = { dir, at: now, result: readDatasets(dir) };
  }
  const { datasets, problems } = lastRead.result;
  if (problems.length) throw new ContentErrors(problems);
  return datasets;
}

/**
 * Like loadDatasets, but returns the valid datasets next to the problems of the
 * others, and the points for review: placeholders (`[VUL IN: …]`) the site
 * leaves out until the clerk fills them in.
 */
export function readDatasets(dir: string = dataDir()): { datasets: Map<string, Dataset>; problems: ContentErrorDetails[]; reviews: ContentErrorDetails[] } {
  const datasets = new Map<string, Dataset>();
  const errors: ContentErrorDetails[] = [];
  const reviews: ContentErrorDetails[] = [];
  let names: string[];
  let csvNames = new Set<string>();
  try {
    const all = readdirSync(dir);
    names = all.filter((name) => /\.ya?ml$/i.test(name)).sort();
    csvNames = new Set(all.filter((name) => /\.csv$/i.test(name)));
    for (const orphan of [...csvNames].filter((name) => !names.some((n) => n.replace(/\.ya?ml$/i, '') === name.replace(/\.csv$/i, '')))) {
      errors.push({ file: displayPath(join(dir, orphan)), message: 'bij dit CSV-bestand ontbreekt een YAML-bestand met de beschrijving', hint: `Maak ${orphan.replace(/\.csv$/i, '.yaml')} aan met titel, bron, peildatum of periode en kolommen (zie README.md, “Een tabel uit Excel”).` });
    }
  } catch {
    return { datasets, problems: errors, reviews };
  }
  for (const name of names) {
    const path = join(dir, name);
    const file = displayPath(path);
    const id = name.replace(/\.ya?ml$/i, '');
    const csvPath = join(dir, `${id}.csv`);
    const hasCsv = csvNames.has(`${id}.csv`);
    const stat = statSync(path);
    // The cache key covers the CSV too, so editing the rows in Excel is picked up.
    const csvStat = hasCsv ? statSync(csvPath) : undefined;
    const mtimeMs = Math.max(stat.mtimeMs, csvStat?.mtimeMs ?? 0);
    const size = stat.size + (csvStat?.size ?? 0);
    let entry = cache.get(path);
    if (!entry || entry.mtimeMs !== mtimeMs || entry.size !== size) {
      let result: Dataset | ContentErrors;
      let text: string | undefined;
      let csv: CsvSource | undefined;
      try {
        csv = hasCsv ? { text: decodeCsv(readFileSync(csvPath)).text, file: displayPath(csvPath) } : undefined;
        text = readText(path, file);
        result = parseDataset(text, file, id, csv);
      } catch (error) {
        if (error instanceof ContentErrors) result = error;
        else if (error instanceof ContentError) result = new ContentErrors([error.details]);
        else throw error;
      }
      const published = result instanceof ContentErrors ? undefined : result;
      const entryReviews = [...(text === undefined ? [] : datasetPlaceholderReviews(text, file, published)), ...(csv ? datasetPlaceholderReviews(csv.text, csv.file) : [])];
      entry = { mtimeMs, size, result, reviews: entryReviews };
      cache.set(path, entry);
    }
    if (entry.result instanceof ContentErrors) errors.push(...entry.result.problems);
    else datasets.set(id, entry.result);
    reviews.push(...entry.reviews);
  }
  return { datasets, problems: errors, reviews };
}

/** Reads UTF-8 text, refusing bytes that are not valid UTF-8. */
export function readText(path: string, file: string): string {
  const bytes = readFileSync(path);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    throw new ContentError({
      file,
      message: 'het bestand is geen geldige UTF-8-tekst',
      hint: 'Sla het bestand op als UTF-8 (in Kladblok of Excel: "Opslaan als" → codering UTF-8).',
    });
  }
}

export function getDataset(id: string): Dataset | undefined {
  return loadDatasets().get(id);
}

/** Looks up a dataset for a component, with a message that helps fix a typo. */
export function requireDataset<K extends Dataset['soort']>(
  id: string,
  kind: K,
  where: { file: string; line?: number; column?: number; component: string },
): Extract<Dataset, { soort: K }> {
  const all = loadDatasets();
  const dataset = all.get(id);
  if (!dataset) {
    const close = closestNames(id, [...all.keys()]);
    throw new ContentError({
      file: where.file,
      line: where.line,
      column: where.column,
      message: `${where.component}: dataset "${id}" bestaat niet in ${relative(process.cwd(), dataDir()) || 'data'}/`,
      hint: close.length
        ? `Bedoelde u ${close.map((c) => `"${c}"`).join(' of ')}?`
        : 'Maak het bestand data/' + id + '.yaml aan, of controleer de naam (zonder .yaml).',
    });
  }
  if (dataset.soort !== kind) {
    throw new ContentError({
      file: where.file,
      line: where.line,
      message: `${where.component}: dataset "${id}" is een ${dataset.soort}, geen ${kind}`,
      hint: `Gebruik ${dataset.soort === 'tabel' ? 'data-table / <DataTable> of chart / <Chart>' : dataset.soort === 'statusoverzicht' ? 'status-overview / <StatusOverview>' : 'key-figure / <KeyFigure>'} voor deze dataset.`,
    });
  }
  return dataset as Extract<Dataset, { soort: K }>;
}

/** Names within a few typos of `name`, closest first: "Bedoelde u …?" */
export function closestNames(name: string, candidates: string[], max = 3): string[] {
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .filter(({ distance }) => distance <= Math.max(2, Math.floor(name.length / 4)))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, max)
    .map(({ candidate }) => candidate);
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

export function isTable(dataset: Dataset): dataset is TableDataset {
  return dataset.soort === 'tabel';
}

export function sourceName(dataset: Dataset): string {
  return typeof dataset.bron === 'string' ? dataset.bron : dataset.bron.naam;
}
