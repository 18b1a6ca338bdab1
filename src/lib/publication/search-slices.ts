/**
 * The search index comes in slices, one Pagefind bundle per year of the
 * briefings and one for briefings without a year; the search page merges them
 * in the browser. A new letter then re-indexes the slice of its year only.
 *
 * The search page names the slices from the archive before the index exists;
 * the index is built from the pages' own `jaar` filter. Both come from the
 * briefing's date, and the build fails when they disagree.
 */

/** The slice of briefings whose date names no year (`datum: onbekend`). */
export const UNDATED_SLICE = 'zonder-jaar';

export function sliceOfYear(year: number | undefined): string {
  return year === undefined ? UNDATED_SLICE : String(year);
}

/** The slices for briefings of these years, newest first, the undated slice last. */
export function searchSlices(years: Iterable<number | undefined>): string[] {
  const known = new Set<number>();
  let undated = false;
  for (const year of years) {
    if (year === undefined) undated = true;
    else known.add(year);
  }
  const slices = [...known].sort((a, b) => b - a).map(String);
  if (undated) slices.push(UNDATED_SLICE);
  return slices;
}

/** How the search form carries the slice list to the browser, and how the build reads it back. */
export const SLICES_ATTRIBUTE = 'data-pagefind-slices';

export function formatSliceList(slices: readonly string[]): string {
  return slices.join(' ');
}

export function parseSliceList(value: string): string[] {
  return value.split(' ').filter(Boolean);
}

/** The slice list rendered on the search page, or undefined when the page carries none. */
export function sliceListOfPage(html: string): string[] | undefined {
  const match = new RegExp(`\\s${SLICES_ATTRIBUTE}="([^"]*)"`).exec(html);
  return match ? parseSliceList(match[1]!) : undefined;
}

const JAAR_FILTER = /<[a-z][^>]*\sdata-pagefind-filter="jaar(?::([^"]*))?"[^>]*>([^<]*)</g;

/**
 * The year a briefing page files itself under, read from the `jaar` filter
 * Pagefind will index (`<span data-pagefind-filter="jaar">2024</span>`, or the
 * `jaar:2024` form). The slice then always agrees with the filter a reader sets.
 */
export function yearOfPage(html: string, where: string): number | undefined {
  const years = new Set<string>();
  for (const match of html.matchAll(JAAR_FILTER)) years.add((match[1] ?? match[2] ?? '').trim());
  if (years.size === 0) return undefined;
  if (years.size > 1) throw new Error(`${where}: de pagina noemt meer dan één jaar voor de zoekfilter (${[...years].join(', ')}); een stuk hoort in één jaar`);
  const [year] = years;
  if (!/^\d{4}$/.test(year!)) throw new Error(`${where}: "${year}" is geen jaartal voor de zoekfilter jaar`);
  return Number(year);
}
