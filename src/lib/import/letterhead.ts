/**
 * The head of a letter: the fields in its letterhead (a table or lines of
 * "label value"), the address block and the salutation. Only what the letter
 * says is taken; a date without a year stays unknown.
 */
import { MONTH_NAMES } from '../../schemas/partial-date';
import { blockText, type Block, type LetterFacts } from './blocks';

/** "15 juli 2025" → "2025-07-15", "juli 2025" → "2025-07", "15-07-2025" → "2025-07-15"; nothing without a year. */
export function parseDutchDate(text: string): string | undefined {
  const months = MONTH_NAMES.join('|');
  const written = new RegExp(`\\b(?:(\\d{1,2})e?\\s+)?(${months}|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (written) {
    const [, day, monthName, year] = written;
    const month = MONTH_NAMES.findIndex((m) => m.startsWith(monthName!.toLowerCase().replace('mrt', 'maart').slice(0, 3))) + 1;
    return toIso(Number(year), month, day ? Number(day) : undefined);
  }
  const numeric = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/.exec(text);
  if (numeric) return toIso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

function toIso(year: number, month: number, day?: number): string | undefined {
  if (month < 1 || month > 12 || year < 1800 || year > 2200) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (day === undefined) return `${year}-${pad(month)}`;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

export interface Letterhead {
  datum?: string;
  kenmerk?: string;
  onderwerp?: string;
  aan?: string;
  /** Attachments named in the letterhead; empty when it says "-" or "geen". */
  bijlagen: string[];
  /** Lines of the address block: never published, read only to tell a resident from the council. */
  address: string[];
  /** "Geachte heer Hümmels," — never published. */
  salutation?: string;
  /** Text of the letterhead, for finding the sender. */
  text: string;
  /** Index of the first block of the letter's body. */
  bodyStart: number;
}

const LABELS: Array<[RegExp, keyof Pick<Letterhead, 'datum' | 'kenmerk' | 'onderwerp' | 'aan'> | 'bijlagen' | 'skip']> = [
  [/^uw\s+(?:kenmerk|brief|e-?mail)/i, 'skip'],
  [/^(?:ons\s+)?kenmerk|^zaaknummer|^registratienummer/i, 'kenmerk'],
  [/^(?:datum|verzenddatum|verzonden)/i, 'datum'],
  [/^(?:onderwerp|betreft)/i, 'onderwerp'],
  [/^aan\b/i, 'aan'],
  [/^bijlagen?|^bijlage\(n\)/i, 'bijlagen'],
  [/^(?:contactpersoon|behandeld door|telefoon|telefoonnummer|e-?mail|doorkiesnummer|cc|afschrift|van|retouradres|bezoekadres|postadres|internet|website)\b/i, 'skip'],
];
const LABEL_LINE = /^((?:ons |uw )?kenmerk|zaaknummer|registratienummer|datum|verzenddatum|verzonden|onderwerp|betreft|aan|bijlagen?|bijlage\(n\)|contactpersoon|behandeld door|telefoon(?:nummer)?|doorkiesnummer|e-?mail|cc|afschrift|van|retouradres|bezoekadres|postadres|internet|website|uw brief(?: van)?)\s*(?::|\t|\s)\s*(.*)$/i;
const PLACE_AND_DATE = /^\p{Lu}[\p{L}'’. -]{1,40},\s/u;
export const SALUTATION = /^(?:Geachte|Beste|Lieve|Hooggeachte)\b/;

function labelOf(label: string) {
  return LABELS.find(([pattern]) => pattern.test(label.trim()))?.[1];
}

/**
 * Reads the blocks before the salutation. A letter without a salutation has
 * its head up to the first heading or the first paragraph that is a sentence.
 * What the letterhead lacks is taken from `facts`, the running header of a
 * PDF's pages (a letter whose first page is a scan still has its date there).
 */
export function readLetterhead(blocks: ReadonlyArray<Block>, facts: LetterFacts = {}): Letterhead {
  const head: Letterhead = { bijlagen: [], address: [], text: '', bodyStart: 0 };
  const take = (label: string, value: string) => {
    const field = labelOf(label);
    const clean = value.replace(/^[:\s]+/, '').trim();
    if (!field || field === 'skip' || !clean) return false;
    if (field === 'bijlagen') {
      if (!/^(?:-|–|geen|nvt|n\.v\.t\.?|0)$/i.test(clean)) head.bijlagen.push(...clean.split(/\s*(?:\n|;)\s*/).filter((b) => !/^\d+$/.test(b)).filter(Boolean));
    } else if (field === 'datum') head.datum ??= parseDutchDate(clean);
    else if (field === 'kenmerk') head.kenmerk ??= clean.split(/\s/)[0];
    else head[field] ??= clean.replace(/\s*\n\s*/g, ' ');
    return true;
  };
  const texts: string[] = [];
  let index = 0;
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    const text = blockText(block);
    if (block.kind !== 'table' && SALUTATION.test(text)) {
      head.salutation = text;
      index++;
      break;
    }
    if (block.kind === 'table') {
      const labelled = block.rows.filter((row) => row.length >= 2 && labelOf(row[0]!) !== undefined);
      // A table of figures before the salutation is not a letterhead.
      if (labelled.length === 0) break;
      for (const row of block.rows) {
        if (row.length >= 2 && take(row[0]!, row.slice(1).join('\n'))) continue;
        // A letterhead cell can hold several "label: value" lines of its own.
        for (const cell of row) for (const line of cell.split('\n')) {
          const match = LABEL_LINE.exec(line);
          if (!match || !take(match[1]!, match[2]!)) texts.push(line);
        }
      }
      texts.push(text);
      continue;
    }
    if (block.kind === 'heading' && index > 0 && texts.length) break;
    const lines = text.split('\n');
    let labelled = false;
    for (const line of lines) {
      const match = LABEL_LINE.exec(line);
      if (match && take(match[1]!, match[2]!)) labelled = true;
      else if (match && labelOf(match[1]!) === 'skip') labelled = true;
    }
    if (!labelled) {
      // A sentence means the body has begun: this letter has no salutation.
      if (block.kind === 'list' || (/[.!?]$/.test(text) && text.length > 80)) break;
      // "Den Haag, 3 mei 2021", or the date on a line of its own, is the letter's date and no part of the address.
      for (const line of lines) {
        const dated = block.kind === 'paragraph' && !head.datum && (PLACE_AND_DATE.test(line) || line.trim().length <= 25) ? parseDutchDate(line) : undefined;
        if (dated) head.datum = dated;
        else head.address.push(line);
      }
      continue;
    }
    texts.push(text);
  }
  if (!head.salutation && index >= blocks.length) index = 0;
  head.bodyStart = index;
  head.text = [...texts, facts.headerText ?? ''].join('\n').trim();
  head.datum ??= facts.datum;
  head.kenmerk ??= facts.kenmerk;
  // The kenmerk of the municipality often stands on its own: "UIT-24117010".
  head.kenmerk ??= /\b(UIT|INT|ZK|Z)[-/ ]?\d{4,}[\w/-]*/.exec(head.text)?.[0];
  return head;
}

// The sender is read in sender.ts; these stay importable from here.
export { findOrganisation, type OrganisationName } from './sender';
