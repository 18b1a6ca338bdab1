/**
 * Registers built from the briefings: every motion with the letters that
 * report on it, and every report theme with its status in each report.
 */
import type { ThemeStatus } from '../../schemas/dataset';
import type { Archive, Briefing } from '../content/archive';
import { citedDatasets } from '../content/citations';
import { compareDatesDesc } from '../formats/dates';
import { type PartialDate } from '../../schemas/partial-date';
import { loadDatasets } from '../datasets/load';
import { slugify } from '../formats/slug';

export interface MotionEntry {
  id: string;
  title: string;
  adopted: PartialDate;
  requests: string[];
  number?: string;
  /** Status according to the most recent briefing that reports on it. */
  status: 'open' | 'in-uitvoering' | 'afgehandeld';
  briefings: Briefing[];
}

const motionCache = new WeakMap<Archive, MotionEntry[]>();
const themeCache = new WeakMap<Archive, ThemeEntry[]>();

export function motionRegister(archive: Archive): MotionEntry[] {
  const cached = motionCache.get(archive);
  if (cached) return cached;
  const motions = new Map<string, MotionEntry>();
  // archive.briefings is newest first, so the first briefing seen gives the current status.
  for (const briefing of archive.briefings) {
    const motion = briefing.data.motie;
    if (!motion) continue;
    const id = slugify(`${motion.titel} ${motion.aangenomen.iso}`);
    const entry = motions.get(id);
    if (entry) entry.briefings.push(briefing);
    else motions.set(id, { id, title: motion.titel, adopted: motion.aangenomen, requests: motion.verzoeken, number: motion.nummer, status: motion.status, briefings: [briefing] });
  }
  const register = [...motions.values()].sort((a, b) => compareDatesDesc(a.adopted, b.adopted) || a.title.localeCompare(b.title, 'nl'));
  motionCache.set(archive, register);
  return register;
}

export interface ThemeReport {
  briefing: Briefing;
  theme: ThemeStatus;
  /** Sortable key of the reporting period. */
  periodKey: string;
}

export interface ThemeEntry {
  id: string;
  name: string;
  reports: ThemeReport[];
}

const PERIOD_ORDER: Record<string, number> = { q1: 1, 'eerste-helft': 2, q2: 2, q3: 3, 'tweede-helft': 4, q4: 4, jaar: 4 };

export function themeRegister(archive: Archive): ThemeEntry[] {
  const cached = themeCache.get(archive);
  if (cached) return cached;
  const datasets = loadDatasets();
  const themes = new Map<string, ThemeEntry>();
  for (const briefing of archive.briefings) {
    if (briefing.data.type !== 'rapportage') continue;
    const period = briefing.data.periode;
    const periodKey = period ? `${period.jaar}-${PERIOD_ORDER[period.deel] ?? 4}` : briefing.data.datum.iso;
    for (const cite of citedDatasets(briefing.body ?? '')) {
      const dataset = datasets.get(cite.id);
      if (dataset?.soort !== 'statusoverzicht') continue;
      for (const theme of dataset.themas) {
        const key = slugify(theme.thema);
        const entry = themes.get(key) ?? { id: key, name: theme.thema, reports: [] };
        if (!entry.reports.some((r) => r.briefing.id === briefing.id)) entry.reports.push({ briefing, theme, periodKey });
        themes.set(key, entry);
      }
    }
  }
  for (const entry of themes.values()) entry.reports.sort((a, b) => a.periodKey.localeCompare(b.periodKey));
  const register = [...themes.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  themeCache.set(archive, register);
  return register;
}
