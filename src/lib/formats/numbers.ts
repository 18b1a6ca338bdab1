/**
 * Numbers the Dutch way: 1.432 · € 16.143 · 12,3%.
 * One place, so tables, charts, key figures and downloads agree.
 */
import type { ColumnType } from '../../schemas/dataset';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(decimals: number, style: 'decimal' | 'currency' = 'decimal'): Intl.NumberFormat {
  const key = `${style}:${decimals}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', {
      style,
      currency: style === 'currency' ? 'EUR' : undefined,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    cache.set(key, format);
  }
  return format;
}

// ICU writes a no-break space after the euro sign; keep it (it must not wrap).
const NBSP = '\u00a0';

/** 1432 → "1.432" */
export function formatCount(value: number): string {
  return formatter(0).format(value);
}

/** 1234.5 → "1.234,5" */
export function formatNumber(value: number, decimals = 0): string {
  return formatter(decimals).format(value);
}

/** 16143 → "€ 16.143" (with a no-break space); negative → "€ -16.143" */
export function formatAmount(value: number, decimals = 0): string {
  const digits = formatter(decimals).format(Math.abs(value));
  return `€${NBSP}${value < 0 ? '-' : ''}${digits}`;
}

/** 12.3 → "12,3%" (the value is already a percentage, not a fraction) */
export function formatPercentage(value: number, decimals = 1): string {
  return `${formatter(decimals).format(value)}%`;
}

export const DEFAULT_DECIMALS: Record<ColumnType, number> = {
  tekst: 0,
  aantal: 0,
  bedrag: 0,
  percentage: 1,
  getal: 0,
};

/** Formats a cell value for its column type. */
export function formatValue(value: number, type: ColumnType, decimals?: number): string {
  const places = decimals ?? DEFAULT_DECIMALS[type];
  switch (type) {
    case 'aantal':
      return formatNumber(value, places);
    case 'bedrag':
      return formatAmount(value, places);
    case 'percentage':
      return formatPercentage(value, places);
    default:
      return formatNumber(value, places);
  }
}

/** Decimals actually present in a value, so 3.25 in a "getal" column is not shown as 3. */
export function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : Math.min(6, text.length - dot - 1);
}

/**
 * Decimals shown for one column: as declared, otherwise enough for its most
 * precise value (a "getal" column), cents when any amount has them, and the
 * type's default for the rest. One column, one number of decimals.
 */
export function columnDecimals(type: ColumnType, declared: number | undefined, values: ReadonlyArray<unknown>): number {
  if (declared !== undefined) return declared;
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (type === 'getal') return Math.max(0, ...numbers.map(decimalsOf));
  if (type === 'bedrag' && numbers.some((n) => !Number.isInteger(n))) return 2;
  return DEFAULT_DECIMALS[type];
}

/** A file size the way Dutch software writes it: "118 kB", "2,4 MB" (1 kB = 1.000 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${formatCount(bytes)} bytes`;
  if (bytes < 1_000_000) return `${formatCount(Math.max(1, Math.round(bytes / 1000)))} kB`;
  const megabytes = bytes / 1_000_000;
  return `${formatNumber(megabytes, megabytes < 10 ? 1 : 0)} MB`;
}
