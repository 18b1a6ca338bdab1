/**
 * Page furniture: what a letter prints on its pages around the text — the
 * running header ("Gemeente Amsterdam  Datum 11 januari 2021  Kenmerk
 * 2020-13953  Pagina 2 van 4"), page numbers, a footer with the address.
 * It is no part of the body; what it says (the date, the kenmerk, the
 * sender) is kept as facts the letterhead falls back on.
 */
import type { LetterFacts } from './blocks';
import { sameRow, type PlacedLine } from './layout-lines';
import { parseDutchDate } from './letterhead';

/** A line that is only a page number: "Pagina 2 van 4", "2/4", "- 2 -", "2". */
export const PAGE_NUMBER = /^(?:(?:pagina|blad|pag\.?|page)\s*\d{1,3}(?:\s*(?:van|\/|of)\s*\d{1,3})?|\d{1,3}\s*(?:\/|van)\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|\d{1,3})$/i;
/** A page number inside a longer header line: "Pagina 2 van 4", "blad 2/4" (not "zie pagina 3"). */
const PAGE_MENTION = /\b(?:pagina|blad|pag\.?)\s*\d{1,3}\s*(?:van|\/)\s*\d{1,3}\b/i;
/** A whole line that is a field a running header repeats: "Datum 11 januari 2021", "Kenmerk", "Ons kenmerk: Z-21-0012". */
const HEADER_FIELD = /^(?:datum(?:\s*:?\s*\d{1,2}\s+[a-z]+\.?\s+\d{4})?|(?:ons\s+)?kenmerk(?:\s*:?\s*\S*\d\S*)?|zaaknummer(?:\s*:?\s*\S*\d\S*)?)$/i;
/** A header line that has both: "Gemeente Amsterdam  Datum 11 januari 2021  Kenmerk 2020-13953". */
const HEADER_FIELDS = /\bdatum\b.*\d{4}.*\bkenmerk\b\s*:?\s*\S*\d|\bkenmerk\b\s*:?\s*\S*\d.*\bdatum\b.*\d{4}/i;

const band = (line: PlacedLine, top: number, bottom: number) => (line.y < line.pageHeight * top ? 'top' : line.y > line.pageHeight * bottom ? 'bottom' : undefined);
const normalised = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * The furniture of the pages: page numbers in the top or bottom band; lines
 * near the top or bottom that repeat (digits aside) at the same height on
 * most pages; and on the pages after the first, the header above a line that
 * names the page, the date or the kenmerk (a two-page letter repeats nothing).
 */
