/**
 * In-page filters of the register of written questions. The register pages
 * are split in pages of fifty, so filtering what happens to be on this page
 * would be a lie: the filters run over the register's own JSON download (the
 * same rows as the CSV), fetched once when a reader first picks a filter.
 * Rows are made from templates the page itself carries, so they look like the
 * rows built on the server. Without scripts the form stays hidden and the
 * filter links (one page per filter value) do the work.
 */
import type { Row } from './register-rows';

/** Rows shown at once; "Meer tonen" adds the next batch, as the pages do. */
const BATCH = 50;

function setup(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('[data-registerfilter-status]');
  const pageList = document.getElementById(form.dataset.lijst ?? '');
  const results = document.getElementById(form.dataset.resultaat ?? '');
  const list = results?.querySelector('ul');
  const more = results?.querySelector<HTMLButtonElement>('button');
  const rowTemplate = document.querySelector<HTMLTemplateElement>('template[data-vragen-rij]');
  const source = form.dataset.register;
  const separator = form.dataset.onderwerpScheiding ?? '; ';
  if (!status || !pageList || !results || !list || !more || !rowTemplate || !source) return;
  const badges = new Map([...document.querySelectorAll<HTMLTemplateElement>('template[data-vragen-status]')].map((t) => [t.dataset.vragenStatus!, t]));
  const selects = [...form.querySelectorAll('select')];
  const clear = form.querySelector<HTMLButtonElement>('[data-registerfilter-wissen]');
  // A filter page starts with its own filter chosen; while that is all that is chosen, its pages show it.
  const initial = selects.map((s) => s.value);

  let register: Promise<Row[]> | undefined;
  const load = () =>
    (register ??= fetch(source, { headers: { Accept: 'application/json' } })
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json() as Promise<{ rijen: Row[] }>;
      })
      .then((json) => json.rijen));

  let rows: typeof import('./register-rows') | undefined;
  let found: Row[] = [];
  let shown = 0;
  const showNext = (moveFocus: boolean) => {
    const batch = found.slice(shown, shown + BATCH).map((row) => rows!.renderRow(row, rowTemplate, badges));
    list.append(...batch);
    shown += batch.length;
    const left = found.length - shown;
    more.hidden = left <= 0;
    more.textContent = `Meer tonen (nog ${left} van ${found.length})`;
    if (moveFocus) batch[0]?.focus();
  };

  let latest = 0;
  const apply = async () => {
    const run = ++latest;
    const chosen = selects.filter((s) => s.value).map((s) => ({ name: s.name, value: s.value, label: s.selectedOptions[0]?.textContent?.replace(/\s*\(\d+\)$/, '') ?? s.value }));
    if (selects.every((s, i) => s.value === initial[i])) {
      results.hidden = true;
      pageList.hidden = false;
      list.replaceChildren();
      status.textContent = 'De lijst toont weer deze pagina van het register.';
      return;
    }
    status.textContent = 'Het register wordt geladen…';
    let all: Row[];
    try {
      [all, rows] = await Promise.all([load(), import('./register-rows')]);
    } catch {
      register = undefined;
      if (run === latest) status.textContent = 'Het register kon niet worden geladen. De filterlinks hieronder werken ook zonder dat: kies daar één filter.';
      return;
    }
    if (run !== latest) return;
    found = all.filter((row) => rows!.matches(row, chosen, separator));
    list.replaceChildren();
    shown = 0;
    showNext(false);
    pageList.hidden = true;
    results.hidden = false;
    const count = found.length === 1 ? '1 set vragen' : `${found.length} sets vragen`;
    const filters = chosen.map((c) => `${form.querySelector(`label[for="${selects.find((s) => s.name === c.name)!.id}"]`)?.textContent ?? c.name}: ${c.label}`).join(', ');
    const what = chosen.length ? `met ${filters}` : 'zonder filter';
    status.textContent = found.length === 0 ? `Geen vragen gevonden ${what}.` : `${count} gevonden ${what}.`;
  };

  form.addEventListener('change', () => void apply());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void apply();
  });
  // Not a reset: that would bring back a filter page's own filter instead of clearing it.
  clear?.addEventListener('click', () => {
    for (const select of selects) select.value = '';
    void apply();
  });
  more.addEventListener('click', () => showNext(true));
  form.hidden = false;
}

const form = document.querySelector<HTMLFormElement>('form[data-registerfilter]');
if (form) setup(form);
