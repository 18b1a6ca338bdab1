/**
 * No placeholder is ever published. A field that is still `[VUL IN: …]` is
 * left out of the page, the feed, the JSON, the search index and the sitemaps;
 * a placeholder in the text is cut from it, in every form a clerk can leave it
 * (split by markup, never closed, as inline code, as a link's text or an
 * image's description, in a table cell or a footnote), in `.md` and in `.mdx`;
 * a briefing whose title is still a placeholder stays offline as a draft. A
 * table the import made into a dataset shows without its placeholders on the
 * letter's page, its own page, its downloads and the DCAT catalogue. The check
 * lists each for review, and such review points do not stop a strict build.
 */
import { gunzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArchive, type CheckResult } from '../src/lib/content/check';
import { publishable, stripPlaceholders } from '../src/lib/content/placeholders';
import { parseDataset } from '../src/lib/datasets/load';
import { importFile } from '../src/lib/import/import-letters';
import { briefingSchema } from '../src/schemas/briefing';
import { formatContentError } from '../src/lib/errors/content-error';
import { build, copyFixture, textOf, type BuildResult } from './helpers/build';
import { buildPdf, onePage } from './helpers/pdf';
import { docx } from './helpers/docx';
import { councilMemberLetter } from './helpers/letters';

const IMPORTED = `---
type: raadsinformatiebrief
titel: Parkeren in de binnenstad
samenvatting: '[VUL IN: een of twee zinnen over waar het stuk over gaat]'
onderwerp: '[VUL IN: onderwerp]'
organisatie: almelo
datum: 2025-03-04
aan: De gemeenteraad
onderwerpen: [parkeren, '[VUL IN: onderwerp]']
ondertekening:
  namens: '[VUL IN: namens wie, bijvoorbeeld Burgemeester en wethouders van …]'
  personen: []
gerelateerd: [concept-zonder-titel]
bijlagen:
  - { titel: '[VUL IN: titel van de bijlage, bijvoorbeeld: Parkeeronderzoek 2024]', bestand: bijlagen/parkeeronderzoek.pdf }
---
Het college informeert u over het parkeren. [VUL IN: aanleiding van de brief]

## [VUL IN: kern van de informatie]

[VUL IN: wat de raad moet weten]

> [VUL IN: citaat]

- Eerste punt.
- [VUL IN: tweede punt]

Tot slot: de nieuwe regels gaan op 1 april in.
`;

const DRAFT = `---
type: raadsinformatiebrief
titel: '[VUL IN: titel van de brief]'
organisatie: almelo
datum: 2025-03-05
---
Een brief die nog geen titel heeft.
`;

/** A placeholder in each form a clerk can leave it in a body; the same text as `.md` and as `.mdx`. */
const FORMS_BODY = `Het bedrag is [VUL IN *bedrag* in euro]. Dat staat vast.

De wethouder [VUL IN: naam van de wethouder
meldt dat de nieuwe regels op 1 april ingaan.

Vraag de code \`[VUL IN: code]\` aan bij de balie.

\`[VUL IN: alleen code]\`

Lees meer op [VUL IN: linktekst](https://www.almelo.nl/parkeren/).

[VUL IN: een link zonder meer](https://www.almelo.nl/)

![VUL IN: beschrijving van de kaart](data:image/png;base64,iVBORw0KGgo=)

![Kaart van [VUL IN: jaar]](data:image/png;base64,iVBORw0KGgo=)

| Jaar | Bedrag |
|---|---|
| 2024 | [VUL IN: bedrag] |
| 2025 | 1200 |

Zie de bron[^1] en de toelichting[^2].

[^1]: [VUL IN: bron]
[^2]: Toelichting van de griffie [VUL IN: pagina].
`;

const FORMS = (format: 'md' | 'mdx', table: string) => `---
type: raadsinformatiebrief
titel: Vormen van voorbeeldtekst (${format})
organisatie: almelo
datum: 2025-03-06
---
${FORMS_BODY}
${format === 'md' ? `::data-table{dataset="${table}"}` : `<DataTable dataset="${table}" />`}
`;

