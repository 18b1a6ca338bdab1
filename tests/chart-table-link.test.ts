/**
 * A chart whose dataset the briefing already shows as a table says where that
 * table is instead of repeating it under the figure; a chart of figures shown
 * nowhere else keeps its own table ("Cijfers bij figuur N"). The same from
 * ::chart in Markdown and <Chart> in MDX, whether the chart comes before or
 * after the table.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import Chart from '../src/components/Chart.astro';
import { authorComponentsPlugin } from '../src/markdown/author-components';
import { expandPlaceholders } from '../src/render/placeholders';
import { build, copyFixture, type BuildResult } from './helpers/build';

process.env.RAADSARCHIEF_DATA = join(import.meta.dirname, 'fixtures/basis/data');

function markdown(source: string): string {
  const { html } = markdownToHtml(source, {
    features: { directive: true },
    mdastPlugins: [authorComponentsPlugin()],
    fileURL: new URL(`file://${join(process.cwd(), 'content/stukken/test.md')}`),
  }) as MarkdownToHtmlResult;
  return expandPlaceholders(html).trim();
}

const count = (html: string, text: string) => html.split(text).length - 1;
const figureOf = (html: string) => /<figure class="ra-grafiek"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
/** The parts of a figure a reader without the drawing relies on: caption, summary, canvas label. */
const fallback = (figure: string) => ({
  caption: /<figcaption[\s\S]*?<\/figcaption>/.exec(figure)?.[0],
  summary: /<p class="ra-grafiek__samenvatting"[\s\S]*?<\/p>/.exec(figure)?.[0],
  canvas: /<canvas [^>]*>/.exec(figure)?.[0],
  labelledBy: /^<figure [^>]*aria-labelledby="([^"]+)"/.exec(figure)?.[1],
});

describe('a chart of a dataset the briefing shows as a table', () => {
  it('links to that table instead of repeating it', () => {
    const html = markdown('::data-table{dataset="voorbeeld-tabel"}\n\n::data-table{dataset="voorbeeld-reeks"}\n\n::chart{dataset="voorbeeld-reeks"}');
    expect(count(html, 'data-dataset="voorbeeld-reeks"')).toBe(1);
    expect(html).toMatch(/<div class="ra-tabel" id="tabel-2" data-dataset="voorbeeld-reeks">/);
    const figure = figureOf(html);
    expect(figure).toContain('<p class="ra-grafiek__cijfers">De cijfers bij deze figuur staan in <a href="#tabel-2">tabel 2</a>.</p>');
    expect(figure).not.toContain('<table');
    expect(html).not.toContain('Cijfers bij figuur');
  });

  it('finds the table when the chart comes first', () => {
    const html = markdown('::chart{dataset="voorbeeld-reeks"}\n\nTekst.\n\n::data-table{dataset="voorbeeld-reeks"}');
    expect(figureOf(html)).toContain('<a href="#tabel-1">tabel 1</a>');
    expect(count(html, 'data-dataset="voorbeeld-reeks"')).toBe(1);
    expect(html).toContain('id="tabel-1"');
  });

  it('points to the first table when the dataset is shown twice', () => {
    const html = markdown('::data-table{dataset="voorbeeld-reeks"}\n\n::data-table{dataset="voorbeeld-reeks"}\n\n::chart{dataset="voorbeeld-reeks"}');
    expect(figureOf(html)).toContain('<a href="#tabel-1">tabel 1</a>');
  });

  it('keeps caption, summary, canvas label and labelling as they are with a table', () => {
    const linked = figureOf(markdown('::data-table{dataset="voorbeeld-reeks"}\n\n::chart{dataset="voorbeeld-reeks"}'));
    const own = figureOf(markdown('::chart{dataset="voorbeeld-reeks"}'));
    expect(fallback(linked)).toEqual(fallback(own));
    expect(fallback(linked).summary).toContain('De grafiek toont verblijfsduur en doel');
    expect(fallback(linked).canvas).toContain('aria-label="Figuur 1: Gemiddelde verblijfsduur crisisplaatsing per kwartaal. De grafiek toont');
    // The data the browser draws from does not change.
    expect(/data-grafiek="[^"]*"/.exec(linked)?.[0]).toBe(/data-grafiek="[^"]*"/.exec(own)?.[0]);
  });

  it('renders the same figure from <Chart> with the number the pipeline gives it', async () => {
    const container = await AstroContainer.create();
    const fromComponent = await container.renderToString(Chart, { props: { dataset: 'voorbeeld-reeks', nummer: 1, tabel: 1 } });
    expect(figureOf(markdown('::data-table{dataset="voorbeeld-reeks"}\n\n::chart{dataset="voorbeeld-reeks"}'))).toBe(fromComponent.trim());
  });
});

