/**
 * The register of written questions: every set of questions with who asked,
 * when, when and where the answer came, how many days it took and the verdict
 * against the answer term. Days are only counted between dates known to the
 * day; a month, a year or "onbekend" gives no count and no verdict.
 */
import type { Asker, BriefingData } from '../../schemas/briefing';
import type { PartialDate } from '../../schemas/partial-date';
import { compareDatesAsc, compareDatesDesc, daysBetween, formatPartialDate } from '../formats/dates';
import { slugify } from '../formats/slug';
import { describeAsker } from './briefing-view';

/** What the register needs of a briefing; an archive entry and a checked file both have it. */
export interface RegisterLetter {
  id: string;
  data: BriefingData;
}

export const QUESTION_STATUSES = ['binnen-termijn', 'over-termijn', 'open', 'onbepaald'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  'binnen-termijn': 'Binnen de termijn',
  'over-termijn': 'Over de termijn',
  open: 'Nog niet beantwoord',
  onbepaald: 'Beantwoord, termijn niet te bepalen',
};

const ANSWER_TYPES = new Set<BriefingData['type']>(['vragen-raadslid', 'vragen-inwoner']);

export interface QuestionSet<L extends RegisterLetter = RegisterLetter> {
  /** The questions letter's id, or the answer's when the questions were not published. */
  id: string;
  subject: string;
  /** As the register shows it: "De Olde (Partij Vrij Almelo)", "de fractie X", "een inwoner". */
  askedBy: string;
  /** The office holder who asked, when a raadslid asked; a resident is never named. */
  member?: string;
  fractie?: string;
  askedOn: PartialDate;
  questionsLetter?: L;
  answer?: L;
  answeredOn?: PartialDate;
  /** Days taken to answer, or days open so far; only from dates known to the day. */
  days?: number;
  status: QuestionStatus;
  /** The verdict in words: "binnen de termijn", "12 dagen over de termijn", … */
  verdict: string;
  topics: string[];
  organisation: string;
}

/** As the header describes the asker, except that the register always says "een inwoner", whatever description the letter gives. */
export function askerLabel(asker: Asker): string {
  return asker.soort === 'inwoner' ? 'een inwoner' : describeAsker(asker);
}

const dagen = (n: number) => (n === 1 ? '1 dag' : `${n} dagen`);

/** The verdict for one set, given the answer term in days and the build date. */
export function questionVerdict(
  askedOn: PartialDate,
  answeredOn: PartialDate | undefined,
  term: number,
  today: PartialDate,
): { status: QuestionStatus; days?: number; verdict: string } {
  const asOf = `stand op ${formatPartialDate(today)}`;
  if (!answeredOn) {
    const days = daysBetween(askedOn, today);
    if (days === undefined || days < 0) return { status: 'open', verdict: `nog niet beantwoord — datum van de vragen ${askedOn.precision === 'onbekend' ? 'onbekend' : `alleen bekend als ${formatPartialDate(askedOn)}`} (${asOf})` };
    return { status: 'open', days, verdict: `nog niet beantwoord — ${dagen(days)} open (${asOf})` };
  }
  const days = daysBetween(askedOn, answeredOn);
  if (days === undefined) {
    const unknown = answeredOn.precision !== 'dag' ? ['van het antwoord', answeredOn] : ['van de vragen', askedOn];
    const which = unknown[1] as PartialDate;
    const known = which.precision === 'onbekend' ? 'is onbekend' : `is alleen bekend als ${formatPartialDate(which)}`;
    return { status: 'onbepaald', verdict: `beantwoord — aantal dagen niet te bepalen: de datum ${unknown[0] as string} ${known}` };
  }
  if (days < 0) return { status: 'onbepaald', verdict: 'beantwoord — aantal dagen niet te bepalen: het antwoord is gedateerd vóór de vragen' };
  if (days <= term) return { status: 'binnen-termijn', days, verdict: 'binnen de termijn' };
  return { status: 'over-termijn', days, verdict: `${dagen(days - term)} over de termijn` };
}

/**
 * Every set of written questions: a published questions letter with the answer
 * that names it (`vragen.vragenbrief`), or an answer letter on its own. Newest
 * first; sets whose date of asking is unknown last.
 */
export function questionRegister<L extends RegisterLetter>(letters: readonly L[], term: number, today: PartialDate): QuestionSet<L>[] {
  const byId = new Map(letters.map((l) => [l.id, l]));
  const answersTo = new Map<string, L[]>();
  const sets: QuestionSet<L>[] = [];
  for (const letter of letters) {
    const target = letter.data.vragen?.vragenbrief;
    if (ANSWER_TYPES.has(letter.data.type) && target && byId.get(target)?.data.type === 'schriftelijke-vragen') {
      answersTo.set(target, [...(answersTo.get(target) ?? []), letter]);
    }
  }
  for (const letter of letters) {
    const d = letter.data;
    const isQuestions = d.type === 'schriftelijke-vragen';
    if (!d.vragen || !(isQuestions || ANSWER_TYPES.has(d.type))) continue;
    if (!isQuestions && d.vragen.vragenbrief && byId.get(d.vragen.vragenbrief)?.data.type === 'schriftelijke-vragen') continue;
    // With several answers (a partial answer first), the first dated one answers the set.
    const answer = isQuestions ? [...(answersTo.get(letter.id) ?? [])].sort((a, b) => compareDatesAsc(a.data.datum, b.data.datum))[0] : letter;
    const asker = d.vragen.gesteldDoor;
    const askedOn = d.vragen.gesteldOp;
    const answeredOn = answer?.data.datum;
    const { status, days, verdict } = questionVerdict(askedOn, answeredOn, term, today);
    sets.push({
      id: letter.id,
      subject: d.onderwerp ?? answer?.data.onderwerp ?? d.titel,
      askedBy: askerLabel(asker),
      member: asker.soort === 'raadslid' ? asker.naam : undefined,
      fractie: asker.soort === 'raadslid' || asker.soort === 'fractie' ? asker.fractie : undefined,
      askedOn,
      questionsLetter: isQuestions ? letter : undefined,
      answer,
      answeredOn,
      days,
      status,
      verdict,
      topics: [...new Set([...d.onderwerpen, ...(answer?.data.onderwerpen ?? [])])],
      organisation: d.organisatie,
    });
  }
  return sets.sort((a, b) => compareDatesDesc(a.askedOn, b.askedOn) || a.subject.localeCompare(b.subject, 'nl'));
}

