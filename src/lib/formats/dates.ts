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