/** A letter whose table has no caption above it: the import cannot name the table, nor say what period its figures cover. */
const UNCAPTIONED = () =>
  docx([
    { p: 'Gemeente Almelo' },
    { table: [['Aan', 'De gemeenteraad'], ['Datum', '12 maart 2025'], ['Ons kenmerk', 'UIT-25000123'], ['Onderwerp', 'Meldingen over parkeren']] },
    { p: 'Geachte leden van de raad,' },
    { p: 'Hieronder leest u hoeveel meldingen over parkeren de gemeente kreeg.' },
    { table: [['Wijk', 'Meldingen'], ['Centrum', '412'], ['Noord', '97'], ['Totaal', '509']] },
    { p: 'Het college houdt de meldingen bij en informeert u opnieuw na de zomer.' },
    { p: 'Met vriendelijke groet,' },
    { p: 'Burgemeester en wethouders van Almelo,' },
  ]);

/** Every text the build wrote, Pagefind's compressed fragments and indexes unpacked. */
function allText(dir: string): Array<[string, string]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(pdf|png|jpe?g|wasm|woff2?)$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const bytes = readFileSync(path);
      const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('latin1') : bytes.toString('utf8');
      return [path.slice(dir.length + 1), text] as [string, string];
    });
}

describe('what a briefing with placeholders publishes', () => {
  it('cuts placeholders from texts, leaves out fields that are only a placeholder, and keeps a draft offline', () => {
    expect(stripPlaceholders('De wethouder [VUL IN: naam] meldt dit.')).toBe('De wethouder meldt dit.');
    const input = { type: 'raadsinformatiebrief', titel: 'Parkeren', organisatie: 'almelo', datum: '2025-03-04' };
    const data = briefingSchema.parse({
      ...input,
      samenvatting: '[VUL IN: samenvatting]',
      bijlagen: [{ titel: '[VUL IN: titel van de bijlage, bijvoorbeeld: Onderzoek]', bestand: 'bijlagen/onderzoek.pdf' }],
    });
    const shown = publishable(data);
    expect(shown.data!.samenvatting).toBeUndefined();
    expect(shown.data!.bijlagen[0]).toEqual({ titel: 'Bijlage 1', bestand: 'bijlagen/onderzoek.pdf' });
    expect(publishable(briefingSchema.parse({ ...input, titel: '[VUL IN: titel van de brief]' }))).toEqual({ missing: ['titel'] });
    const clean = briefingSchema.parse({ type: 'notitie', titel: 'Klaar', organisatie: 'almelo', datum: '2025' });
    expect(publishable(clean).data).toBe(clean);
  });

  it('cuts a placeholder whose bracket is never closed to the end of its text, and one with brackets inside it whole', () => {
    expect(stripPlaceholders('De wethouder [VUL IN: naam van de wethouder')).toBe('De wethouder');
    expect(stripPlaceholders('[VUL IN: zie [1] en [2]], van de griffie')).toBe('van de griffie');
    const data = briefingSchema.parse({ type: 'raadsinformatiebrief', titel: 'Parkeren', organisatie: 'almelo', datum: '2025-03-04', samenvatting: 'Over parkeren. [VUL IN: meer' });
    expect(publishable(data).data!.samenvatting).toBe('Over parkeren.');
  });
});

