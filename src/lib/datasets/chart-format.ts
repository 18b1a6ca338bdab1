/**
 * Numbers on chart axes and in tooltips, the Dutch way. Shared by the page
 * (for tests) and the browser code that draws the chart.
 */
import type { ColumnType } from '../../schemas/dataset';
import { formatValue } from '../formats/numbers';

/** An axis tick: whole numbers unless the step needs decimals. */
export function formatAxisTick(value: number, type: ColumnType, step?: number): string {
  const decimals = step !== undefined && step > 0 && step < 1 ? Math.min(3, Math.ceil(-Math.log10(step))) : 0;
  return formatValue(value, type, type === 'percentage' ? decimals : decimals);
}

/** A tooltip: "Instroom: 1.432" or "Aandeel: 12,3%". */
export function formatTooltip(label: string, value: number | null, type: ColumnType, decimals?: number): string {
  return value === null ? `${label}: geen gegeven` : `${label}: ${formatValue(value, type, decimals)}`;
}
