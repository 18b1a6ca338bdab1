/**
 * The lines of a letter's pages as the layout reading works on them: each
 * with its page, and the measures of the page's body column. Shared by the
 * running headers (page-furniture.ts), the letterhead (letterhead-fields.ts)
 * and the body (pdf-layout.ts).
 */
import type { PageLine, PageText } from './page-text';

export interface PlacedLine extends PageLine {
  page: number;
  /** The page's height, for telling its top and bottom bands. */
  pageHeight: number;
  /** Read by OCR: no bold, sizes and places approximate. */
  ocr: boolean;
}

/** The column the letter's body runs in, and its usual type. */
export interface BodyColumn {
  left: number;
  right: number;
  /** Font size of the body text. */
  size: number;
  /** Distance from one line's top to the next's within a paragraph. */
  pitch: number;
}

export const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

const percentile = (values: ReadonlyArray<number>, p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : 0;
};

/** Two lines on one row: their baselines (approximately the bottom of the type) meet. */
export const sameRow = (a: PageLine, b: PageLine) => Math.abs(a.y + a.size - (b.y + b.size)) <= 0.45 * Math.max(a.size, b.size);

/**
 * The body column of a set of lines: where most long lines start, where they
 * end, their size and their line spacing.
 */
export function bodyColumn(lines: ReadonlyArray<PlacedLine>, fallback?: BodyColumn): BodyColumn | undefined {
  const longLines = lines.filter((l) => l.text.length >= 30);
  // A page with little running text keeps the letter's column; a letter with none takes what it has.
  if (longLines.length < 3 && fallback) return fallback;
  const long = longLines.length ? longLines : lines;
  if (!long.length) return fallback;
  // The left edge most long lines share, in steps of 3 points.
  const counts = new Map<number, number>();
  for (const l of long) counts.set(Math.round(l.x / 3), (counts.get(Math.round(l.x / 3)) ?? 0) + 1);
  const bucket = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const left = Math.min(...long.filter((l) => Math.round(l.x / 3) === bucket).map((l) => l.x));
  const weights = new Map<number, number>();
  for (const l of lines) weights.set(Math.round(l.size * 2) / 2, (weights.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  const size = [...weights].sort((a, b) => b[1] - a[1])[0]![0];
  const inColumn = long.filter((l) => Math.abs(l.x - left) <= 3 * size);
  const right = percentile(inColumn.map((l) => l.right), 0.9);
  const steps: number[] = [];
  const byPage = new Map<number, PlacedLine[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  for (const pageLines of byPage.values()) {
    const sorted = pageLines.filter((l) => Math.abs(l.size - size) <= 0.15 * size).sort((a, b) => a.y - b.y);
    sorted.forEach((l, i) => {
      const step = i ? l.y - sorted[i - 1]!.y : 0;
      if (step > 0.8 * size && step < 2.2 * size) steps.push(step);
    });
  }
  return { left, right, size, pitch: median(steps) || fallback?.pitch || size * 1.25 };
}

export function placedLines(page: PageText): PlacedLine[] {
  return page.lines.map((line) => ({ ...line, text: joinSpacedWords(line.text.replace(/\u00ad/g, '').replace(/[\s\u00a0]+/g, ' ').trim()), page: page.page, pageHeight: page.height, ocr: page.source === 'ocr' }));
}

/**
 * Words of a letterhead that letter-spaced type splits ("Ge achte", "Da tum")
 * and whose parts are no words of their own, so joining them never glues two
 * real words together.
 */
const SPACED_WORDS = new Set(['geachte', 'datum', 'kenmerk', 'onderwerp', 'betreft', 'retouradres', 'bezoekadres', 'postadres', 'postbus', 'telefoon', 'pagina', 'hoogachtend', 'gemeente', 'besluit', 'wettelijk', 'zienswijze', 'inventarisatie', 'openbaarmaking', 'burgemeester', 'wethouders', 'behandeld', 'doorkiesnummer', 'contactpersoon', 'verzonden']);
/** "Bij lage" is also two words ("bij lage temperaturen"): joined only as a label, before a colon, a number or the line's end. */
const SPACED_LABELS = new Set(['bijlage', 'bijlagen', 'bijlage(n)']);

/** "Ge achte heer" → "Geachte heer", "Da tum: 11 januari" → "Datum: 11 januari". */
export function joinSpacedWords(text: string): string {
  const tokens = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = false;
    for (let n = Math.min(4, tokens.length - i); n >= 2 && !joined; n--) {
      const parts = tokens.slice(i, i + n);
      const word = parts.join('');
      const core = word.replace(/[:,]$/, '');
      const lower = core.toLowerCase();
      const caseFits = /^\p{Lu}/u.test(parts[0]!) && (parts.slice(1).every((p) => /^[\p{Ll}(]/u.test(p)) || parts.every((p) => p === p.toUpperCase()));
      if (!caseFits || !parts.slice(0, -1).every((p) => /^[\p{L}()]+$/u.test(p))) continue;
      const next = tokens[i + n];
      const asLabel = SPACED_LABELS.has(lower) && (word.endsWith(':') || next === undefined || /^[\d:(-]/.test(next));
      if (SPACED_WORDS.has(lower) || asLabel) {
        out.push(word);
        i += n - 1;
        joined = true;
      }
    }
    if (!joined) out.push(tokens[i]!);
  }
  return out.join(' ');
}
