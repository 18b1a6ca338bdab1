/**
 * Downloads: CSV that Dutch Excel opens, JSON with metadata, and a DCAT-AP-NL
 * catalogue; disclosure control applies to them exactly as on the page. The
 * built catalogue is validated against the standard in tests/dcat.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../src/lib/datasets/load';
import { datasetToCsv, datasetToJson } from '../src/lib/publication/open-data';
import { dcatCatalogue } from '../src/lib/publication/dcat';
import { parsePartialDate, type PartialDate } from '../src/schemas/partial-date';
import { siteSchema } from '../src/schemas/site';

const site = siteSchema.parse({ naam: 'Raadsarchief', omschrijving: 'Test', uitgever: 'Gemeente Test' });
const dataset = parseDataset(
  `titel: Kosten; per gemeente
bron: { naam: I&O Research, url: https://example.org/bron }
peildatum: 2011-10-01
schaal: "× € 1.000"
geheimhouding: { methode: drempel, drempel: 5 }
kolommen:
  - { id: gemeente, label: Gemeente, type: tekst }
  - { id: jeugdigen, label: Jeugdigen, type: aantal }
  - { id: kosten, label: Kosten, type: bedrag }
  - { id: aandeel, label: Aandeel, type: percentage }
rijen:
  - ['Hof van "Twente"', 3, 16143, 12.3]
  - { cellen: [Totaal, 20961, 103164.5, 100], soort: totaal, voorlopig: true }
`,
  'data/kosten.yaml',
  'kosten',
);

describe('CSV download', () => {
  it('has a BOM, a header row, semicolons and decimal commas, and the disclosure applied', () => {
    const csv = datasetToCsv(dataset);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Gemeente;Jeugdigen;Kosten;Aandeel;Rijsoort;Voorlopig',
      '"Hof van ""Twente""";< 5;16143;12,3;gegeven;nee',
      'Totaal;20961;103164,5;100;totaal;ja',
    ]);
  });
});

describe('JSON download', () => {
  it('carries title, source, reference date, scale, licence and disclosure control', () => {
    const json = JSON.parse(datasetToJson(dataset, site));
    expect(json).toMatchObject({
      id: 'kosten',
      titel: 'Kosten; per gemeente',
      bron: 'I&O Research',
      bronUrl: 'https://example.org/bron',
      peildatum: '2011-10-01',
      schaal: '× € 1.000',
      licentie: 'CC0-1.0',
      geheimhouding: { methode: 'drempel', drempel: 5 },
    });
    expect(json.geheimhouding.toelichting).toContain('“< 5”');
    expect(json.rijen[0].waarden).toEqual({ gemeente: 'Hof van "Twente"', jeugdigen: '< 5', kosten: 16143, aandeel: 12.3 });
    expect(json.rijen[1]).toMatchObject({ soort: 'totaal', voorlopig: true });
  });
});

describe('DCAT-AP-NL catalogue', () => {
  const root = 'https://gemeente.example/raadsinformatie/';

  it('lists each dataset with its distributions and the mandatory fields, every URI declared as one', () => {
    const catalogue = dcatCatalogue({ datasets: [dataset], site, root });
    expect(catalogue['@type']).toBe('dcat:Catalog');
    for (const property of ['dcat:accessURL', 'dcat:downloadURL', 'dct:license', 'dct:format', 'dcat:mediaType', 'dcat:theme', 'dct:language', 'dct:accessRights', 'dct:creator']) {
      expect(catalogue['@context'], property).toHaveProperty([property], { '@type': '@id' });
    }
    const entry = catalogue['dcat:dataset'][0]!;
    expect(entry).toMatchObject({
      '@type': 'dcat:Dataset',
      'dct:identifier': `${root}datasets/#kosten`,
      'dct:title': 'Kosten; per gemeente',
      'dct:publisher': `${root}datasets/catalogus.jsonld#uitgever`,
      // Cited by no briefing: the publisher compiled it.
      'dct:creator': `${root}datasets/catalogus.jsonld#uitgever`,
      'dcat:contactPoint': `${root}datasets/catalogus.jsonld#contact`,
      'dct:language': 'http://publications.europa.eu/resource/authority/language/NLD',
      'dct:accessRights': { '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC', '@type': 'dct:RightsStatement' },
      'dct:provenance': { '@type': 'dct:ProvenanceStatement', 'rdfs:label': 'Bron: I&O Research' },
      'foaf:page': [{ '@id': 'https://example.org/bron', '@type': 'foaf:Document' }],
    });
    // No subjects: filed under government, where all council information belongs.
    expect(entry['dcat:theme']).toEqual([expect.objectContaining({ '@id': 'http://publications.europa.eu/resource/authority/data-theme/GOVE', '@type': 'skos:Concept' })]);
    expect(entry['dct:temporal']).toEqual({
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': { '@value': '2011-10-01', '@type': 'xsd:date' },
      'dcat:endDate': { '@value': '2011-10-01', '@type': 'xsd:date' },
      'dct:description': 'peildatum 1 oktober 2011',
    });
    expect(entry['dct:modified']).toBeUndefined(); // data/kosten.yaml is in no git history
    expect(entry['dcat:distribution'].map((d) => [d['dcat:downloadURL'], (d['dcat:mediaType'] as { '@id': string })['@id'], d['dct:license']])).toEqual([
      [`${root}data/kosten.csv`, 'https://www.iana.org/assignments/media-types/text/csv', 'http://creativecommons.org/publicdomain/zero/1.0/'],
      [`${root}data/kosten.json`, 'https://www.iana.org/assignments/media-types/application/json', 'http://creativecommons.org/publicdomain/zero/1.0/'],
    ]);
    expect(entry['dcat:distribution'][0]!['dcat:byteSize']).toBe(String(Buffer.byteLength(datasetToCsv(dataset))));
  });

  it('gives portals the contact of content/site.yaml, and the home page when there is none', () => {
    const contactOf = (contact: unknown) => dcatCatalogue({ datasets: [dataset], site: siteSchema.parse({ ...site, contact }), root })['dcat:contactPoint'];
    expect(contactOf({ naam: 'de griffie', email: 'griffie@gemeente.example', url: 'https://www.gemeente.example/contact' })).toEqual({
      '@id': `${root}datasets/catalogus.jsonld#contact`,
      '@type': 'vcard:Kind',
      'vcard:fn': 'de griffie',
      'vcard:hasEmail': 'mailto:griffie@gemeente.example',
      'vcard:hasURL': 'https://www.gemeente.example/contact',
    });
    // Written as one line of text, as before: the name, and the home page as the way in.
    expect(contactOf('de griffie')).toMatchObject({ 'vcard:fn': 'de griffie', 'vcard:hasURL': root });
    expect(contactOf(undefined)).toMatchObject({ 'vcard:fn': 'Gemeente Test', 'vcard:hasURL': root });
  });

  it('writes a licence as the licence URI, also when the deed page or another SPDX id is given', () => {
    const licenceOf = (licentie: string) => dcatCatalogue({ datasets: [dataset], site: siteSchema.parse({ ...site, licentie }), root })['dct:license'];
    expect(licenceOf('CC0-1.0')).toMatchObject({ '@id': 'http://creativecommons.org/publicdomain/zero/1.0/', '@type': 'dct:LicenseDocument' });
    expect(licenceOf('http://creativecommons.org/publicdomain/zero/1.0/deed.nl')).toMatchObject({ '@id': 'http://creativecommons.org/publicdomain/zero/1.0/' });
    expect(licenceOf('https://creativecommons.org/licenses/by/4.0/legalcode.nl')).toMatchObject({ '@id': 'http://creativecommons.org/licenses/by/4.0/' });
    expect(licenceOf('ODbL-1.0')).toMatchObject({ '@id': 'http://spdx.org/licenses/ODbL-1.0' });
    // Free text is no URI: a described licence without an identifier.
    expect(licenceOf('vrij te gebruiken met bronvermelding')).toEqual({ '@type': 'dct:LicenseDocument', 'rdfs:label': 'vrij te gebruiken met bronvermelding' });
  });

  it('names the organisation of the first briefing that cites a dataset as creator, and its date as release date', () => {
    const almelo = { id: 'almelo', naam: 'Gemeente Almelo', soort: 'gemeente' as const, cbsCode: 'GM0141', leden: [] };
    const twente = { id: 'twente', naam: 'Veertien Twentse gemeenten', soort: 'samenwerkingsverband' as const, leden: [] };
    const citations = new Map([
      ['kosten', [
        { id: 'later', datum: parsePartialDate('2024-09-10') as PartialDate, organisation: almelo },
        { id: 'eerst', datum: parsePartialDate('2013-05') as PartialDate, organisation: twente },
      ]],
    ]);
    const entry = dcatCatalogue({ datasets: [dataset], site, root, citations })['dcat:dataset'][0]!;
    expect(entry['dct:creator']).toEqual({ '@id': `${root}organisatie/twente/#organisatie`, '@type': 'foaf:Agent', 'foaf:name': 'Veertien Twentse gemeenten' });
    expect(entry['dct:issued']).toEqual({ '@value': '2013-05', '@type': 'xsd:gYearMonth' });
    expect(entry['foaf:page']).toEqual([
      { '@id': `${root}stukken/later/`, '@type': 'foaf:Document' },
      { '@id': `${root}stukken/eerst/`, '@type': 'foaf:Document' },
      { '@id': 'https://example.org/bron', '@type': 'foaf:Document' },
    ]);
    const fromAlmelo = dcatCatalogue({ datasets: [dataset], site, root, citations: new Map([['kosten', [citations.get('kosten')![0]!]]]) })['dcat:dataset'][0]!;
    expect(fromAlmelo['dct:creator']).toEqual({ '@id': 'https://identifier.overheid.nl/tooi/id/gemeente/gm0141', '@type': 'foaf:Agent', 'foaf:name': 'gemeente Almelo' });
    expect(fromAlmelo['dct:spatial']).toEqual({ '@type': 'dct:Location', 'skos:prefLabel': 'Almelo' });
  });
});
