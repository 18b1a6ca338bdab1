/**
 * Disclosure control for small numbers, the way CBS publishes youth-care
 * statistics: counts below a threshold shown as "< 5", or every count rounded
 * to a multiple of 5. Applied once, when a dataset is read, so the page, the
 * chart, the table under a chart and the downloads all show the same thing.
 */
import type { DisclosureSettings } from '../../schemas/dataset';
import type { Cell, Row } from './cells';


export function applyDisclosureControl(rows: Row[], columnTypes: string[], columnIds: string[], settings: DisclosureSettings): Row[] {
  const applies = (c: number) => (settings.kolommen ? settings.kolommen.includes(columnIds[c]!) : columnTypes[c] === 'aantal');
  return rows.map((row) => ({
    ...row,
    cells: row.cells.map((cell, c): Cell => {
      if (typeof cell !== 'number' || !applies(c)) return cell;
      if (settings.methode === 'drempel') return cell > 0 && cell < settings.drempel ? { below: settings.drempel } : cell;
      return Math.round(cell / settings.veelvoud) * settings.veelvoud;
    }),
  }));
}

/** The footnote that says what was done. */
export function disclosureNote(settings: DisclosureSettings): string {
  return settings.methode === 'drempel'
    ? `Geheimhouding: aantallen van 1 tot en met ${settings.drempel - 1} worden niet getoond maar weergegeven als “< ${settings.drempel}”, om te voorkomen dat personen herkenbaar zijn.`
    : `Geheimhouding: alle aantallen zijn afgerond op veelvouden van ${settings.veelvoud}, om te voorkomen dat personen herkenbaar zijn. Totalen kunnen daardoor afwijken van de som van de afgeronde getallen.`;
}
