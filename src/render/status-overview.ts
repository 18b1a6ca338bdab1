/**
 * The theme table of a report: thema, ontwikkeling, streefbeeld, status, with
 * a link to the section. Where a status is not in the source, it says so.
 */
import { formatPartialDate } from '../lib/formats/dates';
import { sourceName, type StatusDataset } from '../lib/datasets/load';
import { renderDownloads } from './data-table';
import { escape } from './html';
import { ORIGIN_LABELS, renderStoplight } from './stoplight';

export function renderStatusOverview(dataset: StatusDataset): string {
  const id = `statusoverzicht-${dataset.id}`;
  const notes: string[] = [];
  const rows = dataset.themas
    .map((theme) => {
      let status: string;
      if (!theme.status) {
        status = `<span class="ra-status-onbekend">${escape(ORIGIN_LABELS.onbekend)}</span>`;
      } else {
        status = renderStoplight(theme.status, theme.herkomst);
      }
      if (theme.toelichting) {
        notes.push(`<li id="${id}-${escape(theme.id)}"><strong>${escape(theme.thema)}</strong>: ${escape(theme.toelichting)}</li>`);
        status += ` <a class="ra-noot-link" href="#${id}-${escape(theme.id)}">toelichting<span class="ra-sr-only"> bij ${escape(theme.thema)}</span></a>`;
      }
      return `<tr><th scope="row"><a href="#${escape(theme.id)}">${escape(theme.thema)}</a></th><td>${escape(theme.ontwikkeling)}</td><td>${escape(theme.streefbeeld)}</td><td class="ra-status-cel">${status}</td></tr>`;
    })
    .join('');
  const when = [dataset.peildatum && `peildatum ${formatPartialDate(dataset.peildatum)}`, dataset.periode && `periode ${dataset.periode}`]
    .filter(Boolean)
    .join('; ');
  const derived = dataset.themas.some((t) => t.herkomst === 'afgeleid');
  const unknown = dataset.themas.some((t) => t.herkomst === 'onbekend');
  const explanation = [
    derived && 'Een status met “(afgeleid)” staat niet als kleur in de bron, maar is door de redactie afgeleid uit de tekst van het stuk.',
    unknown && 'Bij “niet vermeld in de bron” geeft de bron geen status die wij konden overnemen.',
  ]
    .filter(Boolean)
    .map((text) => `<p>${escape(text)}</p>`)
    .join('');
  return `<div class="ra-statusoverzicht" id="${id}"><div class="ra-tabel__scroll" role="region" aria-labelledby="${id}-bijschrift" tabindex="0"><table><caption id="${id}-bijschrift">${escape(dataset.titel)}</caption><thead><tr><th scope="col">Thema</th><th scope="col">Ontwikkeling</th><th scope="col">Streefbeeld</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table></div><div class="ra-tabel__meta"><p>Bron: ${escape(sourceName(dataset))}${when ? `; ${escape(when)}` : ''}.</p>${explanation}${notes.length ? `<ul class="ra-statusoverzicht__toelichting">${notes.join('')}</ul>` : ''}${renderDownloads(dataset)}</div></div>`;
}
