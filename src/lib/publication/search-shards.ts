/**
 * The search index comes in shards: contiguous ranges of years, newest first,
 * and one shard for briefings without a year. Each shard is its own Pagefind
 * bundle in `pagefind/<shard>/`. The search page carries a small manifest
 * (each shard's years, organisations and size) and asks only the shards a
 * query needs, newest first; a signpost bundle says which shards hold a word.
 *
 * Which shard a year falls in depends only on the archive as it is: a year goes
 * to shard number ⌊(pages of all older years) / target⌋, and years with the same
 * number share a shard. Letters added to the newest year change no older year's
 * number, so they touch the newest shard only; a letter added to an old year
 * moves a later year to another shard only when it pushes the count before that
 * year over a multiple of the target, and then moves just that year. No build
 * order, no history: a cold build and a rebuild make the same shards.
 */

/** The shard of briefings whose date names no year (`datum: onbekend`). */
export const UNDATED_SHARD = 'zonder-jaar';

/**
 * Pages (briefings and their files) a shard holds before the next one starts.
 * Measured at 100,000 briefings (README, "Zoeken in een groot archief"): the
 * first results of a shard cost its page list and its part of the word list,
 * which for shards of 13,000 pages took a phone on a slow line over 4 s; the
 * count over all shards costs a few requests a shard, so not many more.
 */
export const DEFAULT_SHARD_PAGES = 6_000;

/** A page as far as sharding goes: its year (from the filter "jaar") and its organisations. */
export interface ShardedPage {
  year: number | undefined;
  organisations: readonly string[];
}

/** One shard as the search page sees it. */
export interface Shard {
  /** Folder name below `pagefind/`: `2019`, `2011-2013` or `zonder-jaar`. */
  id: string;
  /** Its years, newest first, as the filter "jaar" spells them; none for the undated shard. */
  years: string[];
  /** The values of the filter "organisatie" its pages carry. */
  organisations: string[];
  pages: number;
}

const shardId = (years: number[]) => {
  const newest = Math.max(...years);
  const oldest = Math.min(...years);
  return newest === oldest ? String(newest) : `${oldest}-${newest}`;
};

/** Which shard each year goes to, by the rule above; `pagesOfYear` counts every page of the year. */
export function shardYears(pagesOfYear: ReadonlyMap<number, number>, target: number): number[][] {
  const groups = new Map<number, number[]>();
  let before = 0;
  for (const year of [...pagesOfYear.keys()].sort((a, b) => a - b)) {
    const number = Math.floor(before / target);
    groups.set(number, [...(groups.get(number) ?? []), year]);
    before += pagesOfYear.get(year)!;
  }
  return [...groups.values()].map((years) => years.sort((a, b) => b - a)).reverse();
}

export interface ShardPlan {
  /** Newest first, the undated shard last. */
  shards: Shard[];
  shardOf(page: Pick<ShardedPage, 'year'>): string;
}

export function planShards(pages: Iterable<ShardedPage>, target: number): ShardPlan {
  const pagesOfYear = new Map<number, number>();
  const all = [...pages];
  for (const { year } of all) if (year !== undefined) pagesOfYear.set(year, (pagesOfYear.get(year) ?? 0) + 1);
  const shardOfYear = new Map<number, string>();
  for (const years of shardYears(pagesOfYear, target)) for (const year of years) shardOfYear.set(year, shardId(years));
  const shardOf = ({ year }: Pick<ShardedPage, 'year'>) => (year === undefined ? UNDATED_SHARD : shardOfYear.get(year)!);

  const byId = new Map<string, { years: Set<number>; organisations: Set<string>; pages: number }>();
  for (const page of all) {
    const id = shardOf(page);
    const shard = byId.get(id) ?? { years: new Set(), organisations: new Set(), pages: 0 };
    if (page.year !== undefined) shard.years.add(page.year);
    for (const organisation of page.organisations) shard.organisations.add(organisation);
    shard.pages++;
    byId.set(id, shard);
  }
  const newest = (shard: { years: Set<number> }) => (shard.years.size ? Math.max(...shard.years) : -Infinity);
  const shards = [...byId]
    .sort(([, a], [, b]) => newest(b) - newest(a))
    .map(([id, shard]) => ({
      id,
      years: [...shard.years].sort((a, b) => b - a).map(String),
      organisations: [...shard.organisations].sort((a, b) => a.localeCompare(b, 'nl')),
      pages: shard.pages,
    }));
  return { shards, shardOf };
}

