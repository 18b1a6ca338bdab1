/**
 * The fields of a letterhead laid out in a side column or a table: a label
 * (`Datum`, `Ons kenmerk`, `Behandeld door`, …) with its value on the same
 * line, to its right on the same row, on the lines below it, or — when a
 * column lists its labels first and its values after — the value in the
 * same order further down. A date or a kenmerk that stands above its label
 * is found by its shape.
 */
import { sameRow, type PlacedLine } from './layout-lines';
import { parseDutchDate } from './letterhead';

/** The label as the letterhead reading (letterhead.ts) knows it. */
export type FieldLabel = 'Retouradres' | 'Bezoekadres' | 'Postadres' | 'Telefoon' | 'E-mail' | 'Internet' | 'Datum' | 'Uw kenmerk' | 'Uw brief van' | 'Ons kenmerk' | 'Behandeld door' | 'Bijlage(n)' | 'Onderwerp' | 'Verzonden' | 'Aan';

const LABELS: Array<[RegExp, FieldLabel]> = [
  [/^retouradres/i, 'Retouradres'],
  [/^bezoekadres/i, 'Bezoekadres'],
  [/^post\s?adres/i, 'Postadres'],
  [/^(?:telefoon(?:nummer)?|tel\.|doorkies(?:nummer)?)/i, 'Telefoon'],
  [/^e-?mail(?:adres)?/i, 'E-mail'],
  [/^(?:internet|website)/i, 'Internet'],
  [/^(?:datum|verzenddatum)/i, 'Datum'],
  [/^uw\s+(?:kenmerk|referentie)/i, 'Uw kenmerk'],
  [/^uw\s+(?:brief|e-?mail)(?:\s+van)?/i, 'Uw brief van'],
  [/^(?:ons\s+)?kenmerk|^zaaknummer|^registratienummer|^ons\s+nummer/i, 'Ons kenmerk'],
  [/^(?:behandeld\s+door|contactpersoon|inlichtingen\s+bij)/i, 'Behandeld door'],
  [/^bijlage\(n\)|^bijlagen?/i, 'Bijlage(n)'],
  [/^(?:onderwerp|betreft)/i, 'Onderwerp'],
  [/^verzonden/i, 'Verzonden'],
];

export interface Field {
  label: FieldLabel;
  value: string[];
  /** The line with the label. */
  line: PlacedLine;
}

interface Labelled {
  label: FieldLabel;
  inline: string;
}

/** The label a line starts with, and what follows it on the line. "Aan" counts only with a colon: "Aan de raad" is an address. */
export function fieldLabel(text: string): Labelled | undefined {
  const aan = /^aan\s*:\s*(.*)$/i.exec(text);
  if (aan) return { label: 'Aan', inline: aan[1]!.trim() };
  for (const [pattern, label] of LABELS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length);
    if (rest && !/^\s*:|^\s/.test(rest)) return undefined;
    return { label, inline: rest.replace(/^\s*:?\s*/, '').trim() };
  }
  return undefined;
}


/** Whether `text` can be the value of `label`: a date for Datum, something with digits for a kenmerk. */
function fits(label: FieldLabel, text: string): boolean {
  if (fieldLabel(text)) return false;
  if (label === 'Datum' || label === 'Verzonden' || label === 'Uw brief van') return !!parseDutchDate(text) || (label === 'Uw brief van' && text === '-');
  if (label === 'Ons kenmerk' || label === 'Uw kenmerk') return (/\d/.test(text) && text.length <= 40) || /^[-–]$/.test(text);
  if (label === 'Telefoon') return /\d/.test(text);
  return true;
}

/**
 * Reads the fields of the given lines (a side column, the lines above the
 * salutation). Returns the fields in the order of their labels, and the
 * lines that belong to no field (the sender's name and address, the
 * addressee).
 */
