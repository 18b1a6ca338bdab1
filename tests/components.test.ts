/**
 * Author components render the same HTML from a Markdown directive and from an
 * MDX/Astro component, and reject wrong props with a message naming the component.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import DataTable from '../src/components/DataTable.astro';
import StatusOverview from '../src/components/StatusOverview.astro';
import Stoplight from '../src/components/Stoplight.astro';
import StoplightLegend from '../src/components/StoplightLegend.astro';
import { authorComponentsPlugin } from '../src/markdown/author-components';
import { expandPlaceholders } from '../src/render/placeholders';

process.env.RAADSARCHIEF_DATA = join(import.meta.dirname, 'fixtures/basis/data');

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

function markdown(source: string, file = 'content/stukken/test.md'): string {
  // Synchronous as long as every plugin is; ours are.
  const { html } = markdownToHtml(source, {
    features: { directive: true },
    mdastPlugins: [authorComponentsPlugin()],
    fileURL: new URL(`file://${join(process.cwd(), file)}`),
  }) as MarkdownToHtmlResult;
  return expandPlaceholders(html).trim();
}

const component = (c: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>) =>
  container.renderToString(c, { props, request: new Request('http://localhost/stukken/test/') });

describe('DataTable', () => {
  it('renders the same HTML from ::data-table and <DataTable>', async () => {
    const fromMarkdown = markdown('::data-table{dataset="voorbeeld-tabel"}');
    const fromComponent = await component(DataTable, { dataset: 'voorbeeld-tabel', nummer: 1 });
    expect(fromMarkdown).toBe(fromComponent.trim());
  });

  it('formats figures the Dutch way with a numbered caption and source', async () => {
    const html = await component(DataTable, { dataset: 'voorbeeld-tabel', nummer: 2 });
    expect(html).toContain('<span class="ra-tabel__nummer">Tabel 2</span> Voorbeeldtabel');
    expect(html).toContain('>1.432<');
    expect(html).toContain('>€\u00a016.143<');
    expect(html).toContain('>12,3%<');
    expect(html).toContain('<th scope="row">2022</th>');
    expect(html).toContain('<th scope="col" class="ra-num">Aantal</th>');
    expect(html).toContain('<tr class="ra-rij--totaal">');
    expect(html).toContain('(voorlopig)');
    expect(html).toContain('Bron: Testbron; peildatum 31 augustus 2024.');
    expect(html).toMatch(/role="region" aria-labelledby="tabel-2-bijschrift" tabindex="0"/);
  });

  it('numbers tables in document order in Markdown', () => {
    const html = markdown('::data-table{dataset="voorbeeld-tabel"}\n\nTekst.\n\n::data-table{dataset="voorbeeld-tabel"}');
    expect(html).toContain('Tabel 1</span>');
    expect(html).toContain('Tabel 2</span>');
  });

  it('names file, line and the dataset when it does not exist', () => {
    expect(() => markdown('Tekst.\n\n::data-table{dataset="voorbeeld-tabl"}')).toThrow(
      /content\/stukken\/test\.md:3:1 {2}<DataTable>: dataset "voorbeeld-tabl" bestaat niet[\s\S]*Bedoelde u "voorbeeld-tabel"/,
    );
  });
});

describe('Stoplight', () => {
  it('renders word and shape, the same from :stoplight and <Stoplight>', async () => {
    const fromMarkdown = markdown('Status :stoplight{status="oranje"} nu.');
    const fromComponent = (await component(Stoplight, { status: 'oranje' })).trim();
    expect(fromMarkdown).toBe(`<p>Status ${fromComponent} nu.</p>`);
    expect(fromComponent).toContain('<span class="ra-stoplicht__woord">Oranje</span>');
    expect(fromComponent).toContain('<path d="M8 1l7.5 13.5H.5z"/>');
    expect(fromComponent).toContain(': extra aandacht nodig');
  });

  it('rejects status="geel" naming the component, the value and the choices', async () => {
    await expect(component(Stoplight, { status: 'geel' })).rejects.toThrow(
      /<Stoplight>: eigenschap "status": "geel" is geen stoplichtkleur; kies rood, oranje of groen/,
    );
    expect(() => markdown('Zie :stoplight{status="geel"}.')).toThrow(/test\.md:1:5 {2}<Stoplight>: eigenschap "status": "geel"/);
  });

  it('leaves prose with a colon alone', () => {
    expect(markdown('Zie bijlage:A voor meer.')).toBe('<p>Zie bijlage:A voor meer.</p>');
  });

  it('rejects an unknown directive with the known ones', () => {
    expect(() => markdown('::grafiek{dataset="x"}')).toThrow(/onbekende component "grafiek"[\s\S]*Bekende componenten: data-table, chart, key-figure, status-overview/);
  });
});

describe('StatusOverview and StoplightLegend', () => {
  it('render the same from directive and component', async () => {
    expect(markdown('::status-overview{dataset="voorbeeld-status"}')).toBe((await component(StatusOverview, { dataset: 'voorbeeld-status' })).trim());
    expect(markdown('::stoplight-legend')).toBe((await component(StoplightLegend, {})).trim());
  });

  it('marks derived and unknown statuses visibly', async () => {
    const html = await component(StatusOverview, { dataset: 'voorbeeld-status' });
    expect(html).toContain('<a href="#pleegzorg">Pleegzorg</a>');
    expect(html).toContain('(afgeleid)');
    expect(html).toContain('niet vermeld in de bron');
    expect(html).toContain('De tekst noemt een wachtlijst.');
  });

  it('legend gives the meaning of each colour', async () => {
    const html = await component(StoplightLegend, {});
    for (const meaning of ['extra maatregel nodig', 'extra aandacht nodig', 'loopt zoals gepland']) expect(html).toContain(meaning);
  });
});

describe('escaping', () => {
  it('shows a <script> in a cell as text', async () => {
    const { parseDataset } = await import('../src/lib/datasets/load');
    const { renderDataTable } = await import('../src/render/data-table');
    const dataset = parseDataset(
      'titel: "<b>x</b>"\nbron: b\nperiode: "2024"\nkolommen:\n  - { id: a, label: A, type: tekst }\nrijen:\n  - ["<script>alert(1)</script>"]\n',
      'data/x.yaml',
      'x',
    );
    if (dataset.soort !== 'tabel') throw new Error('expected a table');
    const html = renderDataTable(dataset);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
