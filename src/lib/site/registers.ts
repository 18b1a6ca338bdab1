/**
 * Registers built from the briefings: every motion with the letters that
 * report on it, every report theme with its status in each report, and — once
 * per archive, not once per page — the registers of written questions and
 * commitments and the fracties and raadsleden they name.
 */
import type { ThemeStatus } from '../../schemas/dataset';
import type { Archive, Briefing } from '../content/archive';
import { compareDatesDesc } from '../formats/dates';
import { type PartialDate } from '../../schemas/partial-date';
import { loadDatasets } from '../datasets/load';
import { slugify } from '../formats/slug';
import { MOTION_STATUSES } from '../../schemas/briefing';
import { loadSiteSettings } from '../content/site-settings';
import { buildDate } from './build-date';
import { commitmentRegister, type CommitmentEntry } from './commitments';
import { questionFilterValues, questionRegister, type QuestionFilterValue, type QuestionSet } from './questions';

export type MotionStatus = (typeof MOTION_STATUSES)[number];

export interface MotionStep {
  status: MotionStatus;
  /** The letter that reported this status. */
  briefing: Briefing;
}

export interface MotionEntry {
  id: string;
  title: string;
  adopted: PartialDate;
  requests: string[];
  number?: string;
  /** The fracties that submitted it, from every letter that names them. */
  submitters: string[];
  /** The council meeting that voted on it, when a letter names it. */
  meeting?: PartialDate;
  /** Status according to the most recent briefing that reports on it. */
  status: MotionStatus;
  /** Newest first. */
  briefings: Briefing[];
  /** Oldest first: each letter with the status it reported (undated letters first, as they cannot be placed). */
  history: MotionStep[];
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
    const entry = motions.get(id) ?? { id, title: motion.titel, adopted: motion.aangenomen, requests: motion.verzoeken, number: motion.nummer, submitters: [], status: motion.status, briefings: [], history: [] };
    entry.briefings.push(briefing);
    entry.number ??= motion.nummer;
    entry.meeting ??= motion.raadsvergadering;
    for (const fractie of motion.indieners) if (!entry.submitters.includes(fractie)) entry.submitters.push(fractie);
    motions.set(id, entry);
  }
  for (const entry of motions.values()) entry.history = [...entry.briefings].reverse().map((briefing) => ({ status: briefing.data.motie!.status, briefing }));
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
    for (const id of briefing.data.bodyFacts.datasets) {
      const dataset = datasets.get(id);
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

export const MOTION_STATUS_LABELS: Record<MotionStatus, string> = { open: 'Open', 'in-uitvoering': 'In uitvoering', afgehandeld: 'Afgehandeld' };

/** The answer term in days, from content/site.yaml (beantwoordingstermijn). */
export function answerTerm(): number {
  return loadSiteSettings().beantwoordingstermijn;
}

const questionCache = new WeakMap<Archive, QuestionSet<Briefing>[]>();
export function questionsOf(archive: Archive): QuestionSet<Briefing>[] {
  let register = questionCache.get(archive);
  if (!register) {
    register = questionRegister(archive.briefings, answerTerm(), buildDate());
    questionCache.set(archive, register);
  }
  return register;
}

const questionFilterCache = new WeakMap<Archive, QuestionFilterValue[]>();
/** The register's filter values (fractie, jaar, status, onderwerp), each with its sets: made once, shared by every register page. */
export function questionFiltersOf(archive: Archive): QuestionFilterValue[] {
  let values = questionFilterCache.get(archive);
  if (!values) {
    values = questionFilterValues(questionsOf(archive));
    questionFilterCache.set(archive, values);
  }
  return values;
}

const commitmentCache = new WeakMap<Archive, CommitmentEntry<Briefing>[]>();
/** The check stops a build with problems in it, so only the entries are needed here. */
export function commitmentsOf(archive: Archive): CommitmentEntry<Briefing>[] {
  let register = commitmentCache.get(archive);
  if (!register) {
    register = commitmentRegister(archive.briefings, buildDate()).entries;
    commitmentCache.set(archive, register);
  }
  return register;
}

export interface MemberEntry {
  id: string;
  name: string;
  fractie?: string;
  questions: QuestionSet<Briefing>[];
}

export interface FractieEntry {
  id: string;
  name: string;
  questions: QuestionSet<Briefing>[];
  motions: MotionEntry[];
  members: MemberEntry[];
}

const fractieCache = new WeakMap<Archive, { fracties: FractieEntry[]; members: MemberEntry[] }>();

/**
 * Fracties and raadsleden named as askers or submitters. Only office holders:
 * a resident or an organisation that asked gets no page.
 */
export function fractiesOf(archive: Archive): { fracties: FractieEntry[]; members: MemberEntry[] } {
  const cached = fractieCache.get(archive);
  if (cached) return cached;
  const fracties = new Map<string, FractieEntry>();
  const members = new Map<string, MemberEntry>();
  const fractie = (name: string) => {
    const id = slugify(name);
    const entry = fracties.get(id) ?? { id, name, questions: [], motions: [], members: [] };
    fracties.set(id, entry);
    return entry;
  };
  for (const set of questionsOf(archive)) {
    if (set.fractie) fractie(set.fractie).questions.push(set);
    if (set.member) {
      const id = slugify(set.member);
      const member = members.get(id) ?? { id, name: set.member, fractie: set.fractie, questions: [] };
      member.questions.push(set);
      members.set(id, member);
      if (member.fractie && !fractie(member.fractie).members.includes(member)) fractie(member.fractie).members.push(member);
    }
  }
  for (const motion of motionRegister(archive)) for (const name of motion.submitters) fractie(name).motions.push(motion);
  const result = {
    fracties: [...fracties.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    members: [...members.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  };
  for (const f of result.fracties) f.members.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  fractieCache.set(archive, result);
  return result;
}