/**
 * A Pagefind bundle beside the shards with one record per shard, holding every
 * word of that shard: a search in it, with Pagefind's own stemming and prefix
 * matching, names the shards that can have results for the words.
 */
export const SHARD_SIGNPOST = 'wegwijzer';
export const signpostUrl = (shard: string) => `/${SHARD_SIGNPOST}/${shard}/`;
export const shardOfSignpostUrl = (url: string) => /\/([^/]+)\/$/.exec(url)?.[1];

/** The manifest the search page carries: Dutch keys, since a webmaster may read it in the page source. */
export interface ShardManifest {
  /** Each shard with its years, organisations, size, and the id of its record in the signpost. */
  delen: { id: string; jaren: string[]; organisaties: string[]; paginas: number; wegwijzer: string }[];
}

export function shardManifest(shards: readonly Shard[], signpostIds: ReadonlyMap<string, string> = new Map()): ShardManifest {
  return { delen: shards.map((s) => ({ id: s.id, jaren: s.years, organisaties: s.organisations, paginas: s.pages, wegwijzer: signpostIds.get(s.id) ?? '' })) };
}

/** The attribute of the search form that carries the manifest; rendered empty, filled in once the index exists. */
export const MANIFEST_ATTRIBUTE = 'data-zoekdelen';

const MANIFEST_IN_PAGE = new RegExp(`(\\s${MANIFEST_ATTRIBUTE}=")[^"]*(")`);

export function embedShardManifest(html: string, manifest: ShardManifest): string {
  if (!MANIFEST_IN_PAGE.test(html)) throw new Error(`Zoekindex: de zoekpagina heeft geen ${MANIFEST_ATTRIBUTE}-attribuut om de delen van de index in te zetten`);
  const value = JSON.stringify(manifest).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return html.replace(MANIFEST_IN_PAGE, (_, before: string, after: string) => `${before}${value}${after}`);
}

/** The manifest a built search page carries, or undefined when it carries none. */
export function shardManifestOfPage(html: string): ShardManifest | undefined {
  const value = MANIFEST_IN_PAGE.exec(html)?.[0].replace(/^\s[^=]+="|"$/g, '');
  return value ? (JSON.parse(value.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as ShardManifest) : undefined;
}

/**
 * The shards a search with these filters needs, newest first: a year or an
 * organisation rules out every shard that has none of its pages; any other
 * filter is answered by every shard.
 */
export function shardsFor<T extends ShardManifest['delen'][number]>(shards: readonly T[], filters: Readonly<Record<string, string>>): T[] {
  return shards.filter((shard) => (!filters.jaar || shard.jaren.includes(filters.jaar)) && (!filters.organisatie || shard.organisaties.includes(filters.organisatie)));
}

const FILTER_OF = (name: string) => new RegExp(`<[a-z][^>]*\\sdata-pagefind-filter="${name}(?::([^"]*))?"[^>]*>([^<]*)<`, 'g');
const JAAR_FILTER = FILTER_OF('jaar');
const ORGANISATIE_FILTER = FILTER_OF('organisatie');

/** Every value a page gives a filter, in both of Pagefind's forms (`<span data-pagefind-filter="jaar">2024</span>`, `jaar:2024`). */
function filterValues(html: string, filter: RegExp): Set<string> {
  const values = new Set<string>();
  for (const match of html.matchAll(filter)) values.add(decodeEntities((match[1] ?? match[2] ?? '').trim()));
  return values;
}

/** Astro escapes text; the filter value Pagefind indexes is the text itself. */
const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" })[entity]!);

/**
 * The year a briefing page files itself under, read from the `jaar` filter
 * Pagefind will index. The shard then always agrees with the filter a reader sets.
 */
export function yearOfPage(html: string, where: string): number | undefined {
  const years = filterValues(html, JAAR_FILTER);
  if (years.size === 0) return undefined;
  if (years.size > 1) throw new Error(`${where}: de pagina noemt meer dan één jaar voor de zoekfilter (${[...years].join(', ')}); een stuk hoort in één jaar`);
  const [year] = years;
  if (!/^\d{4}$/.test(year!)) throw new Error(`${where}: "${year}" is geen jaartal voor de zoekfilter jaar`);
  return Number(year);
}

/** The organisations a page files itself under, from the filter "organisatie". */
export function organisationsOfPage(html: string): string[] {
  return [...filterValues(html, ORGANISATIE_FILTER)];
}
