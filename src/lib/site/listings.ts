/**
 * The listings the archive offers: by type, year, organisation and topic.
 * One place decides which briefings belong to which listing, so pages,
 * feeds and the sitemap agree.
 */
import type { Archive, Briefing } from '../content/archive';
import { DOCUMENT_TYPE_KEYS, DOCUMENT_TYPES } from '../../schemas/document-types';
import { slugify } from '../formats/slug';

export const PAGE_SIZE = 50;

export interface Listing {
  /** URL segment after the listing kind, e.g. "rapportage" or "2024". */
  key: string;
  title: string;
  description?: string;
  /** The organisation's own site, for an organisation's listing. */
  website?: string;
  briefings: Briefing[];
}

export function typeListings(archive: Archive): Listing[] {
  return DOCUMENT_TYPE_KEYS.map((type) => ({
    key: type,
    title: DOCUMENT_TYPES[type].plural,
    description: DOCUMENT_TYPES[type].description,
    briefings: archive.briefings.filter((b) => b.data.type === type),
  }));
}

export function yearListings(archive: Archive): Listing[] {
  return archive.years.map((year) => ({ key: String(year), title: `Stukken uit ${year}`, briefings: archive.briefings.filter((b) => b.data.datum.year === year) }));
}

export function organisationListings(archive: Archive): Listing[] {
  return [...archive.organisations.values()].map((o) => ({
    key: o.id,
    title: o.naam,
    description: o.soort === 'gemeente' ? `Gemeente, CBS-code ${o.cbsCode}.` : `Samenwerkingsverband${o.leden.length ? ` van ${o.leden.join(', ')}` : ''}.`,
    website: o.website,
    briefings: archive.briefings.filter((b) => b.data.organisatie === o.id),
  }));
}

export function topicListings(archive: Archive): Listing[] {
  const topics = new Map<string, { name: string; briefings: Briefing[] }>();
  for (const briefing of archive.briefings) {
    for (const topic of briefing.data.onderwerpen) {
      const key = slugify(topic);
      const entry = topics.get(key) ?? { name: topic, briefings: [] };
      entry.briefings.push(briefing);
      topics.set(key, entry);
    }
  }
  return [...topics].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([key, t]) => ({ key, title: `Onderwerp: ${t.name}`, briefings: t.briefings }));
}

/** Every kind of listing by its URL segment: /soort/…/, /jaar/…/, /organisatie/…/, /onderwerp/…/. */
export const LISTING_KINDS = {
  soort: typeListings,
  jaar: yearListings,
  organisatie: organisationListings,
  onderwerp: topicListings,
} as const satisfies Record<string, (archive: Archive) => Listing[]>;
