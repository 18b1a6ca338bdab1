/**
 * The register's figures per year as a table dataset, so the register gets the
 * same chart-with-table as every dataset in the archive, computed at build time.
 */
import { dump } from 'js-yaml';
import { parseDataset, type TableDataset } from '../datasets/load';
import type { PartialDate } from '../../schemas/partial-date';
import type { QuestionYearFigures } from './questions';

export function questionFiguresDataset(figures: readonly QuestionYearFigures[], term: number, today: PartialDate): TableDataset | undefined {
  if (figures.length === 0) return undefined;
  const spec = {
    titel: 'Schriftelijke vragen per jaar: mediaan aantal dagen tot het antwoord',
    bijschrift: `Per jaar waarin de vragen zijn gesteld. De mediaan en het aandeel binnen de termijn (${term} dagen) tellen alleen vragen waarvan beide datums op de dag bekend zijn.`,
    bron: 'Register schriftelijke vragen van dit archief',
    peildatum: today.iso,
    kolommen: [
      { id: 'jaar', label: 'Jaar', type: 'tekst' },
      { id: 'vragen', label: 'Sets vragen', type: 'aantal' },
      { id: 'geteld', label: 'Met bekende antwoordtermijn', type: 'aantal' },
      { id: 'mediaan', label: 'Mediaan dagen tot antwoord', type: 'getal', decimalen: 1, eenheid: 'dagen', optellen: false },
      { id: 'binnen', label: 'Binnen de termijn', type: 'percentage' },
    ],
    grafiek: { soort: 'staaf', x: 'jaar', tijdas: 'jaar', reeksen: ['mediaan'], yLabel: 'dagen' },
    normen: [{ label: 'Beantwoordingstermijn', waarde: term, eenheid: 'dagen' }],
    rijen: figures.map((f) => [String(f.year), f.sets, f.counted, f.medianDays ?? null, f.withinTermPercent ?? null]),
  };
  const dataset = parseDataset(dump(spec), 'register schriftelijke vragen', 'vragen-per-jaar');
  return dataset.soort === 'tabel' ? (dataset as TableDataset) : undefined;
}
