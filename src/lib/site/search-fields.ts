/**
 * What the search knows about a briefing besides its text: the filters of the
 * search page and the details shown with a result. The briefing's page and the
 * records of its files both take them from here, so filtering on an
 * organisation finds a briefing's attachments exactly when it finds the briefing.
 */
import type { BriefingData } from '../../schemas/briefing';
import type { Organisation } from '../../schemas/organisation';
import { dateLabel, typeLabel } from './briefing-view';

export interface SearchFields {
  /** Filter name → values; the names are the search form's select names. */
  filters: Record<string, string[]>;
  /** Shown with each result: title, soort, organisatie, datum. */
  meta: Record<string, string>;
}

export function searchFields(data: BriefingData, organisation: Pick<Organisation, 'naam'>): SearchFields {
  const filters: Record<string, string[]> = { soort: [typeLabel(data)], organisatie: [organisation.naam] };
  if (data.datum.year) filters.jaar = [String(data.datum.year)];
  if (data.onderwerpen.length) filters.onderwerp = [...data.onderwerpen];
  return {
    filters,
    meta: { title: data.titel, soort: typeLabel(data), organisatie: organisation.naam, datum: dateLabel(data) },
  };
}
