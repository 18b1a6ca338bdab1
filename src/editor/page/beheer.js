// The panel beside Decap CMS: a dropped letter goes to the project's importer and opens in the form; a save is checked by the project's own check, and its messages are shown here; "Publiceren" commits and pushes.
const frame = document.getElementById('cms');
const messages = document.getElementById('meldingen');
const pageLink = document.getElementById('pagina-link');
const dropZone = document.getElementById('drop-zone');
const picker = document.getElementById('brief-kiezen');
const publishButton = document.getElementById('publiceren');
const publication = document.getElementById('publicatie');

const element = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
};

async function post(path, body, headers = { 'Content-Type': 'application/json' }) {
  const response = await fetch(path, { method: 'POST', headers, body });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error || `het beheerscherm antwoordde met ${response.status}`);
  return answer;
}

function showPage(url) {
  if (!url) return;
  pageLink.href = url;
  pageLink.hidden = false;
}

/** One message as the check prints it: where, what is wrong, what to do. */
function item(kind, label, problem) {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return element('li', { class: kind }, element('span', { class: 'soort' }, label), ' ', element('span', { class: 'plaats' }, where), ' ', problem.message, ...(problem.hint ? [element('span', { class: 'wat-te-doen' }, `→ ${problem.hint}`)] : []));
}

function showCheck(result) {
  const parts = [];
  if (!result.errors.length) parts.push(element('p', { class: 'goed' }, `Opgeslagen. Geen fouten in ${result.file}.`));
  else parts.push(element('p', {}, `Opgeslagen, maar ${result.file} heeft ${result.errors.length === 1 ? '1 fout' : `${result.errors.length} fouten`}; zo wordt het stuk niet gepubliceerd:`));
  const list = element('ul', { class: 'melding' });
  result.errors.forEach((problem) => list.append(item('fout', 'Fout', problem)));
  result.warnings.forEach((problem) => list.append(item('let-op', 'Let op', problem)));
  if (list.children.length) parts.push(list);
  if (result.elsewhere) parts.push(element('p', {}, `Elders in het archief ${result.elsewhere === 1 ? 'staat nog 1 fout' : `staan nog ${result.elsewhere} fouten`} (zie npm run check).`));
  messages.replaceChildren(...parts);
  showPage(result.page);
}

async function checkSaved(path) {
  messages.replaceChildren(element('p', {}, 'Opgeslagen; het archief wordt gecontroleerd…'));
  let route;
  try {
    const result = await post('/beheer/api/check', JSON.stringify(path ? { path } : {}));
    route = result.route;
    showCheck(result);
  } catch (error) {
    messages.replaceChildren(element('p', { class: 'fout' }, `De controle kon niet draaien: ${error.message}`));
  }
  // The form reads the saved file again, so it shows what was written; Decap would otherwise compare the next edit with the entry as it was before this save.
  openInForm(route);
}

/** Opens an entry by reading it from disk: Decap keeps an entry it has open, or does not know a file made a moment ago. */
function openInForm(route) {
  document.body.dataset.formulier = 'herladen';
  if (route) frame.contentWindow.location.hash = route;
  frame.contentWindow.location.reload();
}

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin || event.source !== frame.contentWindow) return;
  if (event.data?.soort === 'opgeslagen') checkSaved(event.data.path);
});

async function importLetter(file) {
  messages.replaceChildren(element('p', {}, `${file.name} wordt ingelezen… (een gescande brief kan een halve minuut duren)`));
  try {
    const result = await post('/beheer/api/import', file, { 'Content-Type': 'application/octet-stream', 'X-Bestandsnaam': encodeURIComponent(file.name) });
    if (!result.route) {
      messages.replaceChildren(element('p', { class: 'fout' }, `${file.name}: ${result.message ?? 'niet geïmporteerd'}`), ...(result.hint ? [element('p', {}, `→ ${result.hint}`)] : []));
      return;
    }
    const parts = [element('p', { class: 'goed' }, result.outcome === 'overgeslagen' ? `${file.name} staat al in het archief: ${result.briefing}. Het stuk is geopend.` : `Geïmporteerd als ${result.briefing}. Het stuk is geopend in het formulier.`)];
    const review = [...result.toCheck, ...result.offline];
    if (review.length) {
      parts.push(element('p', {}, 'Kijk deze punten na (het archief heeft ze geraden):'));
      const list = element('ul', { class: 'melding nakijken' });
      review.forEach((point) => list.append(element('li', { class: 'let-op' }, element('span', { class: 'soort' }, 'Nakijken'), ' ', point)));
      parts.push(list);
    }
    if (result.notes.length) parts.push(element('ul', { class: 'melding' }, ...result.notes.map((note) => element('li', {}, note))));
    messages.replaceChildren(...parts);
    openInForm(result.route);
    showPage(result.page);
  } catch (error) {
    messages.replaceChildren(element('p', { class: 'fout' }, `${file.name} kon niet worden ingelezen: ${error.message}`));
  }
}

dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('erboven');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('erboven'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('erboven');
  const [file] = event.dataTransfer?.files ?? [];
  if (file) importLetter(file);
});
picker.addEventListener('change', () => {
  const [file] = picker.files ?? [];
  if (file) importLetter(file);
  picker.value = '';
});

publishButton.addEventListener('click', async () => {
  publishButton.disabled = true;
  publication.replaceChildren(element('p', {}, 'Bezig met publiceren…'));
  try {
    const result = await post('/beheer/api/publish', '{}');
    const parts = [element('p', { class: result.pushed ? 'goed' : '' }, result.message)];
    if (result.errors?.length) parts.push(element('ul', { class: 'melding' }, ...result.errors.map((problem) => item('fout', 'Fout', problem))));
    publication.replaceChildren(...parts);
  } catch (error) {
    publication.replaceChildren(element('p', { class: 'fout' }, `Niet gepubliceerd: ${error.message}`));
  } finally {
    publishButton.disabled = false;
  }
});

// The page link follows the briefing open in the form.
const screen = await fetch('/beheer/api/status').then((r) => r.json());
frame.addEventListener('load', () => {
  document.body.dataset.formulier = 'klaar';
  const follow = () => {
    const match = /^#\/collections\/([^/]+)\/entries\/([^/?]+)/.exec(frame.contentWindow.location.hash);
    if (match && screen.previewUrl && !['organisaties', 'instellingen', 'datasets'].includes(match[1])) showPage(`${screen.previewUrl.replace(/\/$/, '')}/stukken/${match[2]}/`);
    else pageLink.hidden = true;
  };
  frame.contentWindow.addEventListener('hashchange', follow);
  follow();
});
