/**
 * Turns a dataset into what a chart draws: labels, series, provisional marks
 * and norms. Pure and serialisable, so the page embeds it and the browser only
 * draws; the table under the chart is rendered from the same dataset.
 */
import type { ChartKind, ColumnType } from '../../schemas/dataset';
import type { TableDataset } from './load';
import { formatValue } from '../formats/numbers';
import { ContentError } from '../errors/content-error';

export interface ChartSeries {
  id: string;
  label: string;
  type: 'bar' | 'line';
  values: Array<number | null>;
}

export interface ChartSpec {
  kind: ChartKind;
  labels: string[];
  provisional: boolean[];
  series: ChartSeries[];
  norms: Array<{ label: string; value?: number; from?: number; to?: number; unit?: string }>;
  valueType: ColumnType;
  decimals?: number;
  yLabel?: string;
  summary: string;
}

type TimeAxis = 'kwartaal' | 'halfjaar' | 'jaar';

interface Period {
  year: number;
  part: number;
}

const PERIOD_PATTERNS: Record<TimeAxis, RegExp> = {
  kwartaal: /^(\d{4})\s*[-\s]?\s*[KQ]([1-4])$/i,
  halfjaar: /^(\d{4})\s*[-\s]?\s*H([12])$/i,
  jaar: /^(\d{4})$/,
};

const PARTS: Record<TimeAxis, number> = { kwartaal: 4, halfjaar: 2, jaar: 1 };

export function parsePeriod(value: string, axis: TimeAxis): Period | undefined {
  const match = PERIOD_PATTERNS[axis].exec(value.trim());
  if (!match) return undefined;
  return { year: Number(match[1]), part: axis === 'jaar' ? 1 : Number(match[2]) };
}

/** "K3 2018", "2e helft 2018", "2018" */
export function periodLabel(period: Period, axis: TimeAxis): string {
  if (axis === 'kwartaal') return `K${period.part} ${period.year}`;
  if (axis === 'halfjaar') return `${period.part === 1 ? '1e' : '2e'} helft ${period.year}`;
  return String(period.year);
}

const periodIndex = (p: Period, axis: TimeAxis) => p.year * PARTS[axis] + (p.part - 1);

