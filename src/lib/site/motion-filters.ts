/**
 * The motions register's filters — by current status and by year of adoption —
 * each a page of its own (/moties/status/open/, /moties/jaar/2024/), so they work without JavaScript.
 */
import type { MotionEntry, MotionStatus } from './registers';

export const MOTION_FILTERS = { status: 'Status', jaar: 'Jaar' } as const;

export interface MotionFilterValue {
  filter: keyof typeof MOTION_FILTERS;
  key: string;
  label: string;
  motions: MotionEntry[];
}

export function motionFilterValues(motions: readonly MotionEntry[], statusLabels: Record<MotionStatus, string>): MotionFilterValue[] {
  const values = new Map<string, MotionFilterValue>();
  const add = (filter: MotionFilterValue['filter'], key: string, label: string, motion: MotionEntry) => {
    const entry = values.get(`${filter}/${key}`) ?? { filter, key, label, motions: [] };
    entry.motions.push(motion);
    values.set(`${filter}/${key}`, entry);
  };
  for (const m of motions) {
    add('status', m.status, statusLabels[m.status], m);
    if (m.adopted.year !== undefined) add('jaar', String(m.adopted.year), String(m.adopted.year), m);
  }
  return [...values.values()].sort((a, b) => a.filter.localeCompare(b.filter) || (a.filter === 'jaar' ? b.key.localeCompare(a.key) : a.key.localeCompare(b.key)));
}
