/**
 * Decisions on Woo requests as a type of their own: the schema keeps the
 * requester nameless, the page says the decision and each ground in the law's
 * words, and the build lists, feeds, filters and offers them to the Woo-index
 * under "Woo-verzoeken en -besluiten", valid against the DiWoo XSD.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefingSchema } from '../src/schemas/briefing';
import { checkArchive } from '../src/lib/content/check';
import { formatContentError } from '../src/lib/errors/content-error';
import { describeGround, normaliseGround } from '../src/lib/site/woo-decisions';
import { build, copyFixture, projectRoot, textOf, type BuildResult } from './helpers/build';
import { buildPdf, onePage } from './helpers/pdf';

const WRAPPER = join(projectRoot, 'tests/fixtures/standards/diwoo/sitemap-diwoo-wrapper.xsd');

const DECISION = `---
type: woo-besluit
titel: Besluit op Woo-verzoek over de sluiting van zwembad De Hoeve
organisatie: almelo
datum: 2023-03-14
kenmerk: 2022-13953
aan: De verzoeker
woo:
  verzoek: de sluiting van zwembad De Hoeve
  ontvangen: 2022-11-25
  besluit: deels-openbaar
  gronden: [5.1.2e, 5.2]
  deelbesluit: 2
origineel: bijlagen/besluit-ondertekend.pdf
bijlagen:
  - { titel: Inventarislijst, bestand: bijlagen/inventarislijst.pdf }
---
## Uw verzoek

Op 25 november 2022 ontvingen wij uw verzoek om informatie over de sluiting van het zwembad.

## Besluit

Wij maken de documenten gedeeltelijk openbaar.
`;

const base = () => ({ type: 'woo-besluit', titel: 'Besluit', organisatie: 'almelo', datum: '2023-03-14' });

describe('the grounds of a decision', () => {
  it('reads each way letters write them and says what it protects', () => {
    expect(['5.1.2e', '5.1.2.e', '5.1, tweede lid, onder e', 'artikel 5.1 lid 2 sub e'].map(normaliseGround)).toEqual(Array(4).fill('5.1.2.e'));
    expect(describeGround('5.1.2e', 'woo')).toBe('artikel 5.1, tweede lid, onder e Woo (de eerbiediging van de persoonlijke levenssfeer)');
    expect(describeGround('10.2.e', 'wob')).toBe('artikel 10, tweede lid, onder e Wob (de eerbiediging van de persoonlijke levenssfeer)');
    expect(describeGround('5.2', 'woo')).toBe('artikel 5.2 Woo (persoonlijke beleidsopvattingen in documenten voor intern beraad)');
    // Not a ground the law knows: shown as the letter wrote it.
    expect(describeGround('zie bijlage', 'woo')).toBe('zie bijlage');
  });
});

describe('the schema', () => {
  it('asks a woo-besluit for its request and decision, and has no place for the requester', () => {
    const missing = briefingSchema.safeParse(base());
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toContain('woo: ontbreekt: noem waarover het verzoek ging, wanneer het binnenkwam en wat is besloten');
    const named = briefingSchema.safeParse({ ...base(), woo: { verzoek: 'x', ontvangen: '2022-11-25', besluit: 'openbaar', verzoeker: 'J. Jansen' } });
    expect(named.success).toBe(false);
    const wrong = briefingSchema.safeParse({ ...base(), woo: { verzoek: 'x', ontvangen: '2022-11-25', besluit: 'toegekend' } });
    expect(wrong.error!.issues[0]!.message).toBe('besluit moet openbaar, deels-openbaar, niet-openbaar, geen-documenten, reeds-openbaar, buiten-behandeling zijn');
    const elsewhere = briefingSchema.safeParse({ ...base(), type: 'raadsinformatiebrief', woo: { verzoek: 'x', ontvangen: 'onbekend', besluit: 'openbaar' } });
    expect(elsewhere.error!.issues[0]!.message).toBe('alleen een besluit op een Woo-verzoek (type woo-besluit) heeft woo:');
  });
});

describe('a built archive with a Woo decision', () => {
  let site: BuildResult;
  let fixture: ReturnType<typeof copyFixture>;
  beforeAll(() => {
    fixture = copyFixture('basis');
    mkdirSync(join(fixture.content, 'stukken/bijlagen'), { recursive: true });
    writeFileSync(join(fixture.content, 'stukken/woo-zwembad.md'), DECISION);
    writeFileSync(join(fixture.content, 'stukken/bijlagen/besluit-ondertekend.pdf'), buildPdf({ objects: onePage({ lines: ['Besluit op uw Woo-verzoek'] }) }));
    writeFileSync(join(fixture.content, 'stukken/bijlagen/inventarislijst.pdf'), buildPdf({ objects: onePage({ lines: ['Inventarislijst'] }) }));
    site = build({ ...fixture, env: { RAADSARCHIEF_SITE: 'https://www.gemeente.nl' } });
  }, 600_000);

  it('passes the check and warns about a name in the salutation as it does for a resident', () => {
    expect(checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data }).errors.map(formatContentError)).toEqual([]);
    const named = join(fixture.content, 'stukken/woo-zwembad.md');
    const text = readFileSync(named, 'utf8');
    writeFileSync(named, text.replace('## Uw verzoek', 'Geachte heer Pietersen,\n\n## Uw verzoek'));
    const warnings = checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data }).warnings.map(formatContentError).join('\n');
    writeFileSync(named, text);
    expect(warnings).toContain('hier staat mogelijk de naam van de verzoeker (“Geachte heer Pietersen”)');
  });

  it('shows the request, the decision and each ground in the law’s words', () => {
    expect(site.status, site.output).toBe(0);
    const page = textOf(site.read('stukken/woo-zwembad/index.html'));
    expect(page).toContain('Besluit op Woo-verzoek');
    expect(page).toContain('Verzoek over de sluiting van zwembad De Hoeve, ontvangen 25 november 2022');
    expect(page).toContain('Besluit deels toegewezen: de informatie wordt gedeeltelijk openbaar gemaakt (deelbesluit 2)');
    expect(page).toContain('artikel 5.1, tweede lid, onder e Woo (de eerbiediging van de persoonlijke levenssfeer)');
    expect(page).toContain('Ondertekend besluit (PDF');
    const json = JSON.parse(site.read('stukken/woo-zwembad.json'));
    expect(json.type).toEqual({ code: 'woo-besluit', naam: 'Besluit op Woo-verzoek' });
    expect(json.wooBesluit).toMatchObject({ verzoek: 'de sluiting van zwembad De Hoeve', besluit: { code: 'deels-openbaar' }, wet: 'woo', deelbesluit: 2 });
    expect(json.woo.informatiecategorie).toEqual({ uri: 'https://identifier.overheid.nl/tooi/def/thes/kern/c_3baef532', naam: 'Woo-verzoeken en -besluiten' });
  });

  it('has its own listing, feed and search filter', () => {
    expect(textOf(site.read('soort/woo-besluit/index.html'))).toContain('Besluit op Woo-verzoek over de sluiting van zwembad De Hoeve');
    expect(site.read('soort/woo-besluit/feed.xml')).toContain('<title>Besluit op Woo-verzoek over de sluiting van zwembad De Hoeve</title>');
    const search = site.read('zoeken/index.html');
    expect(search).toMatch(/<label for="filter-besluit"[^>]*>Besluit op het Woo-verzoek<\/label>/);
    expect(search).toMatch(/<option value="Deels toegewezen"[^>]*>Deels toegewezen<\/option>/);
    expect(site.read('stukken/woo-zwembad/index.html')).toMatch(/<span data-pagefind-filter="besluit"[^>]*>Deels toegewezen<\/span>/);
  });

  it('offers the decision and its inventory list to the Woo-index under Woo-verzoeken en -besluiten, valid against the XSD', () => {
    const names = readdirSync(site.outDir).filter((name) => /infocat014/.test(name)).sort();
    expect(names).toEqual(['sitemap-diwoo-infocat014-1.xml', 'sitemapindex-diwoo-infocat014.xml']);
    for (const name of names) {
      const result = spawnSync('xmllint', ['--nonet', '--noout', '--schema', WRAPPER, join(site.outDir, name)], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
    }
    const sitemap = site.read('sitemap-diwoo-infocat014-1.xml');
    expect(sitemap.match(/<url>/g)).toHaveLength(2);
    expect(sitemap).toContain('https://www.gemeente.nl/stukken/woo-zwembad/besluit-ondertekend.pdf');
    expect(sitemap).toContain('https://www.gemeente.nl/stukken/woo-zwembad/inventarislijst.pdf');
    expect(sitemap).toContain('https://identifier.overheid.nl/tooi/def/thes/kern/c_4f50ca9c');
    expect(sitemap).toContain('beslissing op Wob-/Woo-verzoek');
    expect(site.read('robots.txt')).toContain('https://www.gemeente.nl/sitemapindex-diwoo-infocat014.xml');
  });
});
