/**
 * The search page: reads the form (also from the address, so a search can be
 * shared as a link), asks the Pagefind index, and lists results with type,
 * date and organisation; a PDF or other file also names its briefing.
 * Results are announced to screen readers.
 */
import { isRealMatch, matchedWords, queryTerms } from '../lib/publication/search-fallback';
import { parseSliceList, sliceOfYear, UNDATED_SLICE } from '../lib/publication/search-slices';

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
}
/** A filter value, or Pagefind's `{ none: [...] }` to leave values out. */
type FilterValue = string | { none: string[] };
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(indexPath: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: { filters: Record<string, FilterValue> }): Promise<SearchResponse>;
}

const form = document.querySelector<HTMLFormElement>('form.ra-zoeken');
const statusLine = document.getElementById('zoekstatus');
const list = document.getElementById('zoekresultaten');
const PAGE = 20;

/**
 * The index comes in slices (one per year, one for briefings without a year),
 * each its own bundle below `bundle`; the build writes exactly the slices the
 * form names. The first is loaded, the others are merged into it, so one search
 * ranks the results of all years in one list.
 */
async function loadPagefind(bundle: string, slices: string[]): Promise<Pagefind> {
  const [primary, ...others] = slices;
  if (!primary) throw new Error('Het zoekformulier noemt geen delen van de zoekindex.');
  // Result addresses are relative to the site root; the site may live under a sub-path.
  const baseUrl = form!.dataset.base ?? '/';
  const pagefind = (await import(/* @vite-ignore */ `${bundle}${primary}/pagefind.js`)) as Pagefind;
  // Each slice marks its pages with a filter of its own, so a search can be asked of one slice.
  await pagefind.options({ baseUrl, mergeFilter: { [SLICE_FILTER]: primary } });
  await Promise.all(others.map((slice) => pagefind.mergeIndex(`${bundle}${slice}/`, { baseUrl, mergeFilter: { [SLICE_FILTER]: slice } })));
  return pagefind;
}

const SLICE_FILTER = 'zoekdeel';

/**
 * The newest slice on its own, as a second Pagefind instance (a module
 * imported under another address is a module of its own; its files come from
 * the browser's cache). In a large archive a word found in most briefings
 * keeps the search over all years busy for seconds; the newest year answers
 * first, and its results are shown until all years are in.
 */
async function loadNewest(bundle: string, newest: string): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ `${bundle}${newest}/pagefind.js?alleen-dit-deel`)) as Pagefind;
  await pagefind.options({ baseUrl: form!.dataset.base ?? '/' });
  return pagefind;
}

/** A slice's pages carry their year as the filter "jaar"; undated ones have none. */
const sliceOf = (fragment: Fragment) => {
  const year = Number(fragment.filters?.jaar?.[0]);
  return sliceOfYear(Number.isInteger(year) ? year : undefined);
};

/** At most this many searches to find the slices that lack the searched words. */
const FALLBACK_ROUNDS = 4;

/**
 * The slices where Pagefind fell back to a shorter word because the slice
 * lacks the searched one (see src/lib/publication/search-fallback.ts). Asked
 * of the whole index, without the reader's filters, as one index would decide
 * it: the first results are checked, a slice none of whose results matched
 * for real is left out, and the search is asked again until the first results
 * are real. When no slice has the words at all, none is left out: the near
 * matches are then all there is, as with one index. A common word costs one
 * search; a word of a few years two or three.
 */
async function fallenSlices(pagefind: Pagefind, term: string, terms: string[], first?: SearchResponse): Promise<{ excluded: string[]; unfiltered?: SearchResponse }> {
  const excluded: string[] = [];
  let response = first;
  for (let round = 0; round < FALLBACK_ROUNDS; round++) {
    response ??= await pagefind.search(term, { filters: excluded.length ? { [SLICE_FILTER]: { none: excluded } } : {} });
    if (response.results.length === 0) return { excluded: [] };
    const fragments = await Promise.all(response.results.slice(0, PAGE).map((r) => r.data()));
    const real = new Set(fragments.filter((f) => isRealMatch(terms, matchedWords(f))).map(sliceOf));
    const fallen = [...new Set(fragments.map(sliceOf))].filter((slice) => !real.has(slice));
    if (fallen.length === 0) return { excluded, unfiltered: response };
    excluded.push(...fallen);
    response = undefined;
  }
  return { excluded };
}

