/**
 * A chart as a numbered figure: caption, a one-sentence summary, the canvas the
 * browser draws on, and the same numbers as a real table — or, when the
 * briefing already shows them as a table, a link to that table rather than
 * the figures twice. Without JavaScript, in print and for a screen reader,
 * that table carries the chart.
 */
import { buildChartSpec, describeNorm } from '../lib/datasets/chart-spec';
import { type TableDataset } from '../lib/datasets/load';
import type { ChartKind } from '../schemas/dataset';
import { renderDataTable } from './data-table';
import { escape } from './html';

export interface ChartOptions {
  /** "Figuur N" within the briefing. */
  number?: number;
  kind?: ChartKind;
  /** "Tabel N" of the briefing that shows the same dataset. */
  shownInTable?: number;
}

export function renderChart(dataset: TableDataset, options: ChartOptions = {}): string {
  const spec = buildChartSpec(dataset, { kind: options.kind });
  const id = `figuur-${options.number ?? dataset.id}`;
  const name = options.number ? `Figuur ${options.number}` : 'Figuur';
  const caption = `<figcaption id="${id}-bijschrift"><span class="ra-grafiek__nummer">${name}</span> ${escape(dataset.titel)}</figcaption>`;
  const summary = `<p class="ra-grafiek__samenvatting" id="${id}-samenvatting">${escape(spec.summary)}</p>`;
  const norms = spec.norms.length
    ? `<p class="ra-grafiek__normen">${spec.norms
        .map((n) => escape(describeNorm(n, spec.valueType)))
        .join(' · ')}</p>`
    : '';
  // The canvas stays hidden until the chart is drawn; until then the table (here or the one linked to) is the chart.
  const canvas = `<div class="ra-grafiek__tekening" hidden><canvas role="img" aria-label="${escape(`${name}: ${dataset.titel}. ${spec.summary}`)}"></canvas></div>`;
  const figures = options.shownInTable
    ? `<p class="ra-grafiek__cijfers">De cijfers bij deze figuur staan in <a href="#tabel-${options.shownInTable}">tabel ${options.shownInTable}</a>.</p>`
    : renderDataTable(dataset, { chartTableFor: { id, name } });
  return `<figure class="ra-grafiek" id="${id}" aria-labelledby="${id}-bijschrift" data-grafiek="${escape(JSON.stringify(spec))}">${caption}${summary}${norms}${canvas}${figures}</figure>`;
}
