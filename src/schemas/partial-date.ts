/**
 * A date with honest precision, as the content model declares it: a source
 * often gives only a month or a year, and the archive must never show a day it
 * does not know. Parsing lives here, with the schemas that use it; formatting
 * for readers is in src/lib/formats/dates.ts.
 */

export type DatePrecision = 'dag' | 'maand' | 'jaar' | 'onbekend';

export interface PartialDate {
  precision: DatePrecision;
  year?: number;
  month?: number;
  day?: number;
  /** Sortable key: "2024-09-10", "2024-09", "2024" or "" when unknown. */
  iso: string;
}

export const MONTH_NAMES = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parses what a clerk writes in YAML: `2024-09-10`, `2024-09`, `2024` or
 * `onbekend`. YAML turns an unquoted full date into a Date, a bare year into a
 * number; both are accepted. Returns an error text in Dutch instead of throwing,
 * so schemas can report it with the field name.
 */
export function parsePartialDate(input: unknown): PartialDate | { error: string } {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { error: 'is geen geldige datum' };
    return makeDate(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
  }
  if (typeof input === 'number' && Number.isInteger(input)) return makeDate(input);
  if (typeof input !== 'string') {
    return { error: 'moet een datum zijn als 2024-09-10, 2024-09, 2024 of "onbekend"' };
  }
  const text = input.trim();
  if (text === 'onbekend') return { precision: 'onbekend', iso: '' };
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) {
    return { error: `"${text}" is geen datum; schrijf 2024-09-10, 2024-09, 2024 of "onbekend"` };
  }
  const [, y, m, d] = match;
  return makeDate(Number(y), m ? Number(m) : undefined, d ? Number(d) : undefined);
}

function makeDate(year: number, month?: number, day?: number): PartialDate | { error: string } {
  if (year < 1800 || year > 2200) return { error: `jaar ${year} ligt buiten het bereik 1800–2200` };
  if (month === undefined) return { precision: 'jaar', year, iso: String(year) };
  if (month < 1 || month > 12) return { error: `maand ${month} bestaat niet` };
  if (day === undefined) return { precision: 'maand', year, month, iso: `${year}-${pad(month)}` };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || day < 1) {
    return { error: `${day} ${MONTH_NAMES[month - 1]} ${year} bestaat niet` };
  }
  return { precision: 'dag', year, month, day, iso: `${year}-${pad(month)}-${pad(day)}` };
}
