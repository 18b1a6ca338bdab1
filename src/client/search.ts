/**
 * The search page: reads the form (also from the address, so a search can be
 * shared as a link), asks the Pagefind index, and lists results with type,
 * date and organisation; a PDF or other file also names its briefing.
 * Results are announced to screen readers.
 */
import { isRealMatch, matchedWords, queryTerms } from '../lib/publication/search-fallback';
import { parseSliceList } from '../lib/publication/search-slices';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; excerpt: string; content?: string; locations?: number[]; meta: Record<string, string> }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(indexPath: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: { filters: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
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
 * Searches all slices, leaving out the slices where Pagefind fell back to a
 * shorter word because the slice lacks the searched one (see
 * src/lib/publication/search-fallback.ts) — unless no slice has it, in which
 * case the near matches are all there is, as with one index. Whether a slice
 * has the word is decided before the reader's filters, as one index would.
 */
async function searchSlices(pagefind: Pagefind, slices: string[], term: string, filters: Record<string, string>): Promise<PagefindResult[]> {
  const all = await pagefind.search(term || null, { filters });
  const terms = queryTerms(term);
  if (terms.length === 0 || all.results.length === 0) return all.results;
  const real = await Promise.all(
    slices.map(async (slice) => {
      const best = (await pagefind.search(term, { filters: { [SLICE_FILTER]: slice } })).results[0];
      return best !== undefined && isRealMatch(terms, matchedWords(await best.data()));
    }),
  );
  if (!real.includes(true) || !real.includes(false)) return all.results;
  const kept = await Promise.all(slices.filter((_, i) => real[i]).map(async (slice) => (await pagefind.search(term, { filters: { ...filters, [SLICE_FILTER]: slice } })).results));
  return kept.flat().sort((a, b) => b.score - a.score);
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
  const pagefindPromise = loadPagefind(form.dataset.pagefindBundle ?? '/pagefind/', slices);
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
    const pagefind = await pagefindPromise;
    const found = await searchSlices(pagefind, slices, term, filters);
    if (overtaken()) return;
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
