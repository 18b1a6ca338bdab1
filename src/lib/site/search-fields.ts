/**
 * What the search knows about a briefing besides its text: the filters of the
 * search page and the details shown with a result. The briefing's page and the
 * records of its files both take them from here, so filtering on an
 * organisation finds a briefing's attachments exactly when it finds the briefing.
 *
 * The register filters (fractie, answer term, motion status) are worked out
 * from the briefing's own frontmatter by the same rules the registers use, so
 * a letter is found under the fractie and verdict its register row shows.
 * Only what one letter can tell is used: whether a questions letter has been
 * answered depends on other letters, so the verdict is on the answer letter.
 */
import type { BriefingData } from '../../schemas/briefing';
import type { Organisation } from '../../schemas/organisation';
import { dateLabel, typeLabel } from './briefing-view';
import { buildDate } from './build-date';
import { QUESTION_STATUS_LABELS, questionVerdict } from './questions';
import { answerTerm, MOTION_STATUS_LABELS } from './registers';
import { WOO_DECISION_SHORT } from './woo-decisions';

export interface SearchFields {
  /** Filter name → values; the names are the search form's select names. */
  filters: Record<string, string[]>;
  /** Shown with each result: title, soort, organisatie, datum. */
  meta: Record<string, string>;
}

/** The search page's register filters, by select name: what the form calls them. */
export const REGISTER_SEARCH_FILTERS = {
  fractie: 'Fractie',
  termijn: 'Antwoordtermijn',
  motiestatus: 'Status van de motie (volgens de brief)',
  besluit: 'Besluit op het Woo-verzoek',
} as const;

const ANSWER_TYPES = new Set<BriefingData['type']>(['vragen-raadslid', 'vragen-inwoner']);

/** The fracties a letter is about as the registers count them: who asked (never a resident), who submitted the motion. */
export function fractiesOfLetter(data: BriefingData): string[] {
  const asker = data.vragen?.gesteldDoor;
  const askedBy = asker && (asker.soort === 'raadslid' || asker.soort === 'fractie') && asker.fractie ? [asker.fractie] : [];
  return [...new Set([...askedBy, ...(data.motie?.indieners ?? [])])];
}

export function searchFields(data: BriefingData, organisation: Pick<Organisation, 'naam'>): SearchFields {
  const filters: Record<string, string[]> = { soort: [typeLabel(data)], organisatie: [organisation.naam] };
  if (data.datum.year) filters.jaar = [String(data.datum.year)];
  if (data.onderwerpen.length) filters.onderwerp = [...data.onderwerpen];
  const fracties = fractiesOfLetter(data);
  if (fracties.length) filters.fractie = fracties;
  if (ANSWER_TYPES.has(data.type) && data.vragen) {
    // An answer's status needs no build date (only an open set's days do); the date is passed for the function's sake.
    const { status } = questionVerdict(data.vragen.gesteldOp, data.datum, answerTerm(), buildDate());
    filters.termijn = [QUESTION_STATUS_LABELS[status]];
  }
  // The status this letter reports: a letter saying "afgehandeld" is found under it, an older one under what it said then.
  if (data.motie) filters.motiestatus = [MOTION_STATUS_LABELS[data.motie.status]];
  if (data.woo?.besluit) filters.besluit = [WOO_DECISION_SHORT[data.woo.besluit]];
  return {
    filters,
    meta: { title: data.titel, soort: typeLabel(data), organisatie: organisation.naam, datum: dateLabel(data) },
  };
}
