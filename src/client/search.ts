/**
 * The search page: reads the form (also from the address, so a search can be
 * shared as a link), asks the shards of the Pagefind index that can answer it
 * (src/lib/publication/search-shards.ts), newest first, and lists results with
 * type, date and organisation; a PDF or other file also names its briefing.
 * The running count and the final one are announced to screen readers.
 */
import { SHARD_SIGNPOST, shardsFor, type ShardManifest, UNDATED_SHARD } from '../lib/publication/search-shards';

interface Fragment {
  url: string;
  excerpt: string;
  content?: string;
  locations?: number[];
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<Fragment>;
}
interface SearchResponse {
  results: PagefindResult[];
  /** Pages with the words, before filters. */
  unfilteredResultCount: number;
  /** Per filter, the pages with the words for each value, before filters (for the filters the search loaded). */
  totalFilters?: Record<string, Record<string, number>>;
}
interface PagefindInstance {
  search(term: string | null, options: { filters: Record<string, string> }): Promise<SearchResponse>;
  mergeIndex(indexPath: string, options: { baseUrl: string; mergeFilter: Record<string, string> }): Promise<void>;
}
interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string; mergeFilter?: Record<string, string>; noWorker?: boolean }): PagefindInstance;
}
type ShardEntry = ShardManifest['delen'][number];

const form = document.querySelector<HTMLFormElement>('form.ra-zoeken');
const statusLine = document.getElementById('zoekstatus');
const list = document.getElementById('zoekresultaten');
const PAGE = 20;
/** A screen reader hears the running count at most this often; the final count always. */
const ANNOUNCE_EVERY_MS = 1500;

const bundle = form?.dataset.pagefindBundle ?? '/pagefind/';
// Result addresses are relative to the site root; the site may live under a sub-path.
const baseUrl = form?.dataset.base ?? '/';

/** The shards of the index, newest first (see src/lib/publication/search-shards.ts), as the build wrote them into the form. */
const shards: ShardEntry[] = (JSON.parse(form?.dataset.zoekdelen || '{"delen":[]}') as ShardManifest).delen;

/**
 * Pagefind's script, imported once per lane. Every bundle of a lane is searched
 * by one module, so by one web worker; the older shards are counted in two
 * lanes at once, one worker on each core. Each shard is an instance of its
 * own, loaded when a query first needs it.
 */
const modules: Promise<PagefindModule>[] = [];
const instances = new Map<string, Promise<PagefindInstance>>();
function bundleInstance(name: string, lane = 0): Promise<PagefindInstance> {
  // A shard already loaded in either lane is searched there.
  const existing = instances.get(name) ?? instances.get(`${name}\n1`);
  if (existing) return existing;
  // Pagefind's script is the same in every bundle: the signpost's, which the page preloads. A second import under
  // another address is a module of its own, with a worker of its own.
  modules[lane] ??= import(/* @vite-ignore */ `${bundle}${SHARD_SIGNPOST}/pagefind.js${lane ? `?baan=${lane}` : ''}`) as Promise<PagefindModule>;
  // Marked with a filter of its own, so a search can leave out the shards merged into it (see searchShard).
  // The signpost, with the first shard merged into it, searches on the page itself: its searches are small, and
  // the first results do not wait for a worker script to arrive (one request less on a slow line).
  const noWorker = name === SHARD_SIGNPOST && lane === 0;
  const instance = modules[lane].then((module) => module.createInstance({ basePath: `${bundle}${name}/`, baseUrl, mergeFilter: { [SHARD_FILTER]: name }, noWorker }));
  instances.set(lane ? `${name}\n${lane}` : name, instance);
  return instance;
}

const SHARD_FILTER = 'zoekdeel';

/**
 * The shards that can have results for these words, asked of the signpost: a
 * word of one old year costs one small search instead of a search in every
 * shard. Pagefind stems and matches the words there as in the shards, so no
 * shard with a match is left out; a quoted phrase is asked as its words.
 */
