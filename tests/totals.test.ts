import { describe, expect, it } from 'vitest';
import { parseDataset, type TableDataset } from '../src/lib/datasets/load';
import { describeDiscrepancy, verifyTotals } from '../src/lib/datasets/totals';

function table(rows: string, options = ''): TableDataset {
  const dataset = parseDataset(
    `titel: T\nbron: B\nperiode: "2011"\n${options}kolommen:\n  - { id: naam, label: Gemeente, type: tekst }\n  - { id: a, label: Jeugdigen, type: aantal }\n  - { id: b, label: In zorg, type: aantal }\n  - { id: t, label: Samen, type: aantal, somVan: [a, b] }\nrijen:\n${rows}`,
    'data/t.yaml',
    't',
  );
  if (dataset.soort !== 'tabel') throw new Error('table expected');
  return dataset;
}

describe('verifyTotals', () => {
  it('accepts subtotals, totals and total columns that add up', () => {
    const t = table(`  - [Almelo, 10, 1, 11]
  - [Borne, 20, 2, 22]
  - { cellen: [Subtotaal, 30, 3, 33], soort: subtotaal }
  - [Onbekend, null, 5, 5]
  - { cellen: [Totaal, 30, 8, 38], soort: totaal }
`);
    expect(verifyTotals(t)).toEqual([]);
  });

  it('reports a subtotal beyond rounding with stated and recomputed value', () => {
    const t = table(`  - [Almelo, 10, 1, 11]
  - [Borne, 20, 2, 22]
  - { cellen: [Subtotaal, 30, 5, 35], soort: subtotaal }
  - { cellen: [Totaal, 30, 5, 35], soort: totaal }
`);
    const found = verifyTotals(t).filter((d) => d.columnLabel === 'In zorg');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'rij', rowLabel: 'Subtotaal', stated: 5, computed: 3 });
    expect(describeDiscrepancy(found[0]!, t)).toBe('Subtotaal, kolom “In zorg”: de bron noemt 5, de optelling van de rijen geeft 3.');
  });

  it('accepts a difference within the declared rounding', () => {
    const rows = `  - [Almelo, 10, 1, 11]
  - [Borne, 20, 2, 22]
  - { cellen: [Totaal, 31, 3, 34], soort: totaal }
`;
    expect(verifyTotals(table(rows, 'afronding: 1\n'))).toEqual([]);
    expect(verifyTotals(table(rows))).toHaveLength(2);
  });

  it('reports a total column that does not match its parts', () => {
    const found = verifyTotals(table(`  - [Almelo, 10, 1, 12]\n`));
    expect(found).toEqual([expect.objectContaining({ kind: 'kolom', rowLabel: 'Almelo', columnLabel: 'Samen', stated: 12, computed: 11 })]);
  });
});
