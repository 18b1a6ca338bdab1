/**
 * The rows of the in-page register filter: which rows of the register's JSON
 * match the chosen filters, and each as a list item made from the templates
 * the page carries. Loaded when a reader first picks a filter.
 */

export interface Row {
  onderwerp: string;
  gesteld_door: string;
  fractie: string | null;
  gesteld_op: string | null;
  beantwoord_op: string | null;
  dagen: number | null;
  status: string;
  oordeel: string;
  vragenbrief: string | null;
  antwoord: string | null;
  onderwerpen: string | null;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "30 juli 2024", "juli 2024", "2024", as the server writes a date of that precision. */
function formatIso(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (day) return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
  if (month) return `${MONTHS[Number(month) - 1]} ${year}`;
  return year ?? '';
}

/** The JSON names letters by their public address; same-origin paths keep previews and sub-paths working. */
function localHref(address: string): string {
  const parsed = new URL(address, document.baseURI);
  return parsed.pathname + parsed.search + parsed.hash;
}

function link(href: string, text: string | Node): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = localHref(href);
  a.append(text);
  return a;
}

function time(iso: string): HTMLTimeElement {
  const t = document.createElement('time');
  t.dateTime = iso;
  t.textContent = formatIso(iso);
  return t;
}

/** Each filter matched against the column of the JSON it comes from; topics share one cell. */
export function matches(row: Row, chosen: ReadonlyArray<{ name: string; value: string }>, separator: string): boolean {
  return chosen.every(({ name, value }) => {
    switch (name) {
      case 'fractie':
        return row.fractie === value;
      case 'jaar':
        return (row.gesteld_op ?? '').slice(0, 4) === value;
      case 'status':
        return row.status === value;
      case 'onderwerp':
        return (row.onderwerpen ?? '').split(separator).includes(value);
      default:
        return true;
    }
  });
}

/** One row as the server renders it: the row template filled in, the status badge with the verdict as its word. */
export function renderRow(row: Row, rowTemplate: HTMLTemplateElement, badges: ReadonlyMap<string, HTMLTemplateElement>): HTMLLIElement {
  const item = rowTemplate.content.querySelector('li')!.cloneNode(true) as HTMLLIElement;
  const field = (name: string) => item.querySelector<HTMLElement>(`[data-veld="${name}"]`)!;
  field('onderwerp').append(row.vragenbrief ? link(row.vragenbrief, row.onderwerp) : row.onderwerp);
  field('gesteld_door').textContent = row.gesteld_door;
  field('gesteld_op').append(row.gesteld_op ? time(row.gesteld_op) : 'onbekend');
  field('beantwoord_op').append(row.antwoord ? link(row.antwoord, row.beantwoord_op ? time(row.beantwoord_op) : 'datum onbekend') : 'nog niet beantwoord');
  if (row.antwoord) field('dagen').textContent = row.dagen === null ? 'niet te bepalen' : String(row.dagen);
  else field('dagen-rij').remove();
  const badge = badges.get(row.status)?.content.firstElementChild?.cloneNode(true) as HTMLElement | undefined;
  if (badge) {
    // The badge's last span is its word; the verdict says more ("12 dagen over de termijn").
    badge.querySelector('span:last-child')!.textContent = row.oordeel;
    field('termijn').append(badge);
  } else field('termijn').textContent = row.oordeel;
  // Focusable from script only, so "Meer tonen" can move focus to the first new row.
  item.tabIndex = -1;
  return item;
}