async function shardsWithWords(term: string): Promise<Set<string>> {
  const words = term.replace(/"/g, ' ').trim();
  const response = await (await bundleInstance(SHARD_SIGNPOST)).search(words, { filters: { [SHARD_FILTER]: SHARD_SIGNPOST } });
  const found = new Set(response.results.map((result) => result.id));
  return new Set(shards.filter((shard) => found.has(shard.wegwijzer)).map((shard) => shard.id));
}

/** The one shard merged into the signpost's instance, which then needs no WebAssembly of its own. */
let withSignpost: Promise<void> | undefined;
let shardWithSignpost: string | undefined;

/**
 * Searches one shard. The first shard asked after the signpost is merged into
 * the signpost's instance (Pagefind fetches its WebAssembly once per
 * instance, ~60 KB, which a phone on a slow line waits for); the others are
 * instances of their own, so a search in one never ranks another's pages.
 */
async function searchShard(shard: string, term: string, filters: Record<string, string>): Promise<SearchResponse> {
  if (!shardWithSignpost && instances.has(SHARD_SIGNPOST) && !instances.has(shard)) {
    shardWithSignpost = shard;
    withSignpost = bundleInstance(SHARD_SIGNPOST).then((signpost) => signpost.mergeIndex(`${bundle}${shard}/`, { baseUrl, mergeFilter: { [SHARD_FILTER]: shard } }));
  }
  if (shard === shardWithSignpost) {
    await withSignpost;
    return (await bundleInstance(SHARD_SIGNPOST)).search(term || null, { filters: { ...filters, [SHARD_FILTER]: shard } });
  }
  return (await bundleInstance(shard)).search(term || null, { filters });
}

/**
 * How many results a shard has, without ranking them: asked with a filter no
 * page has, Pagefind still counts the pages with the words, before filters and
 * per filter value, and skips scoring and handing over every result (several
 * times faster for a word in most pages). Exact without filters or with one;
 * undefined for more filters, whose overlap only a full search knows.
 */
async function countShard(shard: string, term: string, filters: Record<string, string>, lane: number): Promise<number | undefined> {
  const [filter, ...more] = Object.entries(filters);
  // Without words Pagefind ranks nothing anyway (and counts no filter values): a filter alone is listed, not counted.
  if (!term || more.length || shard === shardWithSignpost) return undefined;
  const response = await (await bundleInstance(shard, lane)).search(term || null, { filters: { ...filters, [SHARD_FILTER]: '' } });
  if (!filter) return response.unfilteredResultCount;
  return response.totalFilters?.[filter[0]]?.[filter[1]] ?? 0;
}

/** "2024–2025", "2019", or the undated briefings: the years a run of shards covers. */
function yearsOf(shards: readonly ShardEntry[]): string {
  const years = shards.flatMap((shard) => shard.jaren.map(Number));
  if (years.length === 0) return 'de stukken zonder jaar';
  const newest = Math.max(...years);
  const oldest = Math.min(...years);
  const range = newest === oldest ? String(newest) : `${oldest}–${newest}`;
  return shards.some((shard) => shard.id === UNDATED_SHARD) ? `${range} en de stukken zonder jaar` : range;
}

const number = (n: number) => n.toLocaleString('nl-NL');

/** While the search goes on: what was found so far and where, without the words the final count uses. */
function interimStatus(count: number, searched: readonly ShardEntry[], remaining: readonly ShardEntry[]): string {
  const sofar = count === 0 ? `Nog niets in ${yearsOf(searched)}` : `Tot nu toe ${number(count)} ${count === 1 ? 'stuk' : 'stukken'} in ${yearsOf(searched)}`;
  const next = remaining.every((shard) => shard.id === UNDATED_SHARD) ? 'de stukken zonder jaar worden nog doorzocht' : 'de oudere jaren worden nog doorzocht';
  return `${sofar}; ${next}…`;
}

function escapeText(text: string): string {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

/** "Bijlage bij: <briefing>" under a file's result, linking to the briefing the file belongs to. */
function partOfLine(meta: Record<string, string>): HTMLElement | undefined {
  const { briefing, briefingUrl, fileRole } = meta;
  if (!briefing || !briefingUrl) return undefined;
  const line = document.createElement('p');
  line.className = 'ra-list__meta';
  const link = document.createElement('a');
  link.href = briefingUrl;
  link.textContent = briefing;
  line.append(`${fileRole === 'origineel' ? 'Origineel van' : 'Bijlage bij'}: `, link);
  return line;
}

if (form && statusLine && list) {
  const params = new URLSearchParams(location.search);
  for (const element of Array.from(form.elements) as HTMLInputElement[]) {
    if (element.name && params.has(element.name)) element.value = params.get(element.name) ?? '';
  }

  let shown = 0;
  let results: PagefindResult[] = [];

  /** Shows up to `count` more of the results found so far; one after the other, so no result is shown twice. */
  let rendering = Promise.resolve();
  const render = (count: number, overtaken = () => false) => (rendering = rendering.then(() => renderNow(count, overtaken)));
  const renderNow = async (count: number, overtaken: () => boolean) => {
    const slice = results.slice(shown, shown + count).map((r) => r.data());
    // Each result is on the page as soon as it and those above it are loaded, not when the slowest is.
    for (const loading of slice) {
      const item = await loading;
      if (overtaken()) return;
      const li = document.createElement('li');
      li.className = 'ra-list__item';
      const meta = [item.meta.soort, item.meta.organisatie, item.meta.datum].filter(Boolean).map(escapeText).join(' · ');
      // Pagefind's excerpt is the page's own text, with < and > escaped and <mark> around the matches.
      li.innerHTML = `<p class="ra-list__title"><a href="${escapeText(item.url)}">${escapeText(item.meta.title ?? item.url)}</a></p><p class="ra-list__meta">${meta}</p><p class="ra-list__meta">${item.excerpt}</p>`;
      const partOf = partOfLine(item.meta);
      if (partOf) li.firstElementChild!.after(partOf);
      list.append(li);
      shown++;
    }
    moreButton();
  };

  // Choosing a filter searches at once; a search overtaken by a newer one shows nothing more.
  let latest = 0;

  /** Results still to come from shards counted but not yet ranked: asked for by "Toon meer". */
  let unranked: ShardEntry[] = [];
  let rankShard: (() => Promise<void>) | undefined;
  let total = 0;

  const moreButton = () => {
    document.getElementById('meer-resultaten')?.remove();
    if (shown >= total) return;
    const more = document.createElement('button');
    more.id = 'meer-resultaten';
    more.type = 'button';
    more.textContent = `Toon meer resultaten (${number(total - shown)} over)`;
    more.addEventListener('click', async () => {
      const next = list.children.length;
      more.disabled = true;
      while (results.length < shown + PAGE && unranked.length && rankShard) await rankShard();
      await render(PAGE);
      (list.children[next]?.querySelector('a') as HTMLElement | null)?.focus();
    });
    list.after(more);
  };

  /**
   * Asks the shards the filters and the signpost leave, newest first: the
   * newest results are on the page as soon as their shard has answered; the
   * other shards are then counted, which is quicker than ranking, while the
   * count grows on the page. Their results are ranked, shard by shard, when a
   * reader asks for more.
   */
  const run = async () => {
    const current = ++latest;
    const overtaken = () => current !== latest;
    const data = new FormData(form);
    const term = String(data.get('q') ?? '').trim();
    const filters: Record<string, string> = {};
    // Every select of the form is a Pagefind filter of the same name, whichever filters the page offers.
    for (const select of Array.from(form.querySelectorAll('select'))) {
      const value = String(data.get(select.name) ?? '');
      if (select.name && value) filters[select.name] = value;
    }
    list.replaceChildren();
    document.getElementById('meer-resultaten')?.remove();
    results = [];
    shown = 0;
    total = 0;
    unranked = [];
    if (!term && Object.keys(filters).length === 0) {
      statusLine.textContent = '';
      return;
    }
    statusLine.textContent = 'Bezig met zoeken…';
    let asked = shardsFor(shards, filters);
    if (term && asked.length > 1) {
      // When no shard has the words, the signpost names the shards with Pagefind's near matches, as one index would show them.
      const holding = await shardsWithWords(term);
      if (overtaken()) return;
      asked = asked.filter((shard) => holding.has(shard.id));
    }
    const pending = [...asked];
    const counts = new Map<string, number>();
    const ranked = () => asked.slice(0, asked.length - pending.length);
    const rank = async () => {
      const shard = pending.shift()!;
      const found = (await searchShard(shard.id, term, filters)).results;
      if (overtaken()) return;
      for (const result of found) results.push(result);
      // A shard counted before is now in the list itself.
      total += found.length - (counts.get(shard.id) ?? 0);
      counts.delete(shard.id);
    };
    unranked = pending;
    rankShard = rank;

    // The first page, from the newest shards that have results.
    let announced = performance.now();
    while (pending.length && results.length < PAGE) {
      await rank();
      if (overtaken()) return;
      if (results.length > shown) await render(PAGE - shown, overtaken);
      if (overtaken()) return;
      if (pending.length && results.length) {
        statusLine.textContent = interimStatus(total, ranked(), pending);
        announced = performance.now();
      }
    }
    // The older shards are counted, in two lanes; a shard that cannot be counted without ranking is ranked.
    const toCount = [...pending];
    let next = 0;
    const lane = async (which: number) => {
      while (next < toCount.length) {
        const shard = toCount[next++]!;
        const count = await countShard(shard.id, term, filters, which);
        if (overtaken()) return;
        // A reader who asked for more meanwhile had this shard ranked: its results are in the total already.
        if (count === undefined || !pending.includes(shard)) continue;
        counts.set(shard.id, count);
        total += count;
        const left = toCount.length - counts.size;
        if (left > 0 && performance.now() - announced >= ANNOUNCE_EVERY_MS) {
          statusLine.textContent = interimStatus(total, asked.slice(0, asked.length - left), asked.slice(asked.length - left));
          announced = performance.now();
        }
      }
    };
    await Promise.all([lane(0), lane(1)]);
    if (overtaken()) return;
    // What could not be counted (more than one filter) is ranked, in order.
    while (pending.some((shard) => !counts.has(shard.id))) {
      await rank();
      if (overtaken()) return;
    }
    moreButton();
    // Announced once the results are on the page, so a screen reader user who moves on finds them there.
    statusLine.textContent = total === 0 ? 'Geen stukken gevonden. Probeer een ander woord of minder filters.' : `${number(total)} ${total === 1 ? 'stuk' : 'stukken'} gevonden.`;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const query = new URLSearchParams();
    for (const [key, value] of data) if (value) query.set(key, String(value));
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
    void run();
  });
  for (const select of Array.from(form.querySelectorAll('select'))) select.addEventListener('change', () => form.requestSubmit());
  void run();
}