describe('what a dataset with placeholders publishes', () => {
  const IMPORTED_TABLE = `titel: '[VUL IN: titel van de tabel, bijvoorbeeld: Hieronder leest u hoeveel meldingen]'
bron: Gemeente Almelo, raadsinformatiebrief van 12 maart 2025 (kenmerk UIT-25000123)
periode: '[VUL IN: periode of peildatum van de cijfers, bijvoorbeeld 2022 – augustus 2024]'
voetnoten: ['[VUL IN: voetnoot]', Een melding telt één keer.]
kolommen:
  - {id: wijk, label: Wijk, type: tekst}
  - {id: meldingen, label: Meldingen, type: aantal}
rijen:
  - [Centrum, 412]
  - {cellen: ['[VUL IN: wijk]', 97], noten: [2]}
  - {cellen: [Totaal, 509], soort: totaal}
`;

  it('leaves out a field that is only a placeholder, names an unnamed table after its columns, and keeps the schema valid', () => {
    const dataset = parseDataset(IMPORTED_TABLE, 'data/meldingen.yaml', 'meldingen');
    if (dataset.soort !== 'tabel') throw new Error('een tabel verwacht');
    expect(dataset.titel).toBe('Tabel: Wijk, Meldingen');
    expect(dataset.periode).toBeUndefined();
    expect(dataset.bron).toBe('Gemeente Almelo, raadsinformatiebrief van 12 maart 2025 (kenmerk UIT-25000123)');
    // The footnote that was only a placeholder goes; the row that cited the second now cites the first.
    expect(dataset.voetnoten).toEqual(['Een melding telt één keer.']);
    expect(dataset.rows.map((row) => [row.cells, row.notes])).toEqual([[['Centrum', 412], []], [[null, 97], [1]], [['Totaal', 509], []]]);
    expect(JSON.stringify(dataset)).not.toContain('VUL IN');
  });

  it('treats a reference date that is only a placeholder as not given', () => {
    const dataset = parseDataset(IMPORTED_TABLE.replace(/^periode: .*$/m, "peildatum: '[VUL IN: peildatum]'"), 'data/meldingen.yaml', 'meldingen');
    expect(dataset.peildatum).toBeUndefined();
    expect(dataset.periode).toBeUndefined();
  });
});

