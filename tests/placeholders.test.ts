/**
 * No placeholder is ever published. A field that is still `[VUL IN: …]` is
 * left out of the page, the feed, the JSON, the search index and the sitemaps;
 * a placeholder in the text is cut from it; a briefing whose title is still a
 * placeholder stays offline as a draft. The check lists each for review, and
 * such review points do not stop a strict build.
 */
import { gunzipSync } from 'node:zlib';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { publishable, stripPlaceholders } from '../src/lib/content/placeholders';
import { briefingSchema } from '../src/schemas/briefing';
import { formatContentError } from '../src/lib/errors/content-error';
import { build, copyFixture, textOf, type BuildResult } from './helpers/build';
import { buildPdf, onePage } from './helpers/pdf';

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
});

describe('a built archive with placeholders', () => {
  let site: BuildResult;
  let strict: BuildResult;
  let fixture: ReturnType<typeof copyFixture>;
  beforeAll(() => {
    fixture = copyFixture('basis');
    writeFileSync(join(fixture.content, 'stukken/parkeren.md'), IMPORTED);
    writeFileSync(join(fixture.content, 'stukken/concept-zonder-titel.md'), DRAFT);
    mkdirSync(join(fixture.content, 'stukken/bijlagen'), { recursive: true });
    writeFileSync(join(fixture.content, 'stukken/bijlagen/parkeeronderzoek.pdf'), buildPdf({ objects: onePage({ lines: ['Parkeeronderzoek binnenstad'] }) }));
    site = build({ ...fixture, env: { RAADSARCHIEF_SITE: 'https://www.gemeente.nl' } });
    strict = build({ ...fixture, env: { RAADSARCHIEF_STRIKT: '1' } });
  }, 600_000);

  it('publishes no placeholder anywhere: pages, feeds, JSON, sitemaps, search index', () => {
    expect(site.status, site.output).toBe(0);
    const found = allText(site.outDir).filter(([, text]) => text.includes('VUL IN')).map(([path]) => path);
    expect(found).toEqual([]);
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
