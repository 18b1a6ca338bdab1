/**
 * A table from a letter as a dataset (data/*.yaml): typed columns inferred
 * from the cells, Dutch numbers read as numbers, "-" and empty as no value,
 * and a Totaal or Subtotaal row marked as such. What the letter cannot say —
 * the period the figures cover — is left for the clerk to fill in.
 */
import type { ColumnType, TableDatasetInput } from '../../schemas/dataset';
import { parseDutchNumber } from '../datasets/csv';
import { slugify } from '../formats/slug';

type Cell = string | number | null;

const isEmpty = (cell: string) => /^\s*(?:-|–|—)?\s*$/.test(cell);
const isYear = (cell: string) => /^(?:19|20)\d{2}$/.test(cell.trim());

/** The type of one column from its cells (header excluded), and the cells as the dataset stores them. */
export function inferColumn(label: string, cells: ReadonlyArray<string>): { type: ColumnType; values: Cell[] } {
  const filled = cells.filter((c) => !isEmpty(c));
  const numbers = filled.map((c) => parseDutchNumber(c));
  // Years are labels along an axis, not quantities to add up.
  const numeric = filled.length > 0 && numbers.every((n) => typeof n === 'number') && !(filled.every(isYear) || /^(?:jaar|periode|maand|kwartaal)\b/i.test(label));
  if (!numeric) return { type: 'tekst', values: cells.map((c) => (isEmpty(c) ? null : c.trim())) };
  const type: ColumnType = filled.some((c) => /%\s*$/.test(c)) || /%|percentage|procent/i.test(label)
    ? 'percentage'
    : filled.some((c) => /^\s*€/.test(c)) || /€|bedrag|kosten|euro|budget|uitgaven|lasten|baten/i.test(label)
      ? 'bedrag'
      : (numbers as number[]).every(Number.isInteger)
        ? 'aantal'
        : 'getal';
  return { type, values: cells.map((c) => (isEmpty(c) ? null : (parseDutchNumber(c) as number))) };
}

export interface DatasetDraft {
  /** File name without .yaml, unique in data/. */
  id: string;
  data: TableDatasetInput;
  /** What the clerk must check, in Dutch. */
  toCheck: string[];
}

export interface DatasetContext {
  /** The caption ("Tabel 1: …") or the sentence above the table. */
  caption?: string;
  captionIsTitle: boolean;
  /** "Gemeente Almelo, antwoorden op schriftelijke vragen (kenmerk UIT-24117010)". */
  source: string;
  placeholder: (what: string) => string;
}

export function tableToDataset(rows: ReadonlyArray<ReadonlyArray<string>>, id: string, context: DatasetContext): DatasetDraft {
  const width = Math.max(...rows.map((r) => r.length));
  const [header = [], ...body] = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').replace(/\s*\n\s*/g, ' ').trim()));
  const labels = header.map((h, i) => h || `Kolom ${i + 1}`);
  const ids: string[] = [];
  const columns = labels.map((label, i) => {
    let base = slugify(label).slice(0, 30).replace(/-+$/, '') || `kolom-${i + 1}`;
    if (/^\d/.test(base)) base = `k-${base}`;
    let unique = base;
    for (let n = 2; ids.includes(unique); n++) unique = `${base}-${n}`;
    ids.push(unique);
    return { id: unique, label, ...inferColumn(label, body.map((r) => r[i]!)) };
  });
  const rijen = body.map((row, r) => {
    const cellen = columns.map((c) => c.values[r] ?? null);
    const kind = /^\s*subtotaal\b/i.test(row[0] ?? '') ? 'subtotaal' : /^\s*(?:totaal|eindtotaal)\b/i.test(row[0] ?? '') ? 'totaal' : undefined;
    return kind ? { cellen, soort: kind } : cellen;
  });
  const toCheck = ['de periode of peildatum van de cijfers'];
  const titel = context.caption && context.captionIsTitle ? context.caption : context.placeholder(context.caption ? `titel van de tabel, bijvoorbeeld: ${context.caption}` : 'titel van de tabel');
  if (!context.captionIsTitle) toCheck.unshift('de titel');
  if (columns.some((c) => c.type !== 'tekst')) toCheck.push(`de soort van elke kolom (${columns.map((c) => `${c.label}: ${c.type}`).join('; ')})`);
  return {
    id,
    data: {
      titel,
      bron: context.source,
      // The letter seldom says which moment its figures describe; the check reminds the clerk until it is filled in.
      periode: context.placeholder('periode of peildatum van de cijfers, bijvoorbeeld 2022 – augustus 2024'),
      kolommen: columns.map((c) => ({ id: c.id, label: c.label, type: c.type })),
      rijen: rijen as TableDatasetInput['rijen'],
    },
    toCheck,
  };
}
