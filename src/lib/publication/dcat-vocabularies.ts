/**
 * The controlled values DCAT-AP-NL 3.0 prescribes for the catalogue (its chapter
 * "Waardelijsten"): EU authority tables for language, access rights, file type
 * and data theme, IANA media types, and licence URIs. Each value is written as a
 * node with its type and label, because the SHACL shapes check the class of
 * every value and a portal shows the label without looking the URI up.
 */

const EU = 'http://publications.europa.eu/resource/authority/';

export const LANGUAGE_DUTCH = { '@id': `${EU}language/NLD`, '@type': 'dct:LinguisticSystem', 'skos:prefLabel': 'Nederlands' };

/** Everything in the archive is public: that is what it is for. */
export const ACCESS_PUBLIC = { '@id': `${EU}access-right/PUBLIC`, '@type': 'dct:RightsStatement', 'skos:prefLabel': 'openbaar' };

export const DOWNLOAD_FORMATS = {
  csv: {
    format: { '@id': `${EU}file-type/CSV`, '@type': 'dct:MediaTypeOrExtent', 'skos:prefLabel': 'CSV' },
    mediaType: { '@id': 'https://www.iana.org/assignments/media-types/text/csv', '@type': 'dct:MediaType' },
    description: 'CSV voor Excel: UTF-8 met BOM, puntkomma’s en decimale komma.',
  },
  json: {
    format: { '@id': `${EU}file-type/JSON`, '@type': 'dct:MediaTypeOrExtent', 'skos:prefLabel': 'JSON' },
    mediaType: { '@id': 'https://www.iana.org/assignments/media-types/application/json', '@type': 'dct:MediaType' },
    description: 'JSON met de cijfers en de gegevens over bron, peildatum of periode, eenheid, licentie en voetnoten.',
  },
} as const;

export const THEME_SCHEME = { '@id': `${EU}data-theme`, '@type': 'skos:ConceptScheme', 'dct:title': { '@value': 'Data theme', '@language': 'en' } };

/** The EU data themes, with their Dutch labels from the authority table. */
const THEME_LABELS = {
  ECON: 'Economie en financiën',
  EDUC: 'Onderwijs, cultuur en sport',
  ENER: 'Energie',
  ENVI: 'Milieu',
  GOVE: 'Overheid en publieke sector',
  HEAL: 'Gezondheid',
  JUST: 'Justitie, rechtsstelsel en openbare veiligheid',
  REGI: "Regio's en steden",
  SOCI: 'Bevolking en samenleving',
  TRAN: 'Vervoer',
} as const;
type ThemeCode = keyof typeof THEME_LABELS;

/**
 * The themes a subject (an entry of `onderwerpen`) belongs to. The subjects stay
 * in the catalogue as keywords; this table only adds the EU theme DCAT-AP-NL
 * requires. Add a row when clerks start using a new subject.
 */
const THEMES_BY_SUBJECT: Record<string, readonly ThemeCode[]> = {
  // Youth care is both care for families (society) and health care (the Jeugdwet covers youth mental health).
  jeugdzorg: ['SOCI', 'HEAL'],
  jeugdhulp: ['SOCI', 'HEAL'],
  jeugdwet: ['SOCI', 'HEAL'],
  ggz: ['HEAL'],
  'jeugd-ggz': ['HEAL'],
  preventie: ['HEAL'],
  gezondheid: ['HEAL'],
  pleegzorg: ['SOCI'],
  wijkteams: ['SOCI'],
  wmo: ['SOCI'],
  // Child protection and probation are measures of the juvenile court.
  jeugdbescherming: ['SOCI', 'JUST'],
  kinderbescherming: ['SOCI', 'JUST'],
  ondertoezichtstelling: ['SOCI', 'JUST'],
  uithuisplaatsing: ['SOCI', 'JUST'],
  jeugdreclassering: ['JUST'],
  kindermishandeling: ['SOCI', 'JUST'],
  veiligheid: ['JUST'],
  onderwijs: ['EDUC'],
  sport: ['EDUC'],
  cultuur: ['EDUC'],
  financiën: ['ECON'],
  begroting: ['ECON'],
  jaarrekening: ['ECON'],
  inkoop: ['GOVE'],
  samenwerking: ['GOVE'],
  decentralisatie: ['GOVE'],
  hervormingsagenda: ['GOVE'],
  bestuur: ['GOVE'],
  wonen: ['REGI'],
  verkeer: ['TRAN'],
  milieu: ['ENVI'],
  energie: ['ENER'],
};

const theme = (code: ThemeCode) => ({ '@id': `${EU}data-theme/${code}`, '@type': 'skos:Concept', 'skos:prefLabel': THEME_LABELS[code], 'skos:inScheme': THEME_SCHEME['@id'] });

/** EU data themes of a dataset's subjects, in a fixed order; government when none is known, as every dataset here comes from council information. */
export function themesFor(subjects: readonly string[]) {
  const codes = new Set(subjects.flatMap((subject) => THEMES_BY_SUBJECT[subject.trim().toLowerCase()] ?? []));
  const known = (Object.keys(THEME_LABELS) as ThemeCode[]).filter((code) => codes.has(code));
  return (known.length ? known : (['GOVE'] as const)).map(theme);
}

/** Licence URIs for the SPDX ids a webmaster is likely to write; the licence itself, not its summary ("deed") page. */
const LICENCES: Record<string, { uri: string; label: string }> = {
  'CC0-1.0': { uri: 'http://creativecommons.org/publicdomain/zero/1.0/', label: 'CC0 1.0 Universeel' },
  'CC-BY-4.0': { uri: 'http://creativecommons.org/licenses/by/4.0/', label: 'CC BY 4.0 Naamsvermelding' },
  'CC-BY-SA-4.0': { uri: 'http://creativecommons.org/licenses/by-sa/4.0/', label: 'CC BY-SA 4.0 Naamsvermelding-GelijkDelen' },
};

/**
 * The licence as a node: a known SPDX id by its URI, a Creative Commons deed or
 * legal-code page by the licence it belongs to, another URL as it is, another
 * SPDX-style id by its SPDX URI. Free text is no URI; it stays a described licence.
 */
type LicenceNode = { '@id': string; '@type': 'dct:LicenseDocument'; 'rdfs:label': string } | { '@type': 'dct:LicenseDocument'; 'rdfs:label': string };

export function licenceNode(licence: string): LicenceNode {
  const known = LICENCES[licence];
  if (known) return { '@id': known.uri, '@type': 'dct:LicenseDocument', 'rdfs:label': known.label };
  const creativeCommons = /^https?:\/\/creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d\.\d)\/?(?:deed\.[a-z-]+|legalcode(?:\.[a-z-]+)?)?$/i.exec(licence);
  if (creativeCommons) {
    const uri = `http://creativecommons.org/${creativeCommons[1]!.toLowerCase()}/${creativeCommons[2]!.toLowerCase()}/${creativeCommons[3]}/`;
    const label = Object.values(LICENCES).find((l) => l.uri === uri)?.label ?? licence;
    return { '@id': uri, '@type': 'dct:LicenseDocument', 'rdfs:label': label };
  }
  if (/^https?:\/\/[^\s<>"{}|\\^`]+$/.test(licence)) return { '@id': licence, '@type': 'dct:LicenseDocument', 'rdfs:label': licence };
  if (/^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(licence)) return { '@id': `http://spdx.org/licenses/${licence}`, '@type': 'dct:LicenseDocument', 'rdfs:label': licence };
  return { '@type': 'dct:LicenseDocument', 'rdfs:label': licence };
}
