/**
 * A key figure: value with unit and period, what it is compared with, and a
 * stoplight status computed from the declared rule — marked as computed.
 */
import { sourceName, type KeyFiguresDataset } from '../lib/datasets/load';
import { formatValue } from '../lib/formats/numbers';
import { describeStatusRule, evaluateStatusRule } from '../lib/datasets/status-rules';
import type { KeyFigure } from '../schemas/dataset';
import { escape } from './html';
import { renderStoplight } from './stoplight';

const show = (figure: KeyFigure, value: number) => formatValue(value, figure.type, figure.decimalen).replace(/\u00a0/g, ' ');

function renderOne(figure: KeyFigure): string {
  const unit = figure.eenheid && figure.type !== 'percentage' && figure.type !== 'bedrag' ? ` <span class="ra-kerncijfer__eenheid">${escape(figure.eenheid)}</span>` : '';
  const value = `<p class="ra-kerncijfer__waarde">${figure.bij ? `<span class="ra-kerncijfer__bij">${escape(figure.bij)}</span> ` : ''}<data value="${figure.waarde}">${escape(show(figure, figure.waarde))}</data>${unit}</p>`;
  const period = `<p class="ra-kerncijfer__periode">${escape(figure.periode)}${figure.voorlopig ? ' <span class="ra-voorlopig">(voorlopig)</span>' : ''}</p>`;
  let comparison = '';
  if (figure.vergelijking) {
    const c = figure.vergelijking;
    const label = c.label ?? { norm: 'Norm', doel: 'Doel', 'vorige-periode': 'Eerder' }[c.soort];
    const diff = figure.waarde - c.waarde;
    const change =
      c.soort === 'vorige-periode' && diff !== 0
        ? ` — ${diff < 0 ? 'een daling' : 'een stijging'} van ${escape(figure.type === 'percentage' ? `${formatValue(Math.abs(diff), 'getal', figure.decimalen)} procentpunt` : show(figure, Math.abs(diff)))}`
        : '';
    comparison = `<p class="ra-kerncijfer__vergelijking">${escape(label)}${c.periode ? ` (${escape(c.periode)})` : ''}: ${escape(show(figure, c.waarde))}${unit}${change}</p>`;
  }
  let status = '';
  if (figure.statusregel?.length) {
    const computed = evaluateStatusRule(figure.statusregel, figure.waarde);
    const rule = `Regel: ${describeStatusRule(figure.statusregel, (n) => show(figure, n))}.`;
    status = computed
      ? `<p class="ra-kerncijfer__status">${renderStoplight(computed, 'berekend')} <span class="ra-kerncijfer__regel">${escape(rule)}</span></p>`
      : `<p class="ra-kerncijfer__status"><span class="ra-status-onbekend">geen status: geen regel past</span> <span class="ra-kerncijfer__regel">${escape(rule)}</span></p>`;
  }
  const note = figure.toelichting ? `<p class="ra-kerncijfer__toelichting">${escape(figure.toelichting)}</p>` : '';
  return `<div class="ra-kerncijfer" id="kerncijfer-${escape(figure.id)}"><p class="ra-kerncijfer__label">${escape(figure.label)}</p>${value}${period}${comparison}${status}${note}</div>`;
}

export function renderKeyFigures(dataset: KeyFiguresDataset, ids?: string[]): string {
  const figures = ids ? ids.map((id) => dataset.cijfers.find((f) => f.id === id)!) : dataset.cijfers;
  return `<div class="ra-kerncijfers">${figures.map((f) => renderOne(f)).join('')}<p class="ra-kerncijfers__bron">Bron: ${escape(sourceName(dataset))}${dataset.periode ? `; periode ${escape(dataset.periode)}` : ''}.</p></div>`;
}