describe('a built archive with placeholders', () => {
  let site: BuildResult;
  let strict: BuildResult;
  let fixture: ReturnType<typeof copyFixture>;
  /** The imported letter with a captioned table, and the one without: their briefings' ids and their datasets' ids. */
  const imported: Record<'captioned' | 'uncaptioned', { briefing: string; dataset: string }> = {} as never;
  let check: CheckResult;
  beforeAll(async () => {
    fixture = copyFixture('basis');
    writeFileSync(join(fixture.content, 'stukken/parkeren.md'), IMPORTED);
    writeFileSync(join(fixture.content, 'stukken/concept-zonder-titel.md'), DRAFT);
    mkdirSync(join(fixture.content, 'stukken/bijlagen'), { recursive: true });
    writeFileSync(join(fixture.content, 'stukken/bijlagen/parkeeronderzoek.pdf'), buildPdf({ objects: onePage({ lines: ['Parkeeronderzoek binnenstad'] }) }));
    // Two letters through the real import: each table becomes a dataset whose period, and for the second also its title, is a placeholder.
    const letters = mkdtempSync(join(tmpdir(), 'ra-brieven-'));
    writeFileSync(join(letters, 'antwoord-de-olde.docx'), councilMemberLetter());
    writeFileSync(join(letters, 'meldingen-parkeren.docx'), UNCAPTIONED());
    const roots = { contentRoot: fixture.content, dataRoot: fixture.data };
    for (const [kind, name, options] of [['captioned', 'antwoord-de-olde.docx', {}], ['uncaptioned', 'meldingen-parkeren.docx', { type: 'raadsinformatiebrief', organisatie: 'almelo' }]] as const) {
      const result = await importFile(join(letters, name), name, { ...roots, ...options });
      expect(result.written?.datasets, `${result.outcome}: ${result.message} ${result.hint ?? ''}`).toHaveLength(1);
      imported[kind] = { briefing: result.briefing!.replace(/^.*\//, '').replace(/\.mdx?$/, ''), dataset: result.written!.datasets[0]!.replace(/^.*\//, '').replace(/\.yaml$/, '') };
    }
    writeFileSync(join(fixture.content, 'stukken/vormen.md'), FORMS('md', imported.uncaptioned.dataset));
    writeFileSync(join(fixture.content, 'stukken/vormen-mdx.mdx'), FORMS('mdx', imported.uncaptioned.dataset));
    check = checkArchive(roots);
    site = build({ ...fixture, env: { RAADSARCHIEF_SITE: 'https://www.gemeente.nl' } });
    strict = build({ ...fixture, env: { RAADSARCHIEF_STRIKT: '1' } });
  }, 600_000);

  it('publishes no placeholder anywhere: pages, feeds, JSON, sitemaps, search index, datasets and their downloads, the DCAT catalogue', () => {
    expect(site.status, site.output).toBe(0);
    // Also not as a heading's anchor (#vul-in-…) or in a link's address.
    const found = allText(site.outDir).filter(([, text]) => /VUL IN|VUL%20IN|vul-in-/.test(text)).map(([path]) => path);
    expect(found).toEqual([]);
    // The search index holds the pages that had placeholders, so the scan above read them there too.
    const indexed = allText(join(site.outDir, 'pagefind')).map(([, text]) => text).join('\n');
    expect(indexed).toContain('Dat staat vast');
    expect(indexed).toContain('Hieronder leest u hoeveel meldingen');
  });

  it('shows the text around each form of placeholder in a .md and an .mdx body, and leaves out what held nothing else', () => {
    for (const id of ['vormen', 'vormen-mdx']) {
      const html = site.read(`stukken/${id}/index.html`);
      const page = textOf(html);
      expect(page, id).toContain('Het bedrag is. Dat staat vast.');
      expect(page, id).toContain('De wethouder meldt dat de nieuwe regels op 1 april ingaan.');
      expect(page, id).toContain('Vraag de code aan bij de balie.');
      expect(page, id).toContain('Lees meer op.');
      expect(page, id).toContain('Zie de bron en de toelichting');
      expect(page, id).toContain('Toelichting van de griffie.');
      // A link whose text was a placeholder is gone whole, the images stay without the placeholder as description.
      expect(html, id).not.toContain('https://www.almelo.nl/parkeren/');
      expect(html, id).not.toMatch(/<a [^>]*href="https:\/\/www\.almelo\.nl\/"/);
      // (MDX writes an empty alt as a bare `alt`, which HTML reads as alt="".)
      expect([...html.matchAll(/<img [^>]*\balt(?:="([^"]*)")?/g)].map((m) => m[1] ?? ''), id).toEqual(['', 'Kaart van']);
      // No empty code, paragraph or footnote is left behind; the table keeps its row, with an empty cell.
      expect(html, id).not.toMatch(/<code>\s*<\/code>|<p>\s*<\/p>|<li[^>]*>\s*(?:<p>\s*)?<a [^>]*data-footnote-backref/);
      expect(page, id).toMatch(/2024\s+2025 1200|2024 2025 1\.?200/);
      expect(html.match(/data-footnote-ref/g) ?? [], id).toHaveLength(1);
    }
  });

  it('publishes an imported table without its placeholders: on the letter, on its own page, in its downloads and in the catalogue', () => {
    // The table the letter names: its title stays, the period that is not known is left out.
    const letter = textOf(site.read(`stukken/${imported.captioned.briefing}/index.html`));
    expect(letter).toContain('Instroom (voorlopige) ondertoezichtstellingen en machtigingen uithuisplaatsing, Almelo');
    expect(letter).toContain('Bron: Gemeente Almelo, beantwoording schriftelijke vragen van 10 september 2024 (kenmerk UIT-24117010).');
    expect(letter).not.toMatch(/periode/i);

    // The table the letter does not name is called after its columns, everywhere.
    const id = imported.uncaptioned.dataset;
    const title = 'Tabel: Wijk, Meldingen';
    const onLetter = textOf(site.read(`stukken/${imported.uncaptioned.briefing}/index.html`));
    expect(onLetter).toContain(`Tabel 1 ${title}`);
    expect(onLetter).toContain('Centrum 412');
    const datasetPage = site.read(`datasets/${id}/index.html`);
    expect(datasetPage).toContain(`<title>${title}`);
    expect(datasetPage).toMatch(new RegExp(`<meta property="og:title" content="${title}`));
    expect(textOf(datasetPage)).toContain(`Datasets ${title}`);
    const json = JSON.parse(site.read(`data/${id}.json`));
    expect(json.titel).toBe(title);
    expect(json.periode).toBeUndefined();
    expect(site.read(`data/${id}.csv`)).toContain('Centrum;412');
    const catalogue = JSON.parse(site.read('datasets/catalogus.jsonld'));
    const entry = catalogue['dcat:dataset'].find((d: Record<string, unknown>) => String(d['@id']).includes(id));
    expect(entry['dct:title']).toBe(title);
    expect(entry['dct:temporal']).toBeUndefined();
    expect(textOf(site.read('datasets/index.html'))).toContain(title);
  });

  it('lists every placeholder of a dataset by its line, as a point for review', () => {
    expect(check.errors.map(formatContentError)).toEqual([]);
    for (const { dataset } of Object.values(imported)) {
      const text = readFileSync(join(fixture.data, `${dataset}.yaml`), 'utf8').split('\n');
      const expected = text.flatMap((line, index) => (line.includes('[VUL IN') ? [index + 1] : []));
      expect(expected.length, dataset).toBeGreaterThan(0);
      const found = check.warnings.filter((w) => w.file.endsWith(`data/${dataset}.yaml`));
      expect(found.map((w) => w.line), dataset).toEqual(expected);
      expect(found.every((w) => w.review && w.message === 'hier staat nog voorbeeldtekst uit het sjabloon (die wordt niet gepubliceerd)'), dataset).toBe(true);
    }
    const title = check.warnings.find((w) => w.file.endsWith(`data/${imported.uncaptioned.dataset}.yaml`) && w.line === 1);
    expect(title?.hint).toContain('“Tabel: Wijk, Meldingen”');
  });

  it('lists each form of placeholder in a body once, where it starts', () => {
    for (const file of ['vormen.md', 'vormen-mdx.mdx']) {
      const lines = check.warnings.filter((w) => w.file.endsWith(`stukken/${file}`) && w.review).map((w) => w.line);
      // Bedrag, naam, code, alleen code, linktekst, link zonder meer, beschrijving, jaar, table cell, bron, pagina; the frontmatter ends on line 6.
      expect(lines, file).toEqual([7, 9, 12, 14, 16, 18, 20, 22, 26, 31, 32]);
    }
  });

  it('shows what is known and leaves the rest out', () => {
    const page = textOf(site.read('stukken/parkeren/index.html'));
    expect(page).toContain('Het college informeert u over het parkeren.');
    expect(page).toContain('Eerste punt.');
    expect(page).toContain('Tot slot: de nieuwe regels gaan op 1 april in.');
    expect(page).toContain('Bijlage 1 (PDF');
    const html = site.read('stukken/parkeren/index.html');
    expect(html).not.toMatch(/<h2[^>]*>\s*<\/h2>|<blockquote>\s*<\/blockquote>|<li>\s*<\/li>/);
    const json = JSON.parse(site.read('stukken/parkeren.json'));
    expect(json.samenvatting).toBeUndefined();
    expect(json.onderwerpen).toEqual(['parkeren']);
  });

  it('keeps a draft offline, links nothing to it, and the check says why', () => {
    expect(() => site.read('stukken/concept-zonder-titel/index.html')).toThrow();
    expect(allText(site.outDir).some(([, text]) => text.includes('concept-zonder-titel'))).toBe(false);
    const check = checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data });
    expect(check.errors.map(formatContentError)).toEqual([]);
    const draft = check.warnings.find((w) => w.file.endsWith('concept-zonder-titel.md') && w.message.startsWith('wordt nog niet gepubliceerd'));
    expect(draft?.message).toBe('wordt nog niet gepubliceerd: titel is nog niet ingevuld ([VUL IN … ])');
    expect(draft?.review).toBe(true);
  });

  it('is built in strict mode too: points for review do not stop it', () => {
    expect(strict.status, strict.output).toBe(0);
  });
});
