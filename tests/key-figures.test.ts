/**
 * Key figures: value, unit, period, comparison, and a status computed from a
 * declared rule, shown with the same stoplight words and shapes, marked computed.
 */
import { describe, expect, it } from 'vitest';
import { parseDataset, type KeyFiguresDataset } from '../src/lib/datasets/load';
import { describeStatusRule, evaluateStatusRule } from '../src/lib/datasets/status-rules';
import { renderKeyFigures } from '../src/render/key-figure';

describe('status rules', () => {
  const rules = [
    { status: 'groen' as const, als: '<= 28' },
    { status: 'oranje' as const, als: '<= 35' },
    { status: 'rood' as const, als: '> 35' },
  ];
  it('take the first rule that holds', () => {
    expect(evaluateStatusRule(rules, 24)).toBe('groen');
    expect(evaluateStatusRule(rules, 28)).toBe('groen');
    expect(evaluateStatusRule(rules, 28.5)).toBe('oranje');
    expect(evaluateStatusRule(rules, 40)).toBe('rood');
    expect(evaluateStatusRule([{ status: 'groen', als: '>= 95' }], 52)).toBeUndefined();
  });
  it('read as a sentence', () => {
    expect(describeStatusRule(rules, String)).toBe('groen bij ten hoogste 28, oranje bij ten hoogste 35, rood bij meer dan 35');
  });
});

const dataset = parseDataset(
  `soort: kerncijfers
titel: Kengetallen
bron: Gemeente Almere
periode: 2018, tweede helft
cijfers:
  - id: crisis
    label: Gemiddelde doorlooptijd crisistrajecten
    waarde: 24
    eenheid: dagen
    periode: 4e kwartaal 2018
    voorlopig: true
    vergelijking: { soort: norm, label: Norm, waarde: 28 }
    statusregel: [{ status: groen, als: "<= 28" }, { status: rood, als: "> 28" }]
  - id: poh
    label: Doorverwezen door praktijkondersteuners
    waarde: 27
    type: percentage
    decimalen: 0
    bij: zo’n
    periode: "2018"
    vergelijking: { soort: vorige-periode, waarde: 42, periode: "2016" }
`,
  'data/k.yaml',
  'k',
) as KeyFiguresDataset;

describe('KeyFigure', () => {
  it('shows value, unit, period, norm and the computed status', () => {
    const html = renderKeyFigures(dataset, ['crisis']);
    expect(html).toContain('<data value="24">24</data> <span class="ra-kerncijfer__eenheid">dagen</span>');
    expect(html).toContain('4e kwartaal 2018 <span class="ra-voorlopig">(voorlopig)</span>');
    expect(html).toContain('Norm: 28 <span class="ra-kerncijfer__eenheid">dagen</span>');
    expect(html).toContain('<span class="ra-stoplicht__woord">Groen</span>');
    expect(html).toContain('(berekend)');
    expect(html).toContain('Regel: groen bij ten hoogste 28, rood bij meer dan 28.');
    expect(html).not.toContain('Doorverwezen');
  });

  it('compares with an earlier period in percentage points', () => {
    const html = renderKeyFigures(dataset, ['poh']);
    expect(html).toContain('zo’n</span> <data value="27">27%</data>');
    expect(html).toContain('Eerder (2016): 42% — een daling van 15 procentpunt');
    expect(html).not.toContain('ra-stoplicht');
  });

  it('rejects a rule that is not a comparison', () => {
    expect(() => parseDataset('soort: kerncijfers\ntitel: K\nbron: B\nperiode: "2018"\ncijfers:\n  - { id: a, label: A, waarde: 1, periode: "2018", statusregel: [{ status: groen, als: "klein" }] }\n', 'data/k.yaml', 'k')).toThrow(
      /data\/k\.yaml:6:\d+ {2}cijfers\[0\]\.statusregel\[0\]\.als: schrijf een vergelijking zoals "<= 28"/,
    );
  });
});
