/**
 * How each kind of briefing is offered under the Wet open overheid (Woo): its
 * information category (article 3.3) and its document kind, as TOOI values of
 * the DiWoo lists. One table, so the Woo-index sitemaps, the machine-readable
 * briefings and the README say the same thing.
 */
import type { DocumentType } from '../../schemas/document-types';
import type { Organisation } from '../../schemas/organisation';

const TOOI_KERN = 'https://identifier.overheid.nl/tooi/def/thes/kern/';

export interface TooiValue {
  /** The TOOI URI, e.g. https://identifier.overheid.nl/tooi/def/thes/kern/c_8c840238. */
  uri: string;
  /** The label of the DiWoo list, letter for letter. */
  label: string;
}

export interface WooCategory extends TooiValue {
  /** Number in the Woo-index's file names: sitemapindex-diwoo-infocat006.xml. */
  infocat: string;
  /** Where the Woo names it. */
  article: string;
}

const category = (code: string, label: string, infocat: string, article: string): WooCategory => ({ uri: TOOI_KERN + code, label, infocat, article });
const kind = (code: string, label: string): TooiValue => ({ uri: TOOI_KERN + code, label });

/** Art. 3.3 lid 2 a: documents a representative body (the council) receives, such as the college's letters to it. */
const INGEKOMEN = category('c_8c840238', 'bij vertegenwoordigende organen ingekomen stukken', '006', 'artikel 3.3, tweede lid, onder a');
/** Art. 3.3 lid 2 c: meeting documents of municipal councils and regional bodies, such as policy notes put to them. */
const VERGADERSTUKKEN = category('c_db4862c3', 'vergaderstukken decentrale overheden', '008', 'artikel 3.3, tweede lid, onder c');
/** Art. 3.3 lid 2 g: annual plans and reports, and the progress reports in between. */
const JAARVERSLAGEN = category('c_c6cd1213', 'jaarplannen en jaarverslagen', '012', 'artikel 3.3, tweede lid, onder g');

/** Art. 3.3 lid 2 i: requests under the Woo, the decisions on them and the information released with them. */
const WOO_VERZOEKEN = category('c_3baef532', 'Woo-verzoeken en -besluiten', '014', 'artikel 3.3, tweede lid, onder i');

export const WOO_CLASSIFICATION: Readonly<Record<DocumentType, { category: WooCategory; kind: TooiValue }>> = {
  // The college's answers go to the council (and to the resident): the council receives them as a letter.
  // A council member's questions are a letter the council (its griffie) receives and passes to the college.
  'schriftelijke-vragen': { category: INGEKOMEN, kind: kind('c_7652d853', 'brief') },
  'vragen-raadslid': { category: INGEKOMEN, kind: kind('c_7652d853', 'brief') },
  'vragen-inwoner': { category: INGEKOMEN, kind: kind('c_7652d853', 'brief') },
  'motie-uitvoering': { category: INGEKOMEN, kind: kind('c_7652d853', 'brief') },
  raadsinformatiebrief: { category: INGEKOMEN, kind: kind('c_7652d853', 'brief') },
  rapportage: { category: JAARVERSLAGEN, kind: kind('c_cccba364', 'voortgangsrapport') },
  notitie: { category: VERGADERSTUKKEN, kind: kind('c_9376c730', 'beleidsnota') },
  'woo-besluit': { category: WOO_VERZOEKEN, kind: kind('c_4f50ca9c', 'beslissing op Wob-/Woo-verzoek') },
};

/** Every category the archive can offer, once each, in the order of the Woo. */
export const WOO_CATEGORIES: readonly WooCategory[] = [...new Map(Object.values(WOO_CLASSIFICATION).map((c) => [c.category.uri, c.category])).values()].sort((a, b) =>
  a.infocat.localeCompare(b.infocat),
);

/**
 * The organisation as a TOOI value: a municipality by its CBS code
 * (GM0141 → …/tooi/id/gemeente/gm0141, label "gemeente Almelo"). A
 * samenwerkingsverband has no TOOI identifier and is named only.
 */
export function tooiOrganisation(organisation: Organisation): { uri?: string; label: string } {
  if (organisation.soort === 'gemeente' && organisation.cbsCode) {
    const name = organisation.naam.replace(/^gemeente\s+/i, '');
    return { uri: `https://identifier.overheid.nl/tooi/id/gemeente/${organisation.cbsCode.toLowerCase()}`, label: `gemeente ${name}` };
  }
  return { label: organisation.naam };
}
