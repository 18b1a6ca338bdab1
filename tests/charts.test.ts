/**
 * Charts: the spec a chart draws, its summary, Dutch axis numbers, and the
 * figure HTML that is the same from ::chart and <Chart>.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Chart from '../src/components/Chart.astro';
import { formatAxisTick, formatTooltip } from '../src/lib/datasets/chart-format';
import { buildChartSpec, describeNorm } from '../src/lib/datasets/chart-spec';
import { loadDatasets, type TableDataset } from '../src/lib/datasets/load';
import { authorComponentsPlugin } from '../src/markdown/author-components';
import { expandPlaceholders } from '../src/render/placeholders';

process.env.RAADSARCHIEF_DATA = join(import.meta.dirname, 'fixtures/basis/data');
const series = () => loadDatasets().get('voorbeeld-reeks') as TableDataset;

describe('chart spec', () => {
  it('puts quarters on a time axis and keeps the missing quarter as a gap', () => {
    const spec = buildChartSpec(series());
    expect(spec.labels).toEqual(['K1 2018', 'K2 2018', 'K3 2018', 'K4 2018']);
    expect(spec.series[0]).toMatchObject({ label: 'Verblijfsduur', type: 'bar', values: [31, 33, null, 24] });
    expect(spec.series[1]).toMatchObject({ label: 'Doel', type: 'line' });
    expect(spec.provisional).toEqual([false, false, false, true]);
    expect(spec.norms).toEqual([{ label: 'Crisisnorm', value: 28, from: undefined, to: undefined, unit: 'dagen' }]);
  });

  it('writes a norm with its unit and its numbers the Dutch way', () => {
    expect(describeNorm({ label: 'Crisisnorm', value: 28, unit: 'dagen' }, 'aantal')).toBe('Crisisnorm: 28 dagen');
    expect(describeNorm({ label: 'Treeknorm', from: 4, to: 14, unit: 'weken' }, 'aantal')).toBe('Treeknorm: 4 tot 14 weken');
    expect(describeNorm({ label: 'Budget', value: 16143 }, 'bedrag')).toBe('Budget: € 16.143');
  });

  it('summarises in one sentence', () => {
    expect(buildChartSpec(series()).summary).toBe('De grafiek toont verblijfsduur en doel van K1 2018 tot en met K4 2018.');
    const single = { ...series(), grafiek: { ...series().grafiek!, reeksen: ['duur'], lijnen: [] } };
    expect(buildChartSpec(single).summary).toBe(
      'De grafiek toont verblijfsduur van K1 2018 tot en met K4 2018, met de hoogste waarde 33 (K2 2018) en de laagste 24 (K4 2018).',
    );
  });

  it('names a period it cannot read', () => {
    const broken = { ...series(), rows: [{ cells: ['najaar 2018', 1, 2], kind: 'gegeven' as const, provisional: false, notes: [] }] };
    expect(() => buildChartSpec(broken)).toThrow(/"najaar 2018" is geen kwartaal[\s\S]*2018-K3/);
  });
});

describe('axis and tooltip numbers', () => {
  it('are Dutch', () => {
    expect(formatAxisTick(1500, 'aantal')).toBe('1.500');
    expect(formatAxisTick(12.5, 'percentage', 0.5)).toBe('12,5%');
    expect(formatAxisTick(20000, 'bedrag').replace(/\u00a0/g, ' ')).toBe('€ 20.000');
    expect(formatAxisTick(0.25, 'getal', 0.05)).toBe('0,25');
    expect(formatTooltip('Instroom', 1432, 'aantal')).toBe('Instroom: 1.432');
    expect(formatTooltip('Instroom', null, 'aantal')).toBe('Instroom: geen gegeven');
  });
});

describe('chart figure', () => {
  it('is the same from ::chart and <Chart>, numbered, with summary, accessible canvas and table', async () => {
    const { html } = markdownToHtml('::chart{dataset="voorbeeld-reeks"}', {
      features: { directive: true },
      mdastPlugins: [authorComponentsPlugin()],
      fileURL: new URL(`file://${join(process.cwd(), 'content/stukken/t.md')}`),
    }) as MarkdownToHtmlResult;
    const container = await AstroContainer.create();
    const fromComponent = await container.renderToString(Chart, { props: { dataset: 'voorbeeld-reeks', nummer: 1 } });
    const fromMarkdown = expandPlaceholders(html).trim();
    expect(fromMarkdown).toBe(fromComponent.trim());
    expect(fromMarkdown).toMatch(/^<figure class="ra-grafiek" id="figuur-1" aria-labelledby="figuur-1-bijschrift" data-grafiek="/);
    expect(fromMarkdown).toContain('<span class="ra-grafiek__nummer">Figuur 1</span> Gemiddelde verblijfsduur crisisplaatsing per kwartaal');
    expect(fromMarkdown).toContain('<canvas role="img" aria-label="Figuur 1: Gemiddelde verblijfsduur crisisplaatsing per kwartaal. De grafiek toont');
    expect(fromMarkdown).toContain('Cijfers bij figuur 1</span>');
    expect(fromMarkdown).toContain('Crisisnorm: 28');
    expect(fromMarkdown).toContain('(voorlopig)');
  });
});
