/**
 * Every dataset as open data: CSV that Dutch Excel opens as it is and JSON with
 * its metadata. The catalogue that lists them for data portals is ./dcat.ts.
 */
import { formatPartialDate } from '../formats/dates';
import { isSuppressed, suppressedText, type Cell } from '../datasets/cells';
import { disclosureNote } from '../datasets/disclosure';
import { sourceName, type Dataset } from '../datasets/load';
import type { SiteSettings } from '../../schemas/site';
import { evaluateStatusRule } from '../datasets/status-rules';
import { lastCommitDate } from '../datasets/history';

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

/**
 * The day the dataset's figures last changed: the last commit of its YAML file
 * (and of its CSV file, when the rows are kept there). Stable for every build of
 * the same commit, cold or incremental; undefined outside git or with changes
 * that are not committed yet.
 */
export function datasetModified(dataset: Dataset): string | undefined {
  return lastCommitDate(dataset.soort === 'tabel' && dataset.rowsFile ? [dataset.file, dataset.rowsFile] : [dataset.file]);
}
