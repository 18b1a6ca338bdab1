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

/**
 * One page of a long list, newest first. `currentPage` is the reader's number
 * (1 is the newest page); `total` is the length of the whole list, which only
 * the first page shows, because it changes with every new item.
 */
export interface ListPage<T> {
  data: T[];
  currentPage: number;
  lastPage: number;
  total: number;
  url: { current: string; first: string; last: string; prev?: string; next?: string };
  /** The address of the reader's page `n`. */
  urlOf(n: number): string;
}

/**
 * A list cut into pages that stay put when a new item arrives. Pages are blocks
 * of `size` counted from the oldest item and addressed by that block's number
 * (`<base>12/`); the first page, at `<base>`, holds the newest items that fill
 * no block of their own besides one full block (size to 2·size − 1 items). A
 * new letter thus changes the first page only; every `size` letters a block is
 * closed, and the reader's page numbers (shown in every page's navigation) move
 * up by one. With pages counted from the newest, as before, one new letter
 * shifted every page of every list it is in.
 *
 * `items` are newest first; `base` ends in a slash.
 */
export function stablePages<T>(items: readonly T[], size: number, base: string): { block?: string; page: ListPage<T> }[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`stablePages: paginagrootte ${size} is geen positief geheel getal`);
  if (!base.endsWith('/')) throw new Error(`stablePages: "${base}" moet op een / eindigen`);
  const n = items.length;
  const blocks = Math.max(1, Math.floor(n / size));
  // Reader's page p shows block (blocks − p + 1); the first page is the newest, open block.
  const blockOf = (p: number) => blocks - p + 1;
  const urlOf = (p: number) => (p === 1 ? base : `${base}${blockOf(p)}/`);
  return Array.from({ length: blocks }, (_, i) => {
    const p = i + 1;
    const block = blockOf(p);
    const data = p === 1 ? items.slice(0, n - (blocks - 1) * size) : items.slice(n - block * size, n - (block - 1) * size);
    return {
      block: p === 1 ? undefined : String(block),
      page: {
        data,
        currentPage: p,
        lastPage: blocks,
        total: n,
        url: { current: urlOf(p), first: urlOf(1), last: urlOf(blocks), prev: p > 1 ? urlOf(p - 1) : undefined, next: p < blocks ? urlOf(p + 1) : undefined },
        urlOf,
      },
    };
  });
}
