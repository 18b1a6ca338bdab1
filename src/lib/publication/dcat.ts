/**
 * The catalogue of all datasets for open-data portals, in DCAT-AP-NL 3.0 as
 * JSON-LD. tests/dcat.test.ts validates the built catalogue with Geonovum's
 * SHACL shapes, so what is written here is what the standard asks for:
 *
 * - every value that is a URI is declared `@id` in the context, or a portal reads
 *   it as plain text;
 * - every controlled value is a node with its class and label
 *   (./dcat-vocabularies.ts), because the shapes check classes;
 * - a date is a typed literal of the precision the source gives (xsd:date,
 *   gYearMonth or gYear), never a day the archive does not know.
 */
import type { Organisation } from '../../schemas/organisation';
import { MONTH_NAMES, type PartialDate } from '../../schemas/partial-date';
import type { SiteSettings } from '../../schemas/site';
import { formatPartialDate } from '../formats/dates';
import { sourceName, type Dataset } from '../datasets/load';
import { datasetMetadata, datasetModified, datasetToCsv, datasetToJson } from './open-data';
import { ACCESS_PUBLIC, DOWNLOAD_FORMATS, LANGUAGE_DUTCH, THEME_SCHEME, licenceNode, themesFor } from './dcat-vocabularies';
import { tooiOrganisation } from './woo';

export type JsonLdValue = string | number | boolean | JsonLdNode | JsonLdValue[];
export interface JsonLdNode {
  [property: string]: JsonLdValue;
}
export interface CatalogueDataset extends JsonLdNode {
  'dcat:distribution': JsonLdNode[];
}
export interface Catalogue extends JsonLdNode {
  'dcat:dataset': CatalogueDataset[];
}

/** A briefing that cites a dataset, as far as the catalogue needs it. */
export interface CitingBriefing {
  id: string;
  datum: PartialDate;
  organisation?: Organisation;
}

export interface CatalogueInput {
  datasets: Dataset[];
  site: SiteSettings;
  /** Absolute URL of the archive's root, ending in "/". */
  root: string;
  /** The briefings that cite each dataset, by dataset id. */
  citations?: ReadonlyMap<string, readonly CitingBriefing[]>;
}

const ID = { '@type': '@id' } as const;
const DUTCH = { '@language': 'nl' } as const;

const CONTEXT: JsonLdNode = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  'dct:title': DUTCH,
  'dct:description': DUTCH,
  'dcat:keyword': DUTCH,
  'foaf:name': DUTCH,
  'vcard:fn': DUTCH,
  'skos:prefLabel': DUTCH,
  'rdfs:label': DUTCH,
  'dct:modified': { '@type': 'xsd:date' },
  'dcat:byteSize': { '@type': 'xsd:nonNegativeInteger' },
  ...Object.fromEntries(
    [
      'dcat:dataset', 'dcat:distribution', 'dcat:accessURL', 'dcat:downloadURL', 'dcat:landingPage', 'dcat:mediaType', 'dcat:theme', 'dcat:themeTaxonomy',
      'dcat:contactPoint', 'dct:publisher', 'dct:creator', 'dct:language', 'dct:license', 'dct:accessRights', 'dct:format', 'dct:spatial', 'dct:temporal',
      'dct:provenance', 'foaf:homepage', 'foaf:page', 'vcard:hasEmail', 'vcard:hasURL', 'skos:inScheme',
    ].map((property) => [property, ID]),
  ),
};

const DATATYPE = { dag: 'xsd:date', maand: 'xsd:gYearMonth', jaar: 'xsd:gYear' } as const;

/** A date as precise as the source: 2024-09-10 (xsd:date), 2024-09 (gYearMonth) or 2024 (gYear). */
function dateLiteral(date: PartialDate): JsonLdNode | undefined {
  return date.precision === 'onbekend' || !date.iso ? undefined : { '@value': date.iso, '@type': DATATYPE[date.precision] };
}

const year = (value: string): JsonLdNode => ({ '@value': value, '@type': 'xsd:gYear' });
const day = (value: string): JsonLdNode => ({ '@value': value, '@type': 'xsd:date' });
const MONTHS = MONTH_NAMES.join('|');

/**
 * Start and end of a period as clerks write it ("2018, tweede helft", "2013",
 * "2016 – 2019 (…)", "2022 – augustus 2024", "2019 en later"). Anything else
 * has no bounds: the text stays the description, and no date is guessed.
 */
