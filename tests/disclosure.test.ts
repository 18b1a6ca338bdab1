/**
 * Disclosure control: small counts hidden or rounded once, when the dataset is
 * read, so table, chart and downloads agree; with a note saying what was done.
 */
import { describe, expect, it } from 'vitest';
import { buildChartSpec } from '../src/lib/datasets/chart-spec';
import { parseDataset, type TableDataset } from '../src/lib/datasets/load';
import { verifyTotals } from '../src/lib/datasets/totals';
import { renderDataTable } from '../src/render/data-table';

const source = (control: string) => `titel: Jeugdigen met jeugdbescherming
bron: CBS
periode: "2023"
${control}
grafiek: { x: wijk }
kolommen:
  - { id: wijk, label: Wijk, type: tekst }
  - { id: aantal, label: Aantal, type: aantal }
  - { id: aandeel, label: Aandeel, type: percentage }
rijen:
  - [Noord, 3, 1.2]
  - [Zuid, 12, 4.8]
  - [Oost, 0, 0]
  - { cellen: [Totaal, 15, 6.0], soort: totaal }
`;

const table = (control: string) => parseDataset(source(control), 'data/t.yaml', 't') as TableDataset;

describe('disclosure control', () => {
  it('shows counts below the threshold as "< 5", leaves zero and other types alone', () => {
    const t = table('geheimhouding: { methode: drempel, drempel: 5 }');
    expect(t.rows.map((r) => r.cells[1])).toEqual([{ below: 5 }, 12, 0, 15]);
    expect(t.rows[0]!.cells[2]).toBe(1.2);
    const html = renderDataTable(t);
    expect(html).toContain('<td class="ra-num">&lt; 5<span class="ra-sr-only"> (klein aantal, niet getoond)</span></td>');
    expect(html).not.toContain('>3<');
    expect(html).toContain('worden niet getoond maar weergegeven als “&lt; 5”');
    // The chart draws nothing for a withheld count.
    expect(buildChartSpec(t).series[0]!.values).toEqual([null, 12, 0]);
    // A total over a withheld count cannot be verified, so no false alarm.
    expect(verifyTotals(t)).toEqual([]);
  });

  it('rounds all counts to multiples of 5 and tolerates the rounding in totals', () => {
    const t = table('geheimhouding: { methode: afronden, veelvoud: 5 }');
    expect(t.rows.map((r) => r.cells[1])).toEqual([5, 10, 0, 15]);
    expect(renderDataTable(t)).toContain('afgerond op veelvouden van 5');
    expect(verifyTotals(t)).toEqual([]);
  });

  it('rejects an unknown method in Dutch', () => {
    expect(() => table('geheimhouding: { methode: weglaten }')).toThrow(/geheimhouding\.methode moet drempel of afronden zijn/);
  });
});
