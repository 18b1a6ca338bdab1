/**
 * Every dataset as open data: CSV that Dutch Excel opens as it is, JSON with
 * its metadata, and a DCAT-AP-NL catalogue of all of them.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatPartialDate } from '../formats/dates';
import { isSuppressed, suppressedText, type Cell } from '../datasets/cells';
import { disclosureNote } from '../datasets/disclosure';
import { sourceName, type Dataset } from '../datasets/load';
import type { SiteSettings } from '../../schemas/site';
import { evaluateStatusRule } from '../datasets/status-rules';

const BOM = '\uFEFF';

/** Dutch Excel: semicolons, decimal comma, no thousands separators. */
function csvValue(cell: Cell | boolean | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nee';
  if (isSuppressed(cell)) return suppressedText(cell);
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  return /[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const csvLine = (cells: Array<Cell | boolean | undefined>) => cells.map(csvValue).join(';');

export function datasetToCsv(dataset: Dataset): string {
  const lines: string[] = [];
  if (dataset.soort === 'statusoverzicht') {
    lines.push(csvLine(['Thema', 'Ontwikkeling', 'Streefbeeld', 'Status', 'Herkomst status', 'Toelichting']));
    for (const t of dataset.themas) lines.push(csvLine([t.thema, t.ontwikkeling, t.streefbeeld, t.status ?? null, t.herkomst, t.toelichting ?? null]));
  } else if (dataset.soort === 'kerncijfers') {
    lines.push(csvLine(['Id', 'Cijfer', 'Waarde', 'Eenheid', 'Periode', 'Voorlopig', 'Vergelijking', 'Vergelijkingswaarde', 'Status']));
    for (const f of dataset.cijfers) {
      const status = f.statusregel ? evaluateStatusRule(f.statusregel, f.waarde) ?? null : null;
      lines.push(csvLine([f.id, f.label, f.waarde, f.eenheid ?? (f.type === 'percentage' ? '%' : null), f.periode, f.voorlopig, f.vergelijking ? f.vergelijking.label ?? f.vergelijking.soort : null, f.vergelijking?.waarde ?? null, status]));
    }
  } else {
    lines.push(csvLine([...dataset.kolommen.map((k) => k.label), 'Rijsoort', 'Voorlopig']));
    for (const row of dataset.rows) lines.push(csvLine([...row.cells, row.kind, row.provisional]));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

const jsonCell = (cell: Cell) => (isSuppressed(cell) ? suppressedText(cell) : cell);

export function datasetMetadata(dataset: Dataset, site: SiteSettings) {
  return {
    id: dataset.id,
    titel: dataset.titel,
    beschrijving: dataset.bijschrift ?? dataset.titel,
    bron: sourceName(dataset),
    bronUrl: typeof dataset.bron === 'string' ? undefined : dataset.bron.url,
    peildatum: dataset.peildatum?.iso || undefined,
    peildatumTekst: dataset.peildatum ? formatPartialDate(dataset.peildatum) : undefined,
    periode: dataset.periode,
    licentie: dataset.licentie ?? site.licentie,
    voetnoten: dataset.voetnoten,
    ...(dataset.soort === 'tabel'
      ? {
          eenheid: dataset.eenheid,
          schaal: dataset.schaal,
          afronding: dataset.afronding || undefined,
          geheimhouding: dataset.geheimhouding ? { ...dataset.geheimhouding, toelichting: disclosureNote(dataset.geheimhouding) } : undefined,
          voorlopig: dataset.rows.some((r) => r.provisional) ? dataset.voorlopigToelichting ?? 'Rijen met voorlopig: true kunnen nog veranderen.' : undefined,
        }
      : {}),
  };
}

export function datasetToJson(dataset: Dataset, site: SiteSettings): string {
  const body =
    dataset.soort === 'statusoverzicht'
      ? { themas: dataset.themas }
      : dataset.soort === 'kerncijfers'
        ? { cijfers: dataset.cijfers.map((f) => ({ ...f, status: f.statusregel ? evaluateStatusRule(f.statusregel, f.waarde) ?? null : undefined })) }
        : {
          kolommen: dataset.kolommen.map((k) => ({ id: k.id, label: k.label, type: k.type, eenheid: k.eenheid })),
          rijen: dataset.rows.map((row) => ({
            soort: row.kind,
            voorlopig: row.provisional,
            waarden: Object.fromEntries(dataset.kolommen.map((k, i) => [k.id, jsonCell(row.cells[i] ?? null)])),
          })),
        };
  return `${JSON.stringify({ ...datasetMetadata(dataset, site), soort: dataset.soort, ...body }, null, 2)}\n`;
}

const LICENCES: Record<string, string> = {
  'CC0-1.0': 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl',
  'CC-BY-4.0': 'http://creativecommons.org/licenses/by/4.0/deed.nl',
};

/** Last change of the data file; the build has nothing more precise. */
export function datasetModified(dataset: Dataset): string | undefined {
  try {
    return statSync(resolve(dataset.file)).mtime.toISOString().slice(0, 10);
  } catch {
    return undefined;
  }
}

export interface CatalogueInput {
  datasets: Dataset[];
  site: SiteSettings;
  /** Absolute URL of the archive's root, ending in "/". */
  root: string;
}

/** DCAT-AP-NL catalogue as JSON-LD: dataset and distribution fields a portal such as data.overheid.nl reads. */
export function dcatCatalogue({ datasets, site, root }: CatalogueInput) {
  const licence = (id: string) => LICENCES[id] ?? id;
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${root}datasets/catalogus.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': `${site.naam} — datasets`,
    'dct:description': site.omschrijving,
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': site.uitgever },
    'dct:language': 'nl',
    'dcat:dataset': datasets.map((dataset) => {
      const meta = datasetMetadata(dataset, site);
      const modified = datasetModified(dataset);
      const page = `${root}datasets/#${dataset.id}`;
      const distribution = (format: 'csv' | 'json') => ({
        '@type': 'dcat:Distribution',
        'dct:title': `${dataset.titel} (${format.toUpperCase()})`,
        'dcat:downloadURL': `${root}data/${dataset.id}.${format}`,
        'dcat:accessURL': page,
        'dcat:mediaType': format === 'csv' ? 'text/csv' : 'application/json',
        'dct:format': format === 'csv' ? 'http://publications.europa.eu/resource/authority/file-type/CSV' : 'http://publications.europa.eu/resource/authority/file-type/JSON',
        'dct:license': licence(meta.licentie),
      });
      return {
        '@id': page,
        '@type': 'dcat:Dataset',
        'dct:identifier': page,
        'dct:title': dataset.titel,
        'dct:description': meta.beschrijving,
        'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': site.uitgever },
        'dct:source': meta.bron,
        'dcat:theme': 'http://standaarden.overheid.nl/owms/terms/Zorg_en_gezondheid',
        'dcat:keyword': dataset.onderwerpen,
        'dct:license': licence(meta.licentie),
        'dct:language': 'nl',
        ...(meta.peildatum || meta.periode ? { 'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dct:description': meta.periode ?? meta.peildatumTekst } } : {}),
        ...(modified ? { 'dct:modified': { '@value': modified, '@type': 'xsd:date' } } : {}),
        'dcat:distribution': [distribution('csv'), distribution('json')],
      };
    }),
  };
}
