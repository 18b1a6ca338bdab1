/**
 * Dates with honest precision. A source often gives only a month or a year;
 * the archive must never show a day it does not know.
 */

import { MONTH_NAMES, type PartialDate } from '../../schemas/partial-date';

/** "10 september 2024", "september 2024", "2024" or "datum onbekend". */
export function formatPartialDate(date: PartialDate): string {
  switch (date.precision) {
    case 'dag':
      return `${date.day} ${MONTH_NAMES[date.month! - 1]} ${date.year}`;
    case 'maand':
      return `${MONTH_NAMES[date.month! - 1]} ${date.year}`;
    case 'jaar':
      return String(date.year);
    default:
      return 'datum onbekend';
  }
}

/** Value for `<time datetime>`; undefined when the date is unknown. */
export function machineDate(date: PartialDate): string | undefined {
  return date.iso || undefined;
}

/** Newest first; unknown dates last. */
export function compareDatesDesc(a: PartialDate, b: PartialDate): number {
  if (a.iso === b.iso) return 0;
  if (!a.iso) return 1;
  if (!b.iso) return -1;
  return a.iso < b.iso ? 1 : -1;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the first and last day a date can mean; undefined when unknown. */
export function dayRange(date: PartialDate): { first: number; last: number } | undefined {
  if (date.year === undefined) return undefined;
  const y = date.year;
  if (date.precision === 'dag') {
    const day = Date.UTC(y, date.month! - 1, date.day!) / DAY_MS;
    return { first: day, last: day };
  }
  if (date.precision === 'maand') return { first: Date.UTC(y, date.month! - 1, 1) / DAY_MS, last: Date.UTC(y, date.month!, 0) / DAY_MS };
  return { first: Date.UTC(y, 0, 1) / DAY_MS, last: Date.UTC(y, 11, 31) / DAY_MS };
}

/**
 * Whole days from one date to another, only when both are known to the day:
 * a month or a year would make the count a guess.
 */
export function daysBetween(from: PartialDate, to: PartialDate): number | undefined {
  if (from.precision !== 'dag' || to.precision !== 'dag') return undefined;
  return dayRange(to)!.first - dayRange(from)!.first;
}

/** True only when every day `a` can mean lies before every day `b` can mean. */
export function certainlyBefore(a: PartialDate, b: PartialDate): boolean {
  const ra = dayRange(a);
  const rb = dayRange(b);
  return ra !== undefined && rb !== undefined && ra.last < rb.first;
}

/** Oldest first; unknown dates last. */
export function compareDatesAsc(a: PartialDate, b: PartialDate): number {
  if (a.iso === b.iso) return 0;
  if (!a.iso) return 1;
  if (!b.iso) return -1;
  return a.iso < b.iso ? -1 : 1;
}