export function findFurniture(pages: ReadonlyArray<ReadonlyArray<PlacedLine>>): Set<PlacedLine> {
  const furniture = new Set<PlacedLine>();
  const withText = pages.filter((p) => p.length);
  for (const line of withText.flat()) {
    const where = band(line, 0.12, 0.88);
    if (where && (PAGE_NUMBER.test(line.text) || (PAGE_MENTION.test(line.text) && line.text.length < 120))) furniture.add(line);
  }

  // Repeated lines: the same text (digits aside) at about the same height on most pages.
  if (withText.length >= 2) {
    const groups = new Map<string, PlacedLine[]>();
    for (const line of withText.flat()) {
      // Near the edge any line; further in only a short one, as in a header stacked in the margin.
      if (!(band(line, 0.15, 0.9) || (band(line, 0.3, 0.8) && line.text.length <= 40)) || !/\p{L}/u.test(line.text)) continue;
      const key = normalised(line.text);
      groups.set(key, [...(groups.get(key) ?? []), line]);
    }
    // The first page often has a letterhead instead; the others all carry the header.
    const needed = Math.max(2, Math.ceil((withText.length - 1) * 0.6));
    const repeated = new Set<PlacedLine>();
    for (const lines of groups.values()) {
      for (const anchor of lines) {
        const near = lines.filter((l) => Math.abs(l.y - anchor.y) <= anchor.pageHeight * 0.03);
        if (new Set(near.map((l) => l.page)).size >= needed) near.forEach((l) => repeated.add(l));
      }
    }
    // A line that runs on from or into a line that is not furniture is part of a paragraph that happens to repeat.
    const byPage = new Map(withText.map((lines) => [lines[0]!.page, lines]));
    const inParagraph = (line: PlacedLine) => byPage.get(line.page)!.some((other) => other !== line && !repeated.has(other) && !furniture.has(other) && Math.abs(other.y - line.y) <= 1.8 * line.size && other.x < line.right && other.right > line.x);
    for (let changed = true; changed; ) {
      changed = false;
      for (const line of repeated) if (inParagraph(line)) changed = repeated.delete(line);
    }
    repeated.forEach((l) => furniture.add(l));
  }

  // After the first page: a header whose lowest line names the page, the date or the kenmerk.
  for (const lines of withText.slice(1)) {
    const top = lines.filter((l) => l.y < l.pageHeight * 0.2);
    const cues = top.filter((l) => (PAGE_MENTION.test(l.text) && l.text.length < 120) || PAGE_NUMBER.test(l.text) || HEADER_FIELDS.test(l.text) || (HEADER_FIELD.test(l.text) && l.y < l.pageHeight * 0.15));
    if (!cues.length) continue;
    const lowest = Math.max(...cues.map((l) => l.y));
    const size = Math.max(...cues.map((l) => l.size));
    const from = Math.min(...cues.map((l) => l.x)) - 2 * size;
    const to = Math.max(...cues.map((l) => l.right)) + 2 * size;
    const inHeader = (l: PlacedLine) => l.right >= from && l.x <= to;
    for (const line of top) if (line.y <= lowest + size / 2 && inHeader(line)) furniture.add(line);
    // A label alone as the header's lowest line has its value below it: "Kenmerk" / "2020-13953".
    for (const cue of cues.filter((c) => HEADER_FIELD.test(c.text) && !/\d/.test(c.text))) {
      const value = top.filter((l) => l.y > cue.y && l.y - cue.y <= 1.8 * cue.size && Math.abs(l.x - cue.x) <= cue.size).sort((a, b) => a.y - b.y)[0];
      if (value) furniture.add(value);
    }
    for (const line of top) if ([...furniture].some((f) => f.page === line.page && sameRow(f, line) && inHeader(line))) furniture.add(line);
  }
  return furniture;
}

const KENMERK = /(?<!\buw\s{1,3})\b(?:ons\s+)?(?:kenmerk|zaaknummer|referentie)\b\s*:?\s*([A-Za-z0-9][\w./-]*\d[\w./-]*)/i;
const DATED = /\b(?:datum|verzonden)\b\s*:?\s*([^\n]{0,40}(?:\n[^\n]{0,40})?)/i;

const mostCommon = (values: ReadonlyArray<string>) => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};

/** What the furniture says: the date and kenmerk it repeats, and its other text (the sender's name). */
export function readFacts(lines: ReadonlyArray<PlacedLine>): LetterFacts {
  const byPage = new Map<number, PlacedLine[]>();
  for (const line of lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);
  const dates: string[] = [];
  const kenmerken: string[] = [];
  const other: string[] = [];
  for (const pageLines of byPage.values()) {
    const text = [...pageLines].sort((a, b) => a.y - b.y || a.x - b.x).map((l) => l.text).join('\n');
    const dated = DATED.exec(text);
    const datum = dated ? parseDutchDate(dated[1]!) : undefined;
    if (datum) dates.push(datum);
    const kenmerk = KENMERK.exec(text)?.[1];
    if (kenmerk) kenmerken.push(kenmerk);
    for (const line of pageLines) {
      const rest = line.text
        .replace(PAGE_MENTION, '')
        .replace(/\b(?:datum|verzonden)\b\s*:?\s*(?:\d{1,2}\s+)?[a-z]+\.?\s+\d{4}/i, '')
        .replace(/\b\d{1,2}\s+[a-z]+\.?\s+\d{4}\b/i, '')
        .replace(/\b(?:ons\s+|uw\s+)?(?:kenmerk|zaaknummer|referentie)\b\s*:?\s*(?:[A-Za-z0-9][\w./-]*\d[\w./-]*)?/gi, '')
        .replace(/^\s*(?:datum|onderwerp|betreft)\s*:?\s*$/i, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (/\p{L}{2,}/u.test(rest) && !PAGE_NUMBER.test(rest) && !other.includes(rest)) other.push(rest);
    }
  }
  return {
    ...(dates.length ? { datum: mostCommon(dates) } : {}),
    ...(kenmerken.length ? { kenmerk: mostCommon(kenmerken) } : {}),
    ...(other.length ? { headerText: other.join('\n') } : {}),
  };
}