function periodBounds(text: string): { start?: JsonLdNode; end?: JsonLdNode } {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) return { start: year(m[1]!), end: year(m[1]!) };
  if ((m = /^(\d{4}),? (eerste|tweede) helft$/i.exec(t))) {
    const first = m[2]!.toLowerCase() === 'eerste';
    return { start: day(`${m[1]}-${first ? '01-01' : '07-01'}`), end: day(`${m[1]}-${first ? '06-30' : '12-31'}`) };
  }
  if ((m = /^(\d{4}) ?[–-] ?(\d{4})(?: \([^)]*\))?$/.exec(t))) return { start: year(m[1]!), end: year(m[2]!) };
  if ((m = new RegExp(`^(\\d{4}) ?[–-] ?(${MONTHS}) (\\d{4})$`, 'i').exec(t))) {
    const month = MONTH_NAMES.indexOf(m[2]!.toLowerCase()) + 1;
    return { start: year(m[1]!), end: { '@value': `${m[3]}-${String(month).padStart(2, '0')}`, '@type': 'xsd:gYearMonth' } };
  }
  if ((m = /^(\d{4}) en later$/i.exec(t))) return { start: year(m[1]!) };
  return {};
}

/** The time the figures describe: the period when its bounds can be read, else the reference date, else the period's text alone. */
function temporalCoverage(dataset: Dataset): JsonLdNode | undefined {
  const period = dataset.periode ? periodBounds(dataset.periode) : {};
  const reference = dataset.peildatum ? dateLiteral(dataset.peildatum) : undefined;
  const node = (bounds: { start?: JsonLdNode; end?: JsonLdNode }, description: string): JsonLdNode => ({
    '@type': 'dct:PeriodOfTime',
    ...(bounds.start ? { 'dcat:startDate': bounds.start } : {}),
    ...(bounds.end ? { 'dcat:endDate': bounds.end } : {}),
    'dct:description': description,
  });
  if (dataset.periode && (period.start || period.end)) return node(period, dataset.periode);
  if (reference && dataset.peildatum) return node({ start: reference, end: reference }, `peildatum ${formatPartialDate(dataset.peildatum)}`);
  return dataset.periode ? node({}, dataset.periode) : undefined;
}

/** The briefing that first made the figures public: the earliest known date, else the first in the archive. */
function firstPublication(citing: readonly CitingBriefing[]): CitingBriefing | undefined {
  const dated = citing.filter((b) => b.datum.iso).sort((a, b) => (a.datum.iso < b.datum.iso ? -1 : a.datum.iso > b.datum.iso ? 1 : 0));
  return dated[0] ?? citing[0];
}

const documentNode = (url: string): JsonLdNode => ({ '@id': url, '@type': 'foaf:Document' });

