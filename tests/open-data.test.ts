/**
 * Downloads: CSV that Dutch Excel opens, JSON with metadata, and a DCAT-AP-NL
 * catalogue; disclosure control applies to them exactly as on the page.
 */
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../src/lib/datasets/load';
import { datasetToCsv, datasetToJson, dcatCatalogue } from '../src/lib/publication/open-data';
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
  it('lists each dataset with its distributions and the required fields', () => {
    const catalogue = dcatCatalogue({ datasets: [dataset], site, root: 'https://gemeente.example/raadsinformatie/' });
    expect(catalogue['@type']).toBe('dcat:Catalog');
    const entry = catalogue['dcat:dataset'][0]!;
    expect(entry).toMatchObject({
      '@type': 'dcat:Dataset',
      'dct:identifier': 'https://gemeente.example/raadsinformatie/datasets/#kosten',
      'dct:title': 'Kosten; per gemeente',
      'dct:publisher': { 'foaf:name': 'Gemeente Test' },
      'dct:license': 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl',
    });
    expect(entry['dcat:theme']).toMatch(/^http:\/\/standaarden\.overheid\.nl\/owms\/terms\//);
    expect(entry['dct:temporal']).toEqual({ '@type': 'dct:PeriodOfTime', 'dct:description': '1 oktober 2011' });
    expect(entry['dcat:distribution'].map((d: { 'dcat:downloadURL': string; 'dcat:mediaType': string }) => [d['dcat:downloadURL'], d['dcat:mediaType']])).toEqual([
      ['https://gemeente.example/raadsinformatie/data/kosten.csv', 'text/csv'],
      ['https://gemeente.example/raadsinformatie/data/kosten.json', 'application/json'],
    ]);
  });
});
