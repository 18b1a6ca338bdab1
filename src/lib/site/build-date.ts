/**
 * The day the archive was built: registers say "stand op <builddatum>" and
 * count open days and passed deadlines up to it. RAADSARCHIEF_BUILDDATUM
 * (2025-03-01) fixes it for tests and reproducible builds; otherwise it is
 * today in Europe/Amsterdam, so a build just after midnight in winter does not
 * report yesterday.
 */
import { parsePartialDate, type PartialDate } from '../../schemas/partial-date';

// Made once: a new formatter per call cost a second per 10,000 pages (question pages ask for the date several times).
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export function buildDate(now: Date = new Date()): PartialDate {
  const configured = process.env.RAADSARCHIEF_BUILDDATUM?.trim();
  const text = configured || amsterdamDay.format(now);
  const parsed = parsePartialDate(text);
  if ('error' in parsed || parsed.precision !== 'dag') {
    throw new Error(`RAADSARCHIEF_BUILDDATUM: "${configured}" is geen dag; schrijf bijvoorbeeld 2025-03-01`);
  }
  return parsed;
}
