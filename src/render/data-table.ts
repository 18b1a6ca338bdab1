/**
 * A dataset as an accessible table: numbered caption, source and reference
 * date, Dutch number formats, total rows set apart, scrollable on a phone.
 */
import { formatPartialDate } from '../lib/formats/dates';
import { sourceName, type Dataset, type TableDataset } from '../lib/datasets/load';
import { datasetUrl } from '../lib/site/urls';
import { columnDecimals, formatValue } from '../lib/formats/numbers';
import { isSuppressed, suppressedText } from '../lib/datasets/cells';
import { disclosureNote } from '../lib/datasets/disclosure';
import { describeDiscrepancy, verifyTotals } from '../lib/datasets/totals';
import { escape, join, visuallyHidden } from './html';

export interface DataTableOptions {
  /** "Tabel N" within the briefing. */
  number?: number;
  /** The table that carries a chart's numbers: captioned after the figure, not numbered itself. */
  chartTableFor?: { id: string; name: string };
}

/** Links to the dataset's CSV and JSON, with the title for screen readers. */
export function renderDownloads(dataset: Dataset): string {
  const name = visuallyHidden(` van ${dataset.titel}`);
  return `<p class="ra-downloads">Download de cijfers: <a href="${escape(datasetUrl(dataset.id, 'csv'))}" download>CSV${name}</a> · <a href="${escape(datasetUrl(dataset.id, 'json'))}">JSON${name}</a></p>`;
}

export function renderDataTable(dataset: TableDataset, options: DataTableOptions = {}): string {
  const id = options.chartTableFor ? `${options.chartTableFor.id}-tabel` : `tabel-${options.number ?? dataset.id}`;
  const captionId = `${id}-bijschrift`;
  const columns = dataset.kolommen;
  const rowHeader = columns[0]?.type === 'tekst';
  const decimals = columns.map((column, c) => columnDecimals(column.type, column.decimalen, dataset.rows.map((row) => row.cells[c])));

  const head = `<thead><tr>${columns
    .map((column) => `<th scope="col" class="${column.type === 'tekst' ? '' : 'ra-num'}">${escape(column.label)}${column.eenheid ? ` <span class="ra-tabel__eenheid">(${escape(column.eenheid)})</span>` : ''}</th>`)
    .join('')}</tr></thead>`;

  const body = `<tbody>${dataset.rows
    .map((row) => {
      const cells = row.cells.map((cell, c) => {
        const column = columns[c];
        const numeric = column.type !== 'tekst';
        let content: string;
        if (cell === null) {
          content = `<span aria-hidden="true">–</span>${visuallyHidden('geen gegeven')}`;
        } else if (isSuppressed(cell)) {
          content = `${escape(suppressedText(cell))}${visuallyHidden(' (klein aantal, niet getoond)')}`;
        } else if (typeof cell === 'number') {
          content = escape(formatValue(cell, column.type, decimals[c]));
        } else {
          content = escape(cell);
        }
        if (c === 0) {
          const marks = join([
            row.provisional && ' <span class="ra-voorlopig">(voorlopig)</span>',
            row.notes.length > 0 && row.notes.map((n) => ` <sup class="ra-noot"><a href="#${id}-noot-${n}" aria-label="voetnoot ${n}">${n}</a></sup>`).join(''),
          ]);
          content += marks;
        }
        const tag = c === 0 && rowHeader ? 'th scope="row"' : 'td';
        const close = c === 0 && rowHeader ? 'th' : 'td';
        return `<${tag}${numeric ? ' class="ra-num"' : ''}>${content}</${close}>`;
      });
      const kind = row.kind === 'gegeven' ? '' : ` class="ra-rij--${row.kind}"`;
      return `<tr${kind}>${cells.join('')}</tr>`;
    })
    .join('')}</tbody>`;

  const scale = join([dataset.eenheid, dataset.schaal]);
  const label = options.chartTableFor
    ? `<span class="ra-tabel__nummer">Cijfers bij ${escape(options.chartTableFor.name.toLowerCase())}</span> `
    : options.number
      ? `<span class="ra-tabel__nummer">Tabel ${options.number}</span> `
      : '';
  const caption = `<caption id="${captionId}">${label}${escape(dataset.titel)}${
    dataset.schaal ? ` <span class="ra-tabel__schaal">(${escape(dataset.schaal)})</span>` : ''
  }</caption>`;

  const when = [
    dataset.peildatum && `peildatum ${escape(formatPartialDate(dataset.peildatum))}`,
    dataset.periode && `periode ${escape(dataset.periode)}`,
  ]
    .filter(Boolean)
    .join('; ');
  const provisional = dataset.rows.some((r) => r.provisional)
    ? `<p class="ra-tabel__voorlopig">(voorlopig): ${escape(dataset.voorlopigToelichting ?? 'deze cijfers kunnen nog veranderen.')}</p>`
    : '';
  const disclosure = dataset.geheimhouding ? `<p class="ra-tabel__geheimhouding">${escape(disclosureNote(dataset.geheimhouding))}</p>` : '';
  const notes = dataset.voetnoten.length
    ? `<ol class="ra-tabel__voetnoten">${dataset.voetnoten.map((note, i) => `<li id="${id}-noot-${i + 1}">${escape(note)}</li>`).join('')}</ol>`
    : '';
  const discrepancies = verifyTotals(dataset);
  const totalsNote = discrepancies.length
    ? `<div class="ra-tabel__controle"><p><strong>Let op:</strong> niet alle totalen in deze tabel kloppen met de optelling. De cijfers staan hier zoals de bron ze drukt.</p><ul>${discrepancies
        .map((d) => `<li>${escape(describeDiscrepancy(d, dataset))}</li>`)
        .join('')}</ul></div>`
    : '';
  const meta = `<div class="ra-tabel__meta">${totalsNote}${
    dataset.bijschrift ? `<p>${escape(dataset.bijschrift)}</p>` : ''
  }<p>Bron: ${escape(sourceName(dataset))}${when ? `; ${when}` : ''}.${scale && !dataset.schaal ? ` Eenheid: ${escape(scale)}.` : ''}</p>${provisional}${disclosure}${notes}${renderDownloads(dataset)}</div>`;

  return `<div class="ra-tabel" id="${id}" data-dataset="${escape(dataset.id)}"><div class="ra-tabel__scroll" role="region" aria-labelledby="${captionId}" tabindex="0"><table>${caption}${head}${body}</table></div>${meta}</div>`;
}
