/**
 * Recomputes the subtotals, totals and total columns of a table and reports
 * where the printed figures do not add up beyond what rounding explains.
 * The archive publishes figures as the source printed them; this says where
 * they disagree.
 */
import type { TableDataset } from './load';
import { isSuppressed } from './cells';
import { formatValue } from '../formats/numbers';

export interface TotalDiscrepancy {
  dataset: string;
  file: string;
  /** 'rij': a (sub)total row against the rows above it; 'kolom': a total column against its parts. */
  kind: 'rij' | 'kolom';
  rowIndex: number;
  rowLabel: string;
  columnLabel: string;
  stated: number;
  computed: number;
  /** Largest difference rounding can explain. */
  tolerance: number;
}

/** Columns whose values may be added up: counts and amounts, unless the dataset says otherwise. */
function isAdditive(dataset: TableDataset, columnIndex: number): boolean {
  const column = dataset.kolommen[columnIndex];
  return column !== undefined && (column.type === 'aantal' || column.type === 'bedrag') && column.optellen !== false;
}

const numeric = (cell: unknown): number | undefined => (typeof cell === 'number' ? cell : undefined);

/**
 * A subtotal row sums the data rows since the previous subtotal or total.
 * A total row sums the subtotals and the data rows not covered by one, since the previous total.
 */
export function verifyTotals(dataset: TableDataset): TotalDiscrepancy[] {
  const found: TotalDiscrepancy[] = [];
  // Counts rounded for disclosure control are rounded data too.
  const rounding = Math.max(dataset.afronding, dataset.geheimhouding?.methode === 'afronden' ? dataset.geheimhouding.veelvoud : 0);
  const label = (rowIndex: number) => String(dataset.rows[rowIndex]?.cells[0] ?? `rij ${rowIndex + 1}`);
  const tolerance = (parts: number) => (rounding > 0 ? ((parts + 1) * rounding) / 2 : 1e-9);

  dataset.kolommen.forEach((column, c) => {
    if (!isAdditive(dataset, c)) return;
    let sinceSubtotal: number[] = [];
    let sinceTotal: number[] = [];
    dataset.rows.forEach((row, r) => {
      const value = numeric(row.cells[c]);
      if (row.kind === 'gegeven') {
        sinceSubtotal.push(r);
        sinceTotal.push(r);
        return;
      }
      const parts = row.kind === 'subtotaal' ? sinceSubtotal : sinceTotal;
      // A withheld count ("< 5") makes the sum unknowable; no verdict then.
      const knowable = !parts.some((p) => isSuppressed(dataset.rows[p]!.cells[c]));
      const computed = sum(parts.map((p) => numeric(dataset.rows[p]!.cells[c]) ?? 0));
      if (knowable && value !== undefined && parts.length > 0 && Math.abs(value - computed) > tolerance(parts.length)) {
        found.push({ dataset: dataset.id, file: dataset.file, kind: 'rij', rowIndex: r, rowLabel: label(r), columnLabel: column.label, stated: value, computed, tolerance: tolerance(parts.length) });
      }
      if (row.kind === 'subtotaal') {
        // The subtotal stands in for its rows in the total.
        sinceTotal = sinceTotal.filter((p) => !sinceSubtotal.includes(p));
        sinceTotal.push(r);
        sinceSubtotal = [];
      } else {
        sinceSubtotal = [];
        sinceTotal = [];
      }
    });
  });

  dataset.kolommen.forEach((column, c) => {
    if (!column.somVan?.length) return;
    const sources = column.somVan.map((id) => dataset.kolommen.findIndex((k) => k.id === id));
    dataset.rows.forEach((row, r) => {
      const stated = numeric(row.cells[c]);
      if (stated === undefined) return;
      if (sources.some((s) => isSuppressed(row.cells[s]))) return;
      const computed = sum(sources.map((s) => numeric(row.cells[s]) ?? 0));
      if (Math.abs(stated - computed) > tolerance(sources.length)) {
        found.push({ dataset: dataset.id, file: dataset.file, kind: 'kolom', rowIndex: r, rowLabel: label(r), columnLabel: column.label, stated, computed, tolerance: tolerance(sources.length) });
      }
    });
  });
  return found;
}

/** Adds without the float noise of 0.1 + 0.2. */
function sum(values: number[]): number {
  const total = values.reduce((a, b) => a + b, 0);
  return Math.round(total * 1e6) / 1e6;
}

/** One sentence a reader understands, in the table's own notation. */
export function describeDiscrepancy(d: TotalDiscrepancy, dataset: TableDataset): string {
  const column = dataset.kolommen.find((k) => k.label === d.columnLabel);
  const show = (n: number) => (column ? formatValue(n, column.type, column.decimalen) : String(n)).replace(/\u00a0/g, ' ');
  if (d.kind === 'rij') {
    return `${d.rowLabel}, kolom “${d.columnLabel}”: de bron noemt ${show(d.stated)}, de optelling van de rijen geeft ${show(d.computed)}.`;
  }
  return `${d.rowLabel}, kolom “${d.columnLabel}”: de bron noemt ${show(d.stated)}, de optelling van de kolommen geeft ${show(d.computed)}.`;
}
