/**
 * What a briefing's own page needs from the registers: its set of written
 * questions and its motion. Looked up by id in maps built once per archive;
 * searching the registers on each of 100,000 pages would make every page's
 * cost grow with the archive.
 */
import type { Archive, Briefing } from '../content/archive';
import { motionRegister, questionsOf, type MotionEntry } from './registers';
import type { QuestionSet } from './questions';

interface Lookup {
  questionSets: Map<string, QuestionSet<Briefing>>;
  motions: Map<string, MotionEntry>;
}

const lookups = new WeakMap<Archive, Lookup>();

function lookupOf(archive: Archive): Lookup {
  let lookup = lookups.get(archive);
  if (!lookup) {
    const motions = new Map<string, MotionEntry>();
    for (const motion of motionRegister(archive)) for (const briefing of motion.briefings) motions.set(briefing.id, motion);
    lookup = { questionSets: new Map(questionsOf(archive).map((set) => [set.id, set])), motions };
    lookups.set(archive, lookup);
  }
  return lookup;
}

/** The register's set of questions whose id is this briefing (a questions letter, or an answer without one). */
export function questionSetOf(archive: Archive, briefing: Briefing): QuestionSet<Briefing> | undefined {
  return lookupOf(archive).questionSets.get(briefing.id);
}

/** The motion a briefing reports on. */
export function motionOf(archive: Archive, briefing: Briefing): MotionEntry | undefined {
  return lookupOf(archive).motions.get(briefing.id);
}