export function readFields(lines: ReadonlyArray<PlacedLine>): { fields: Field[]; rest: PlacedLine[] } {
  const sorted = [...lines].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  const labels = new Map<PlacedLine, Labelled>();
  for (const line of sorted) {
    const labelled = fieldLabel(line.text);
    if (labelled) labels.set(line, labelled);
  }
  const fields = new Map<PlacedLine, Field>();
  const used = new Set<PlacedLine>(labels.keys());
  const fieldOf = (line: PlacedLine) => fields.get(line) ?? fields.set(line, { label: labels.get(line)!.label, value: [], line }).get(line)!;
  for (const [line, { inline }] of labels) if (inline) fieldOf(line).value.push(inline);

  // The value to the right on the same row (a table), with the lines below it in its column.
  const onLabelRow = (line: PlacedLine) => [...labels.keys()].some((l) => l.page === line.page && sameRow(l, line));
  for (const [line, { label, inline }] of labels) {
    if (inline) continue;
    const right = sorted.filter((l) => !used.has(l) && l.page === line.page && sameRow(l, line) && l.x > line.right && l.x - line.right < 14 * line.size && fits(label, l.text)).sort((a, b) => a.x - b.x)[0];
    if (!right) continue;
    const field = fieldOf(line);
    field.value.push(right.text);
    used.add(right);
    let last = right;
    for (const below of sorted.filter((l) => l.page === right.page && l.y > right.y && Math.abs(l.x - right.x) <= right.size)) {
      if (used.has(below) || below.y - last.y > 1.8 * right.size || onLabelRow(below)) break;
      field.value.push(below.text);
      used.add(below);
      last = below;
    }
  }

  // Per column, top to bottom: the labels just above a line wait for it, in order
  // ("Datum", "Kenmerk", then "11 januari 2021", "2020-13953"), each taking what fits it.
  for (const column of columns(sorted)) {
    let waiting: PlacedLine[] = [];
    let afterLabel = false;
    let open: { field: Field; last: PlacedLine } | undefined;
    let previous: PlacedLine | undefined;
    for (const line of column) {
      if (previous && previous.page === line.page && line.y - previous.y > 2.6 * line.size) open = undefined;
      previous = line;
      if (labels.has(line)) {
        if (!afterLabel) waiting = [];
        afterLabel = true;
        const field = fields.get(line);
        if (field?.value.length) open = { field, last: line };
        else {
          waiting.push(line);
          open = undefined;
        }
        continue;
      }
      if (afterLabel) {
        // Fewer values than labels waiting: the labels nearest to the values are theirs ("Uw kenmerk" left empty).
        const values = column.slice(column.indexOf(line)).findIndex((l) => labels.has(l));
        const count = values < 0 ? column.length - column.indexOf(line) : values;
        if (count < waiting.length) waiting = waiting.slice(waiting.length - count);
      }
      afterLabel = false;
      if (used.has(line)) continue;
      const index = waiting.findIndex((w) => fits(labels.get(w)!.label, line.text));
      if (index >= 0) {
        const field = fieldOf(waiting[index]!);
        field.value.push(line.text);
        used.add(line);
        waiting.splice(index, 1);
        open = { field, last: line };
      } else if (open && line.y - open.last.y <= 1.8 * line.size && open.field.label !== 'Datum' && open.field.label !== 'Ons kenmerk') {
        open.field.value.push(line.text);
        used.add(line);
        open.last = line;
      } else open = undefined;
    }
  }

  // A date or kenmerk above its label.
  for (const [line, { label }] of labels) {
    if ((label !== 'Datum' && label !== 'Ons kenmerk') || fields.get(line)?.value.length) continue;
    const above = sorted.filter((l) => !used.has(l) && l.page === line.page && l.y < line.y && line.y - l.y <= 4 * line.size && Math.abs(l.x - line.x) <= 2 * line.size && fits(label, l.text)).sort((a, b) => b.y - a.y)[0];
    if (above) {
      fieldOf(line).value.push(above.text);
      used.add(above);
    }
  }

  return {
    fields: [...fields.values()].filter((f) => f.value.length).sort((a, b) => a.line.page - b.line.page || a.line.y - b.line.y),
    rest: sorted.filter((l) => !used.has(l)),
  };
}

/** Lines grouped by where they start: each group a column, top to bottom. */
function columns(lines: ReadonlyArray<PlacedLine>): PlacedLine[][] {
  const groups: PlacedLine[][] = [];
  for (const line of [...lines].sort((a, b) => a.x - b.x)) {
    const group = groups.find((g) => g[0]!.page === line.page && Math.abs(g[0]!.x - line.x) <= 1.5 * line.size);
    if (group) group.push(line);
    else groups.push([line]);
  }
  return groups.map((g) => g.sort((a, b) => a.y - b.y));
}
