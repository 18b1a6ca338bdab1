/**
 * Which page numbers a listing's pagination shows. Linking every page made each
 * page of /archief/ grow with the archive (2,000 links on each of 2,000 pages at
 * 100,000 briefings); a window around the current page plus the first and the
 * last keeps every page the same size and every page two steps away.
 */
export type PageLink = { page: number } | { gap: true };

/** First, last, and `radius` pages either side of the current one; a gap where numbers are left out. */
export function pageWindow(current: number, last: number, radius = 2): PageLink[] {
  if (!Number.isInteger(current) || !Number.isInteger(last) || last < 1 || current < 1 || current > last) {
    throw new Error(`pageWindow: pagina ${current} van ${last} bestaat niet`);
  }
  const shown = new Set([1, last]);
  for (let n = Math.max(1, current - radius); n <= Math.min(last, current + radius); n++) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  numbers.forEach((n, i) => {
    const previous = numbers[i - 1];
    // A gap of exactly one page is shown as that page: a link is shorter than "…".
    if (previous !== undefined && n - previous === 2) links.push({ page: n - 1 });
    else if (previous !== undefined && n - previous > 2) links.push({ gap: true });
    links.push({ page: n });
  });
  return links;
}