/** Figures per year of asking: sets, median days to answer, share answered within the term. */
export interface QuestionYearFigures {
  year: number;
  sets: number;
  /** Sets whose answer days are known; the median and share are over these. */
  counted: number;
  medianDays?: number;
  withinTermPercent?: number;
}

export function questionFiguresPerYear(sets: readonly QuestionSet[]): QuestionYearFigures[] {
  const years = new Map<number, QuestionSet[]>();
  for (const set of sets) {
    if (set.askedOn.year === undefined) continue;
    years.set(set.askedOn.year, [...(years.get(set.askedOn.year) ?? []), set]);
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, inYear]) => {
      const answered = inYear.filter((s) => s.status === 'binnen-termijn' || s.status === 'over-termijn');
      const days = answered.map((s) => s.days!).sort((a, b) => a - b);
      const mid = days.length >> 1;
      const median = days.length === 0 ? undefined : days.length % 2 ? days[mid] : (days[mid - 1]! + days[mid]!) / 2;
      const within = answered.filter((s) => s.status === 'binnen-termijn').length;
      return {
        year,
        sets: inYear.length,
        counted: answered.length,
        medianDays: median,
        withinTermPercent: answered.length ? Math.round((1000 * within) / answered.length) / 10 : undefined,
      };
    });
}

/** The filters of the register, each a listing page without JavaScript: /vragen/<filter>/<key>/. */
export const QUESTION_FILTERS = {
  fractie: 'Fractie',
  jaar: 'Jaar',
  status: 'Status',
  onderwerp: 'Onderwerp',
} as const;
export type QuestionFilter = keyof typeof QUESTION_FILTERS;

export interface QuestionFilterValue {
  filter: QuestionFilter;
  key: string;
  label: string;
  sets: QuestionSet[];
}

export function questionFilterValues<L extends RegisterLetter>(sets: readonly QuestionSet<L>[]): QuestionFilterValue[] {
  const values = new Map<string, QuestionFilterValue>();
  const add = (filter: QuestionFilter, key: string, label: string, set: QuestionSet) => {
    const id = `${filter}/${key}`;
    const entry = values.get(id) ?? { filter, key, label, sets: [] };
    entry.sets.push(set);
    values.set(id, entry);
  };
  for (const set of sets) {
    if (set.fractie) add('fractie', slugify(set.fractie), set.fractie, set);
    if (set.askedOn.year !== undefined) add('jaar', String(set.askedOn.year), String(set.askedOn.year), set);
    add('status', set.status, QUESTION_STATUS_LABELS[set.status], set);
    for (const topic of set.topics) add('onderwerp', slugify(topic), topic, set);
  }
  return [...values.values()].sort((a, b) => a.filter.localeCompare(b.filter) || (a.filter === 'jaar' ? b.key.localeCompare(a.key) : a.label.localeCompare(b.label, 'nl')));
}

/** The register as rows of a download: one row per set, dates as ISO text, unknown as empty. */
export const QUESTION_COLUMNS = [
  ['onderwerp', 'Onderwerp'],
  ['gesteld_door', 'Gesteld door'],
  ['fractie', 'Fractie'],
  ['gesteld_op', 'Gesteld op'],
  ['beantwoord_op', 'Beantwoord op'],
  ['dagen', 'Dagen'],
  ['status', 'Status'],
  ['oordeel', 'Oordeel'],
  ['vragenbrief', 'Brief met de vragen'],
  ['antwoord', 'Antwoordbrief'],
  ['onderwerpen', 'Onderwerpen'],
] as const;

/** Topics share one cell of the download; the in-page filter splits them on the same separator. */
export const TOPIC_SEPARATOR = '; ';

export function questionRows(sets: readonly QuestionSet[], letterUrl: (id: string) => string): Record<(typeof QUESTION_COLUMNS)[number][0], string | number | null>[] {
  return sets.map((s) => ({
    onderwerp: s.subject,
    gesteld_door: s.askedBy,
    fractie: s.fractie ?? null,
    gesteld_op: s.askedOn.iso || null,
    beantwoord_op: s.answeredOn?.iso || null,
    dagen: s.status === 'open' ? null : (s.days ?? null),
    status: s.status,
    oordeel: s.verdict,
    vragenbrief: s.questionsLetter ? letterUrl(s.questionsLetter.id) : null,
    antwoord: s.answer ? letterUrl(s.answer.id) : null,
    onderwerpen: s.topics.length ? s.topics.join(TOPIC_SEPARATOR) : null,
  }));
}