describe('a chart of figures shown nowhere else in the briefing', () => {
  it('keeps its own table under the figure', () => {
    const html = markdown('::data-table{dataset="voorbeeld-tabel"}\n\n::chart{dataset="voorbeeld-reeks"}');
    const figure = figureOf(html);
    expect(figure).toContain('Cijfers bij figuur 1</span>');
    expect(figure).toContain('<table>');
    expect(figure).not.toContain('ra-grafiek__cijfers');
  });
});

describe('in a built archive', () => {
  let site: BuildResult;
  const briefing = (format: 'md' | 'mdx', title: string) => {
    const table = (dataset: string) => (format === 'md' ? `::data-table{dataset="${dataset}"}` : `<DataTable dataset="${dataset}" />`);
    const chart = (dataset: string) => (format === 'md' ? `::chart{dataset="${dataset}"}` : `<Chart dataset="${dataset}" />`);
    return `---
type: rapportage
titel: ${title}
organisatie: almelo
datum: 2019
periode: { jaar: 2018, deel: tweede-helft }
---
Inleiding.

${table('voorbeeld-tabel')}

De grafiek staat hier vóór de tabel met dezelfde cijfers.

${chart('voorbeeld-reeks')}

${table('voorbeeld-reeks')}
`;
  };

  beforeAll(() => {
    const fixture = copyFixture('basis');
    writeFileSync(join(fixture.content, 'stukken/grafiek-en-tabel-md.md'), briefing('md', 'Grafiek en tabel in Markdown'));
    writeFileSync(join(fixture.content, 'stukken/grafiek-en-tabel-mdx.mdx'), briefing('mdx', 'Grafiek en tabel in MDX'));
    site = build({ content: fixture.content, data: fixture.data });
    if (site.status !== 0) throw new Error(site.output);
  });

  const page = (id: string) => site.read(`stukken/${id}/index.html`);

  it('shows the dataset once, as its table, and the figure links to it — from .md and .mdx alike', () => {
    const figures: string[] = [];
    for (const id of ['grafiek-en-tabel-md', 'grafiek-en-tabel-mdx']) {
      const html = page(id);
      expect(count(html, 'data-dataset="voorbeeld-reeks"'), id).toBe(1);
      expect(html, id).toMatch(/<div class="ra-tabel" id="tabel-2" data-dataset="voorbeeld-reeks">/);
      const figure = figureOf(html);
      expect(figure, id).toContain('<a href="#tabel-2">tabel 2</a>');
      expect(figure, id).not.toContain('<table');
      expect(html, id).not.toContain('Cijfers bij figuur');
      figures.push(figure);
    }
    expect(figures[0]).toBe(figures[1]);
  });

  it('keeps "Cijfers bij figuur 1" where the chart is the only place the figures appear', () => {
    for (const id of ['brief-md', 'brief-mdx']) {
      const figure = figureOf(page(id));
      expect(figure, id).toContain('Cijfers bij figuur 1</span>');
      expect(figure, id).toContain('data-dataset="voorbeeld-reeks"');
    }
  });
});
