/**
 * The sample archive builds, and the built pages show what the seeds hold:
 * every figure of every cited dataset in Dutch notation, the kenmerken, the
 * stoplight words, and no name of the resident who asked.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { columnDecimals, formatValue } from '../src/lib/formats/numbers';
import { sampleBuild, textOf, type BuildResult } from './helpers/build';
import { indexedRecords } from './helpers/pagefind';

let site: BuildResult;
const archive = checkArchive();

beforeAll(async () => {
  site = await sampleBuild();
  if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
});

const page = (id: string) => site.read(`stukken/${id}/index.html`);

describe('the built sample archive', () => {
  it("indexes a briefing's text from its heading, not its hidden search filters run together", () => {
    const records = indexedRecords(site.outDir).filter((record) => /^\/stukken\/[^/]+\/$/.test(record.url));
    expect(records.length).toBe(archive.briefings.length);
    for (const record of records) {
      const briefing = archive.briefings.find((b) => record.url === `/stukken/${b.id}/`)!;
      // The filters and metadata are still there for the search page; they are just not the start of every excerpt.
      const { filters, meta } = record as unknown as { filters: Record<string, string[]>; meta: Record<string, string> };
      expect(filters.organisatie, record.url).toHaveLength(1);
      expect(meta.title, record.url).toBe(briefing.data.titel);
      expect(record.content.slice(0, 200), record.url).toContain(briefing.data.titel.slice(0, 20));
      expect(record.content, record.url).not.toMatch(/jeugdzorgwijkteams|Almelo20\d\d/);
      // The labels of the letter header are not run into their values ("AfzenderGemeente Almelo").
      expect(record.content, record.url).not.toMatch(/Afzender\S|Datum\d/);
    }
  });

  it('has a page for every briefing, an archive home and a 404 page', () => {
    const built = readdirSync(join(site.outDir, 'stukken'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(built).toEqual(archive.briefings.map((b) => b.id).sort());
    expect(textOf(site.read('index.html'))).toContain(archive.briefings[0]!.data.titel);
    expect(textOf(site.read('404.html'))).toContain('Pagina niet gevonden');
  });

  it('shows every figure of every cited dataset, formatted the Dutch way', () => {
    for (const briefing of archive.briefings) {
      const text = textOf(page(briefing.id));
      for (const match of briefing.body.matchAll(/dataset=["']([^"']+)["']/g)) {
        const dataset = archive.datasets.get(match[1]!);
        expect(dataset, match[1]).toBeDefined();
        if (!dataset || dataset.soort !== 'tabel') continue;
        expect(text).toContain(dataset.titel);
        for (const row of dataset.rows) {
          row.cells.forEach((cell, c) => {
            if (typeof cell !== 'number') return;
            const column = dataset.kolommen[c]!;
            const decimals = columnDecimals(column.type, column.decimalen, dataset.rows.map((r) => r.cells[c]));
            const shown = formatValue(cell, column.type, decimals).replace(/\u00a0/g, ' ');
            expect(text, `${dataset.id}: ${cell}`).toContain(shown);
          });
        }
      }
    }
  });

  it('shows the kenmerk, date and sender of every briefing', () => {
    for (const briefing of archive.briefings) {
      const html = page(briefing.id);
      if (briefing.data.kenmerk) expect(textOf(html)).toContain(briefing.data.kenmerk);
      expect(textOf(html)).toMatch(/Afzender (Gemeente Almelo|Gemeente Almere|Veertien Twentse gemeenten) Datum/);
    }
    expect(textOf(page('almelo-2024-jeugdzorg-vragen-de-olde'))).toContain('UIT-24117010');
  });

  it('gives every question a stable anchor and a link to it a reader can copy', () => {
    const html = page('almelo-2024-jeugdzorg-vragen-de-olde');
    for (let n = 1; n <= 8; n++) {
      expect(html).toContain(`id="vraag-${n}"`);
      expect(html).toMatch(new RegExp(`<a class="ra-anker" href="#vraag-${n}"[^>]*><span class="ra-sr-only">Link naar Vraag ${n}</span></a>`));
    }
    // The heading itself keeps its plain text, for the table of contents and screen-reader heading lists.
    expect(html).toMatch(/<h2 id="vraag-3">Vraag 3<\/h2>/);
  });

  it('shows the half-year report theme overview with labelled stoplights and the legend', () => {
    const report = archive.briefings.find((b) => b.data.type === 'rapportage')!;
    const html = page(report.id);
    const text = textOf(html);
    expect(html).toContain('class="ra-statusoverzicht"');
    expect(text).toContain('Betekenis van de stoplichtkleuren');
    for (const meaning of ['extra maatregel nodig', 'extra aandacht nodig', 'loopt zoals gepland']) expect(text).toContain(meaning);
    const overview = archive.datasets.get('almere-2018-h2-themas');
    expect(overview?.soort).toBe('statusoverzicht');
    if (overview?.soort === 'statusoverzicht') {
      for (const theme of overview.themas) {
        expect(text).toContain(theme.thema);
        if (theme.status) expect(text).toMatch(new RegExp(`${theme.status}`, 'i'));
        // Every theme links to a section that exists on the page.
        expect(html).toContain(`id="${theme.id}"`);
      }
    }
  });

  it('shows the half-year key figures the text gives, with the crisis norm status computed', () => {
    const text = textOf(page('almere-2018-h2-halfjaarrapportage-jeugdhulp'));
    expect(text).toMatch(/Gemiddelde doorlooptijd van crisistrajecten 24 dagen 4e kwartaal 2018 \(voorlopig\) Norm \(hooguit 28 dagen in de crisisopvang\): 28 dagen Groen : loopt zoals gepland \(berekend\)/);
    for (const figure of ['52%', '31%', 'zo’n 27%', 'Eerder (2016): 42% — een daling van 15 procentpunt', 'ruim 400', '15%']) expect(text).toContain(figure);
  });

  it('draws charts only where a briefing has one, each pointing to the table with its figures', () => {
    const withChart = page('twente-2013-regionale-samenwerking-jeugdzorg');
    expect(withChart).toMatch(/<figure class="ra-grafiek" id="figuur-1"[^>]*data-grafiek=/);
    // The note shows the chart's dataset as Tabel 1 already; the figure links there instead of repeating it.
    expect(withChart).toContain('<a href="#tabel-1">tabel 1</a>');
    expect(withChart).toMatch(/<script type="module" src="[^"]+"><\/script>/);
    const letter = page('almelo-jeugdbescherming-vragen-inwoner');
    expect(letter).not.toContain('<script');
  });

  it('offers every cited dataset as CSV and JSON', () => {
    for (const id of archive.datasets.keys()) {
      expect(site.read(`data/${id}.csv`).startsWith('\uFEFF')).toBe(true);
      expect(JSON.parse(site.read(`data/${id}.json`)).id).toBe(id);
    }
    const catalogue = JSON.parse(site.read('datasets/catalogus.jsonld'));
    expect(catalogue['dcat:dataset']).toHaveLength(archive.datasets.size);
  });

  it('never publishes the name of the resident who asked', () => {
    const resident = archive.briefings.find((b) => b.data.type === 'vragen-inwoner')!;
    expect(textOf(page(resident.id))).not.toMatch(/Hümmels|Hummels/i);
  });

  it('keeps spaces between inline elements in prose', () => {
    const html = page('almelo-2024-jeugdzorg-vragen-de-olde');
    expect(html).not.toMatch(/<\/a><a /);
    expect(textOf(html)).toContain('Gemeente Almelo');
  });

  it('says on every page that this is a sample archive', () => {
    expect(textOf(site.read('index.html'))).toContain('Dit is een voorbeeldarchief');
  });

  it('links the listing of an organisation to its website to its own website', () => {
    expect(site.read('organisatie/almelo/index.html')).toContain('<a href="https://www.almelo.nl">Website van Gemeente Almelo</a>');
  });
});