/** DCAT-AP-NL catalogue as JSON-LD: the fields a portal such as data.overheid.nl harvests. */
export function dcatCatalogue({ datasets, site, root, citations = new Map() }: CatalogueInput): Catalogue {
  const catalogueUrl = `${root}datasets/catalogus.jsonld`;
  // The archive's publisher and contact are described in this document; their identifiers point into it.
  const publisherId = `${catalogueUrl}#uitgever`;
  const contactId = `${catalogueUrl}#contact`;
  const publisher: JsonLdNode = { '@id': publisherId, '@type': 'foaf:Agent', 'foaf:name': site.uitgever };
  const contact: JsonLdNode = {
    '@id': contactId,
    '@type': 'vcard:Kind',
    'vcard:fn': site.contact?.naam ?? site.uitgever,
    ...(site.contact?.email ? { 'vcard:hasEmail': `mailto:${site.contact.email}` } : {}),
    // DCAT-AP-NL asks for an address or a contact form; without either the home page is the way in.
    ...(site.contact?.url || !site.contact?.email ? { 'vcard:hasURL': site.contact?.url ?? root } : {}),
  };
  const organisationAgent = (organisation: Organisation): JsonLdNode => {
    const tooi = tooiOrganisation(organisation);
    // Without a TOOI identifier the organisation is identified by the archive's own page about it.
    return { '@id': tooi.uri ?? `${root}organisatie/${organisation.id}/#organisatie`, '@type': 'foaf:Agent', 'foaf:name': tooi.label };
  };
  // Described once on the catalogue, named by their IRI elsewhere: the same graph, a much shorter file.
  const siteLicence = licenceNode(site.licentie);
  const licenceValue = (licence: string): JsonLdValue => {
    const node = licenceNode(licence);
    return '@id' in node && '@id' in siteLicence && node['@id'] === siteLicence['@id'] ? node['@id'] : node;
  };
  const language = LANGUAGE_DUTCH['@id'];
  const area = (organisation: Organisation): JsonLdNode => ({
    '@type': 'dct:Location',
    'skos:prefLabel': organisation.soort === 'gemeente' ? organisation.naam.replace(/^gemeente\s+/i, '') : organisation.naam,
  });

  const entries = datasets.map((dataset): CatalogueDataset => {
    const meta = datasetMetadata(dataset, site);
    const licence = licenceValue(meta.licentie);
    const identifier = `${root}datasets/#${dataset.id}`;
    const landingPage = `${root}datasets/${dataset.id}/`;
    const citing = citations.get(dataset.id) ?? [];
    const first = firstPublication(citing);
    const issued = first ? dateLiteral(first.datum) : undefined;
    const modified = datasetModified(dataset);
    const temporal = temporalCoverage(dataset);
    const pages = [...citing.map((b) => `${root}stukken/${b.id}/`), ...(meta.bronUrl ? [meta.bronUrl] : [])];
    const distribution = (format: 'csv' | 'json'): JsonLdNode => {
      const download = DOWNLOAD_FORMATS[format];
      const bytes = Buffer.byteLength(format === 'csv' ? datasetToCsv(dataset) : datasetToJson(dataset, site), 'utf8');
      return {
        '@id': `${catalogueUrl}#${dataset.id}-${format}`,
        '@type': 'dcat:Distribution',
        'dct:title': `${dataset.titel} (${format.toUpperCase()})`,
        'dct:description': download.description,
        'dcat:accessURL': landingPage,
        'dcat:downloadURL': `${root}data/${dataset.id}.${format}`,
        'dct:format': download.format,
        'dcat:mediaType': download.mediaType,
        'dcat:byteSize': String(bytes),
        'dct:license': licence,
        'dct:language': language,
      };
    };
    return {
      '@id': identifier,
      '@type': 'dcat:Dataset',
      'dct:identifier': identifier,
      'dct:title': dataset.titel,
      'dct:description': meta.beschrijving,
      'dcat:landingPage': documentNode(landingPage),
      'dct:publisher': publisherId,
      // Who brought the figures to the council; the archive's editors when no briefing cites them.
      'dct:creator': first?.organisation ? organisationAgent(first.organisation) : publisherId,
      'dcat:contactPoint': contactId,
      'dct:provenance': { '@type': 'dct:ProvenanceStatement', 'rdfs:label': `Bron: ${sourceName(dataset)}` },
      'dcat:theme': themesFor(dataset.onderwerpen),
      ...(dataset.onderwerpen.length ? { 'dcat:keyword': dataset.onderwerpen } : {}),
      'dct:language': language,
      'dct:accessRights': ACCESS_PUBLIC,
      ...(first?.organisation ? { 'dct:spatial': area(first.organisation) } : {}),
      ...(temporal ? { 'dct:temporal': temporal } : {}),
      ...(issued ? { 'dct:issued': issued } : {}),
      ...(modified ? { 'dct:modified': modified } : {}),
      ...(pages.length ? { 'foaf:page': pages.map(documentNode) } : {}),
      'dcat:distribution': [distribution('csv'), distribution('json')],
    };
  });
  const modified = entries.map((entry) => entry['dct:modified']).filter((date): date is string => typeof date === 'string').sort().at(-1);

  return {
    '@context': CONTEXT,
    '@id': catalogueUrl,
    '@type': 'dcat:Catalog',
    'dct:title': `${site.naam} — datasets`,
    'dct:description': site.omschrijving,
    'foaf:homepage': documentNode(root),
    'dct:publisher': publisher,
    'dct:creator': publisherId,
    'dcat:contactPoint': contact,
    'dct:language': LANGUAGE_DUTCH,
    'dct:license': siteLicence,
    'dcat:themeTaxonomy': THEME_SCHEME,
    ...(modified ? { 'dct:modified': modified } : {}),
    'dcat:dataset': entries,
  };
}