export function buildChartSpec(dataset: TableDataset, overrides: { kind?: ChartKind } = {}): ChartSpec {
  const settings = dataset.grafiek;
  const fail = (message: string, hint?: string): never => {
    throw new ContentError({ file: dataset.file, message: `grafiek: ${message}`, hint });
  };
  if (!settings) {
    return fail('deze dataset heeft geen grafiekinstellingen', 'Voeg een blok `grafiek:` toe met ten minste `x:` (de kolom langs de horizontale as).');
  }
  const columnIndex = (id: string) => {
    const index = dataset.kolommen.findIndex((c) => c.id === id);
    if (index === -1) fail(`kolom "${id}" bestaat niet`, `Kolommen: ${dataset.kolommen.map((c) => c.id).join(', ')}.`);
    return index;
  };
  const xIndex = columnIndex(settings.x);
  const seriesIds = settings.reeksen ?? dataset.kolommen.filter((c, i) => i !== xIndex && c.type !== 'tekst').map((c) => c.id);
  if (seriesIds.length === 0) fail('er is geen kolom met getallen om te tekenen');
  const seriesIndexes = seriesIds.map(columnIndex);
  const kind = overrides.kind ?? settings.soort;
  const rows = dataset.rows.filter((row) => row.kind === 'gegeven');

  // Rows keyed by position on the axis; a time axis keeps empty periods as gaps.
  let slots: Array<{ label: string; rowIndex?: number }>;
  if (settings.tijdas) {
    const axis = settings.tijdas;
    const periods = rows.map((row) => {
      const raw = String(row.cells[xIndex] ?? '');
      const period = parsePeriod(raw, axis);
      if (!period) fail(`"${raw}" is geen ${axis}`, axis === 'kwartaal' ? 'Schrijf kwartalen als 2018-K3.' : axis === 'halfjaar' ? 'Schrijf halfjaren als 2018-H2.' : 'Schrijf jaren als 2018.');
      return period!;
    });
    const indexes = periods.map((p) => periodIndex(p, axis));
    const first = Math.min(...indexes);
    const last = Math.max(...indexes);
    slots = [];
    for (let i = first; i <= last; i++) {
      const period = { year: Math.floor(i / PARTS[axis]), part: (i % PARTS[axis]) + 1 };
      const rowIndex = indexes.indexOf(i);
      slots.push({ label: periodLabel(period, axis), rowIndex: rowIndex === -1 ? undefined : rowIndex });
    }
  } else {
    slots = rows.map((row, rowIndex) => ({ label: String(row.cells[xIndex] ?? ''), rowIndex }));
  }

  const valueAt = (rowIndex: number | undefined, columnIndex: number): number | null => {
    if (rowIndex === undefined) return null;
    const cell = rows[rowIndex]!.cells[columnIndex];
    return typeof cell === 'number' ? cell : null;
  };
  const lineIds = new Set(kind === 'lijn' ? seriesIds : kind === 'staaf-lijn' ? settings.lijnen : []);
  const series: ChartSeries[] = seriesIndexes.map((c, i) => ({
    id: seriesIds[i]!,
    label: dataset.kolommen[c]!.label,
    type: lineIds.has(seriesIds[i]!) ? 'line' : 'bar',
    values: slots.map((slot) => valueAt(slot.rowIndex, c)),
  }));
  const firstColumn = dataset.kolommen[seriesIndexes[0]!]!;

  const spec: ChartSpec = {
    kind,
    labels: slots.map((s) => s.label),
    provisional: slots.map((s) => (s.rowIndex === undefined ? false : rows[s.rowIndex]!.provisional)),
    series,
    norms: dataset.normen.map((n) => ({ label: n.label, value: n.waarde, from: n.van, to: n.tot, unit: n.eenheid })),
    valueType: firstColumn.type,
    decimals: firstColumn.decimalen,
    yLabel: settings.yLabel ?? dataset.eenheid,
    summary: '',
  };
  spec.summary = settings.samenvatting ?? summarise(spec);
  return spec;
}

/** One sentence for readers who do not see the chart. */
export function summarise(spec: ChartSpec): string {
  const show = (n: number) => formatValue(n, spec.valueType, spec.decimals).replace(/\u00a0/g, ' ');
  const first = spec.labels[0];
  const last = spec.labels[spec.labels.length - 1];
  const range = first === last ? `voor ${first}` : `van ${first} tot en met ${last}`;
  if (spec.series.length === 1) {
    const values = spec.series[0]!.values;
    const known = values.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => x.v !== null);
    if (known.length === 0) return `De grafiek toont ${spec.series[0]!.label.toLowerCase()} ${range}; er zijn geen waarden bekend.`;
    const max = known.reduce((a, b) => (b.v > a.v ? b : a));
    const min = known.reduce((a, b) => (b.v < a.v ? b : a));
    return `De grafiek toont ${spec.series[0]!.label.toLowerCase()} ${range}, met de hoogste waarde ${show(max.v)} (${spec.labels[max.i]}) en de laagste ${show(min.v)} (${spec.labels[min.i]}).`;
  }
  const names = spec.series.map((s) => s.label.toLowerCase());
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}` : names[0];
  return `De grafiek toont ${list} ${range}.`;
}

/** "Crisisnorm: 28 dagen", "Treeknorm: 4 tot 14 weken": a norm in words, its numbers the Dutch way. */
export function describeNorm(norm: ChartSpec['norms'][number], valueType: ColumnType): string {
  const show = (n: number) => formatValue(n, valueType).replace(/\u00a0/g, ' ');
  const unit = norm.unit ? ` ${norm.unit}` : '';
  return norm.value !== undefined ? `${norm.label}: ${show(norm.value)}${unit}` : `${norm.label}: ${show(norm.from!)} tot ${show(norm.to!)}${unit}`;
}