/** Searches all slices, without the near matches of slices that lack the searched words. */
async function searchSlices(pagefind: Pagefind, term: string, filters: Record<string, string>): Promise<PagefindResult[]> {
  const terms = queryTerms(term);
  const filtered = Object.keys(filters).length > 0;
  if (terms.length === 0) return (await pagefind.search(term || null, { filters })).results;
  const first = filtered ? undefined : await pagefind.search(term, { filters: {} });
  const { excluded, unfiltered } = await fallenSlices(pagefind, term, terms, first);
  if (!filtered && unfiltered) return unfiltered.results;
  const withSlices: Record<string, FilterValue> = { ...filters };
  if (excluded.length) withSlices[SLICE_FILTER] = { none: excluded };
  return (await pagefind.search(term, { filters: withSlices })).results;
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
  const slices = parseSliceList(form.dataset.pagefindSlices ?? '');
  const bundle = form.dataset.pagefindBundle ?? '/pagefind/';
  const pagefindPromise = loadPagefind(bundle, slices);
  const newest = slices.length > 1 ? slices[0] : undefined;
  const newestPromise = newest ? loadNewest(bundle, newest) : undefined;
  const params = new URLSearchParams(location.search);
  for (const element of Array.from(form.elements) as HTMLInputElement[]) {
    if (element.name && params.has(element.name)) element.value = params.get(element.name) ?? '';
  }

  let shown = 0;
  let results: PagefindResult[] = [];

  // Choosing a filter searches at once; a search overtaken by a newer one shows nothing.
  let latest = 0;

  const render = async (overtaken = () => false) => {
    const slice = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
    if (overtaken()) return;
    for (const item of slice) {
      const li = document.createElement('li');
      li.className = 'ra-list__item';
      const meta = [item.meta.soort, item.meta.organisatie, item.meta.datum].filter(Boolean).map(escapeText).join(' · ');
      // Pagefind's excerpt is the page's own text, with < and > escaped and <mark> around the matches.
      li.innerHTML = `<p class="ra-list__title"><a href="${escapeText(item.url)}">${escapeText(item.meta.title ?? item.url)}</a></p><p class="ra-list__meta">${meta}</p><p class="ra-list__meta">${item.excerpt}</p>`;
      const partOf = partOfLine(item.meta);
      if (partOf) li.firstElementChild!.after(partOf);
      list.append(li);
    }
    shown += slice.length;
    document.getElementById('meer-resultaten')?.remove();
    if (shown < results.length) {
      const more = document.createElement('button');
      more.id = 'meer-resultaten';
      more.type = 'button';
      more.textContent = `Toon meer resultaten (${results.length - shown} over)`;
      more.addEventListener('click', async () => {
        const next = list.children.length;
        await render();
        (list.children[next]?.querySelector('a') as HTMLElement | null)?.focus();
      });
      list.after(more);
    }
  };

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
    if (!term && Object.keys(filters).length === 0) {
      statusLine.textContent = '';
      return;
    }
    statusLine.textContent = 'Bezig met zoeken…';
    let complete = false;
    const early = () => overtaken() || complete;
    // The newest year first, shown only while the whole search is still busy, and only for real matches.
    if (newestPromise && newest) {
      // Awaited: both searches at once would only slow the first one down on a small machine.
      await (async () => {
        const first = await (await newestPromise).search(term || null, { filters });
        const best = first.results[0];
        if (early() || !best) return;
        const terms = queryTerms(term);
        if (terms.length && !isRealMatch(terms, matchedWords(await best.data()))) return;
        if (early()) return;
        results = first.results;
        shown = 0;
        list.replaceChildren();
        await render(early);
        if (!early()) statusLine.textContent = `De eerste resultaten, uit ${newest === UNDATED_SLICE ? 'de stukken zonder jaar' : newest}; de andere jaren worden nog doorzocht…`;
      })();
    }
    const pagefind = await pagefindPromise;
    const found = await searchSlices(pagefind, term, filters);
    if (overtaken()) return;
    complete = true;
    list.replaceChildren();
    document.getElementById('meer-resultaten')?.remove();
    results = found;
    shown = 0;
    const count = results.length;
    // Announced once the results are on the page, so a screen reader user who moves on finds them there.
    await render(overtaken);
    if (overtaken()) return;
    statusLine.textContent = count === 0 ? 'Geen stukken gevonden. Probeer een ander woord of minder filters.' : `${count} ${count === 1 ? 'stuk' : 'stukken'} gevonden.`;
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
