/**
 * The Woo-index sitemaps: every DiWoo file a build writes is valid against the
 * DiWoo metadata XSD 0.9.8, checked by libxml2's xmllint (the first invalid file
 * fails the test with xmllint's message); only briefings dated to the day are
 * offered, as their original or page, each attachment as its own document; the
 * check names each briefing left out; robots.txt names every sitemap index; and
 * the addresses are absolute, under a sub-path too.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefingSchema } from '../src/schemas/briefing';
import { parsePartialDate, type PartialDate } from '../src/schemas/partial-date';
import { FILE_TYPES, type BriefingFiles, type PublishedFile } from '../src/lib/content/attachments';
import { checkArchive } from '../src/lib/content/check';
import { formatContentError } from '../src/lib/errors/content-error';
import {
  amsterdamStartOfDay,
  diwooFormat,
  escapeXml,
  packSitemaps,
  wooIndexDateWarning,
  wooIndexFiles,
  type WooIndexInput,
} from '../src/lib/publication/diwoo';
import { WOO_CLASSIFICATION } from '../src/lib/publication/woo';
import { assertSiteOrigin } from '../src/lib/site/origin';
import { DOCUMENT_TYPES, type DocumentType } from '../src/schemas/document-types';
import { build, copyFixture, projectRoot, sampleBuild, type BuildResult } from './helpers/build';

const STANDARDS = join(projectRoot, 'tests/fixtures/standards/diwoo');
const WRAPPER = join(STANDARDS, 'sitemap-diwoo-wrapper.xsd');
const DIWOO_FILE = /^sitemap(?:index)?-diwoo-infocat\d{3}(?:-\d+)?\.xml$/;

const xmllint = (...args: string[]) => spawnSync('xmllint', args, { encoding: 'utf8' });

/**
 * Validates every DiWoo file in `dir` and stops at the first invalid one with
 * xmllint's message. The XSD lets diwoo:Document be empty, so that each <url>
 * holds diwoo:DiWoo is asked with an XPath.
 */
function validateAll(dir: string): string[] {
  const names = readdirSync(dir).filter((name) => DIWOO_FILE.test(name)).sort();
  for (const name of names) {
    const path = join(dir, name);
    const result = xmllint('--nonet', '--noout', '--schema', WRAPPER, path);
    if (result.status !== 0) throw new Error(`${name} is not valid against DiWoo 0.9.8:\n${result.stderr}`);
    if (name.startsWith('sitemap-')) {
      const bare = xmllint('--xpath', "count(//*[local-name()='url'][not(*[local-name()='Document']/*[local-name()='DiWoo'])])", path);
      if (bare.stdout.trim() !== '0') throw new Error(`${name}: ${bare.stdout.trim()} <url> without diwoo:Document/diwoo:DiWoo`);
    }
  }
  return names;
}

/** The <url> blocks of every DiWoo sitemap in `dir`, by <loc>. */
function entriesIn(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => /^sitemap-diwoo-/.test(n))) {
    for (const block of readFileSync(join(dir, name), 'utf8').split('<url>').slice(1)) entries.set(/<loc>([^<]+)<\/loc>/.exec(block)![1]!, block);
  }
  return entries;
}

/** value → label of one enumerated list of the vendored DiWoo lists XSD. */
function xsdList(name: string): Map<string, string> {
  const text = readFileSync(join(STANDARDS, 'diwoo-metadata-lijsten.xsd'), 'utf8');
  const start = text.indexOf(`<xs:simpleType name="${name}"`);
  const body = text.slice(start, text.indexOf('</xs:simpleType>', start));
  return new Map([...body.matchAll(/<xs:enumeration value="([^"]+)">\s*<xs:annotation>\s*<xs:documentation>\s*<dita:p[^>]*>([^<]*)<\/dita:p>/g)].map((m) => [m[1]!, m[2]!]));
}

const date = (text: string) => parsePartialDate(text) as PartialDate;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
  if (xmllint('--version').error) throw new Error('xmllint is missing; `bash scripts/ensure-test-tools.sh` installs libxml2-utils');
});

describe('the vendored standard', () => {
  it('is the upstream XSD unchanged, plus the one patch ORIGIN.md names', () => {
    const origin = readFileSync(join(STANDARDS, 'ORIGIN.md'), 'utf8');
    for (const file of ['upstream/diwoo-metadata.xsd', 'diwoo-metadata-lijsten.xsd', 'diwoo-metadata.xsd', 'mdto-stub.xsd', 'sitemap-diwoo-wrapper.xsd']) {
      expect(origin, file).toContain(sha256(join(STANDARDS, file)));
    }
    const upstream = readFileSync(join(STANDARDS, 'upstream/diwoo-metadata.xsd'), 'utf8').split('\n');
    const patched = readFileSync(join(STANDARDS, 'diwoo-metadata.xsd'), 'utf8').split('\n');
    expect(patched.length).toBe(upstream.length);
    expect(patched.flatMap((line, i) => (line === upstream[i] ? [] : [[upstream[i]!.trim(), line.trim()]]))).toEqual([
      ['schemaLocation="https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"/>', 'schemaLocation="mdto-stub.xsd"/>'],
    ]);
  });

  it('lists every category, document kind and format the archive writes, with the same labels', () => {
    const categories = xsdList('informatiecategorielijst');
    const kinds = xsdList('documentsoortlijst');
    for (const { category, kind } of Object.values(WOO_CLASSIFICATION)) {
      expect(categories.get(category.uri), category.uri).toBe(category.label);
      expect(kinds.get(kind.uri), kind.uri).toBe(kind.label);
    }
    const formats = xsdList('formatlijst');
    for (const code of [...new Set(Object.values(FILE_TYPES).map((type) => type.euFileType)), 'HTML']) {
      const format = diwooFormat(code);
      // Left out only where the list has no such value: an image, which the harvester then judges by its media type.
      if (format) expect(formats.get(format.uri), code).toBe(format.label);
      else expect([...formats.keys()].some((uri) => uri.endsWith(`/${code}`)), code).toBe(false);
    }
    expect(['PNG', 'JPEG', 'SVG'].map(diwooFormat)).toEqual([undefined, undefined, undefined]);
  });
});

describe('the README', () => {
  it('shows the table the Woo classification makes', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Voor de Woo-coördinator en de webmaster: de Woo-index'));
    const rows = Object.entries(WOO_CLASSIFICATION).map(
      ([type, { category, kind }]) =>
        `| ${DOCUMENT_TYPES[type as DocumentType].label} (\`${type}\`) | ${category.label} | \`sitemapindex-diwoo-infocat${category.infocat}.xml\` | ${category.article} | ${kind.label} |`,
    );
    expect(section).toContain(`| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n\n`);
  });
});

describe('DiWoo values', () => {
  it('names the start of the day in Amsterdam, with the offset of that day', () => {
    expect(amsterdamStartOfDay(date('2025-07-15'))).toBe('2025-07-15T00:00:00+02:00');
    expect(amsterdamStartOfDay(date('2025-01-20'))).toBe('2025-01-20T00:00:00+01:00');
    // The clocks change at 02:00 and 03:00: midnight of those Sundays still has the old offset.
    expect(amsterdamStartOfDay(date('2025-03-30'))).toBe('2025-03-30T00:00:00+01:00');
    expect(amsterdamStartOfDay(date('2025-10-26'))).toBe('2025-10-26T00:00:00+02:00');
    expect(() => amsterdamStartOfDay(date('2013'))).toThrow();
  });

  it('escapes the XML special characters and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`Jeugd & zorg <"’t">\u0007 'x'`)).toBe('Jeugd &amp; zorg &lt;&quot;’t&quot;&gt; &apos;x&apos;');
  });

  it('warns about a briefing without a day, on the line of datum:', () => {
    const text = '---\ntype: notitie\ntitel: X\ndatum: 2013\n---\ndatum: in de tekst\n';
    expect(wooIndexDateWarning('content/stukken/x.md', date('2013'), text)).toMatchObject({
      file: 'content/stukken/x.md',
      line: 4,
      message: 'wordt niet aangeboden aan de Woo-index: de datum is niet op de dag bekend (2013)',
    });
    expect(wooIndexDateWarning('x.md', date('onbekend'))?.message).toBe('wordt niet aangeboden aan de Woo-index: de datum is niet bekend');
    expect(wooIndexDateWarning('x.md', date('2024-09'))?.message).toContain('niet op de dag bekend (september 2024)');
    expect(wooIndexDateWarning('x.md', date('2013-05-14'), text)).toBeUndefined();
  });

  it('stops a build whose site is not the one RAADSARCHIEF_SITE names', () => {
    const before = process.env.RAADSARCHIEF_SITE;
    process.env.RAADSARCHIEF_SITE = 'https://www.gemeente.nl';
    try {
      expect(() => assertSiteOrigin(new URL('https://www.gemeente.nl/'))).not.toThrow();
      expect(() => assertSiteOrigin(new URL('https://test.gemeente.nl/'))).toThrow('Geef het publieke adres op met RAADSARCHIEF_SITE=https://test.gemeente.nl.');
    } finally {
      if (before === undefined) delete process.env.RAADSARCHIEF_SITE;
      else process.env.RAADSARCHIEF_SITE = before;
    }
  });

  it('cuts sitemaps at the entry limit and at the byte limit', () => {
    const urls = ['<url>a</url>\n', '<url>b</url>\n', '<url>c</url>\n', '<url>d</url>\n', '<url>e</url>\n'];
    expect(packSitemaps(urls, { entries: 2, bytes: 1e6 }).map((s) => s.length)).toEqual([2, 2, 1]);
    // One too large for any limit still gets a sitemap of its own rather than being dropped.
    expect(packSitemaps(urls, { entries: 50_000, bytes: 1 }).map((s) => s.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('writes several valid sitemaps into one index when a category outgrows one', () => {
    const organisations = new Map([['almelo', { id: 'almelo', naam: 'Gemeente Almelo', soort: 'gemeente' as const, cbsCode: 'GM0141', leden: [] }]]);
    const picture: PublishedFile = { role: 'bijlage', titel: 'Kaart van de wijk', written: 'kaart.png', source: '/dev/null', name: 'kaart.png', extension: 'png', type: FILE_TYPES.png!, size: 1, sha256: '' };
    const briefings = ['2024-03-01', '2024-03-02', '2024-03-03'].map((datum, i) => ({
      id: `notitie-${i + 1}`,
      data: briefingSchema.parse({ type: 'notitie', titel: `Notitie ${i + 1} & bijlage`, organisatie: 'almelo', datum, bijlagen: [{ titel: 'Kaart', bestand: 'kaart.png' }] }),
    }));
    const files = new Map<string, BriefingFiles>(briefings.map((b) => [b.id, { attachments: [picture] }]));
    const input: WooIndexInput = { briefings, files, organisations, site: 'https://raad.example' };
    const { indexes, sitemaps } = wooIndexFiles(input, { entries: 4, bytes: 50 * 1024 * 1024 });
    expect(indexes.map((i) => i.name)).toEqual(['sitemapindex-diwoo-infocat008.xml']);
    expect(sitemaps.map((s) => s.name)).toEqual(['sitemap-diwoo-infocat008-1.xml', 'sitemap-diwoo-infocat008-2.xml']);
    expect(indexes[0]!.xml).toContain('<loc>https://raad.example/sitemap-diwoo-infocat008-2.xml</loc>\n    <lastmod>2024-03-03</lastmod>');
    const dir = mkdtempSync(join(tmpdir(), 'ra-diwoo-'));
    for (const file of [...indexes, ...sitemaps]) writeFileSync(join(dir, file.name), file.xml);
    expect(validateAll(dir)).toHaveLength(3);
    // Cut by size, every file stays within the limit.
    const bySize = wooIndexFiles(input, { entries: 50_000, bytes: 6000 }).sitemaps;
    expect(bySize.length).toBeGreaterThan(1);
    for (const sitemap of bySize) expect(Buffer.byteLength(sitemap.xml)).toBeLessThanOrEqual(6000);
    // An image is not on DiWoo's format list: offered without format.
    const pictureEntry = entriesIn(dir).get('https://raad.example/stukken/notitie-1/kaart.png')!;
    expect(pictureEntry).not.toContain('<diwoo:format');
    expect(pictureEntry).toContain('<diwoo:isPartOf resource="https://raad.example/stukken/notitie-1/">Notitie 1 &amp; bijlage</diwoo:isPartOf>');
  });
});

describe('the built sample archive', () => {
  let site: BuildResult;
  beforeAll(async () => {
    site = await sampleBuild();
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });

  it('writes DiWoo files that xmllint finds valid against the DiWoo 0.9.8 XSD', () => {
    expect(validateAll(site.outDir)).toEqual(['sitemap-diwoo-infocat006-1.xml', 'sitemapindex-diwoo-infocat006.xml']);
  });

  it('names every sitemap index in robots.txt with its absolute address', () => {
    const robots = site.read('robots.txt');
    const indexes = readdirSync(site.outDir).filter((name) => name.startsWith('sitemapindex-diwoo-'));
    for (const name of indexes) expect(robots).toContain(`\nSitemap: https://raadsarchief.example/${name}\n`);
    expect(robots.match(/^Sitemap: .*diwoo.*$/gm)).toHaveLength(indexes.length);
    expect(site.read('sitemapindex-diwoo-infocat006.xml')).toContain('<loc>https://raadsarchief.example/sitemap-diwoo-infocat006-1.xml</loc>');
  });

  it('offers the Almelo motion letter as its signed PDF, with the values of its kind', () => {
    const loc = 'https://raadsarchief.example/stukken/almelo-2025-motie-juiste-basis-jeugdzorg/almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf';
    const entries = entriesIn(site.outDir);
    expect([...entries.keys()]).toEqual([loc]);
    const entry = entries.get(loc)!;
    const { category, kind } = WOO_CLASSIFICATION['motie-uitvoering'];
    expect(entry).toContain('<lastmod>2025-07-15</lastmod>');
    expect(entry).toContain('<diwoo:publisher resource="https://identifier.overheid.nl/tooi/id/gemeente/gm0141">gemeente Almelo</diwoo:publisher>');
    expect(entry).toContain(`<diwoo:informatiecategorie resource="${category.uri}">${category.label}</diwoo:informatiecategorie>`);
    expect(entry).toContain(`<diwoo:documentsoort resource="${kind.uri}">${kind.label}</diwoo:documentsoort>`);
    expect(entry).toContain('<diwoo:officieleTitel>Uitvoering van de motie &apos;De juiste basis voor effectieve jeugdzorg&apos; (Almelo)</diwoo:officieleTitel>');
    expect(entry).toContain('<diwoo:creatiedatum>2025-07-15</diwoo:creatiedatum>');
    expect(entry).toContain('<diwoo:format resource="http://publications.europa.eu/resource/authority/file-type/PDF">PDF</diwoo:format>');
    expect(entry).toMatch(/<diwoo:soortHandeling resource="https:\/\/identifier\.overheid\.nl\/tooi\/def\/thes\/kern\/c_e1ec050e">ondertekening<\/diwoo:soortHandeling>\s*<diwoo:atTime>2025-07-15T00:00:00\+02:00<\/diwoo:atTime>/);
    // The letter has no kenmerk, and none is made up.
    expect(entry).not.toContain('<diwoo:identifiers>');
  });

  it('leaves out every briefing not dated to the day, and the check names each one', () => {
    const { briefings, warnings } = checkArchive();
    const dayless = briefings.filter((b) => b.data.datum.precision !== 'dag');
    expect(dayless.map((b) => b.id).sort()).toEqual(['almelo-2024-jeugdzorg-vragen-de-olde', 'almelo-jeugdbescherming-vragen-inwoner', 'almere-2018-h2-halfjaarrapportage-jeugdhulp', 'twente-2013-regionale-samenwerking-jeugdzorg']);
    const written = readdirSync(site.outDir).filter((name) => DIWOO_FILE.test(name)).map((name) => site.read(name)).join('\n');
    const notOffered = warnings.filter((w) => w.message.startsWith('wordt niet aangeboden aan de Woo-index')).map(formatContentError);
    for (const briefing of dayless) {
      expect(written).not.toContain(`/stukken/${briefing.id}/`);
      expect(notOffered.filter((w) => w.startsWith(`${briefing.file}:`)), briefing.file).toHaveLength(1);
    }
    expect(notOffered).toContain(
      'content/stukken/twente-2013-regionale-samenwerking-jeugdzorg.mdx:7:1  wordt niet aangeboden aan de Woo-index: de datum is niet op de dag bekend (2013)\n' +
        '  → De Woo-index vraagt de dag van het stuk. Staat die in het origineel of in de bron, schrijf dan de hele datum (jjjj-mm-dd). Is de dag niet bekend, laat de datum dan zo: het stuk staat gewoon in het archief, alleen niet in de Woo-index.',
    );
    expect(notOffered).toHaveLength(dayless.length);
  });

  it('lets xmllint reject a broken copy, so the validator is known to run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-diwoo-broken-'));
    const good = site.read('sitemap-diwoo-infocat006-1.xml');
    const broken = [
      // DiWoo wants a date and time; a date alone is not one.
      good.replace(/<diwoo:atTime>([\d-]+)T[^<]+<\/diwoo:atTime>/, '<diwoo:atTime>$1</diwoo:atTime>'),
      // A municipality code that is not on the TOOI list.
      good.replace('/gemeente/gm0141"', '/gemeente/gm9999"'),
    ];
    expect(broken.every((xml) => xml !== good)).toBe(true);
    const messages = broken.map((xml, i) => {
      const path = join(dir, `sitemap-diwoo-infocat006-${i + 1}.xml`);
      writeFileSync(path, xml);
      const result = xmllint('--nonet', '--noout', '--schema', WRAPPER, path);
      expect(result.status).not.toBe(0);
      return result.stderr;
    });
    expect(messages[0]).toMatch(/atTime.*not a valid value of the atomic type 'xs:dateTime'/);
    expect(messages[1]).toMatch(/publisher.*resource.*gm9999/);
    expect(() => validateAll(dir)).toThrow(/is not valid against DiWoo 0\.9\.8/);
  });
});

describe('a built archive under a sub-path, with attachments and a samenwerkingsverband', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]);
  const root = 'https://www.gemeente.nl/raadsinformatie/';
  const letter = `${root}stukken/twente-2025-jeugdzorg-inkoop/ondertekende-brief.pdf`;
  let site: BuildResult;

  beforeAll(() => {
    const fixture = copyFixture('basis');
    writeFileSync(join(fixture.content, 'organisaties/twente.yaml'), 'naam: Veertien Twentse gemeenten\nsoort: samenwerkingsverband\nleden: [Almelo, Hengelo]\n');
    mkdirSync(join(fixture.content, 'stukken/bijlagen'), { recursive: true });
    writeFileSync(join(fixture.content, 'stukken/bijlagen/Ondertekende brief.pdf'), PDF);
    writeFileSync(join(fixture.content, 'stukken/bijlagen/planning.pdf'), PDF);
    writeFileSync(join(fixture.content, 'stukken/bijlagen/cijfers.xlsx'), XLSX);
    writeFileSync(
      join(fixture.content, 'stukken/twente-2025-jeugdzorg-inkoop.md'),
      [
        '---',
        'type: raadsinformatiebrief',
        'titel: "Inkoop jeugdzorg & de planning voor 2026"',
        'organisatie: twente',
        'datum: 2025-01-20',
        'kenmerk: RT-2025-017',
        'onderwerpen: [jeugdzorg, inkoop]',
        'origineel: bijlagen/Ondertekende brief.pdf',
        'bijlagen:',
        '  - { titel: "Bijlage 1: planning", bestand: bijlagen/planning.pdf }',
        '  - { titel: "Bijlage 2: cijfers per gemeente", bestand: bijlagen/cijfers.xlsx }',
        '  - { titel: "Bijlage 3: advies", opmerking: niet openbaar }',
        '---',
        'De veertien Twentse gemeenten informeren de raden over de inkoop.',
        '',
      ].join('\n'),
    );
    site = build({ ...fixture, base: '/raadsinformatie/', env: { RAADSARCHIEF_SITE: 'https://www.gemeente.nl' } });
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  });

  it('writes valid DiWoo files whose addresses all lie under the sub-path', () => {
    validateAll(site.outDir);
    const written = readdirSync(site.outDir).filter((name) => DIWOO_FILE.test(name)).map((name) => site.read(name)).join('\n');
    const locs = [...written.matchAll(/<loc>([^<]+)<\/loc>|resource="(https:\/\/www\.gemeente[^"]+)"/g)].map((m) => m[1] ?? m[2]!);
    expect(locs.length).toBeGreaterThan(5);
    for (const loc of locs) expect(loc.startsWith(root), loc).toBe(true);
    expect(site.read('robots.txt')).toContain(`\nSitemap: ${root}sitemapindex-diwoo-infocat006.xml\n`);
  });

  it('offers each attachment as its own document, part of the letter, and the letter names them', () => {
    const entries = entriesIn(site.outDir);
    // Oldest first; a letter is followed by its attachments; the one without a file is not offered.
    expect([...entries.keys()]).toEqual([
      `${root}stukken/brief-md/`,
      letter,
      `${root}stukken/twente-2025-jeugdzorg-inkoop/planning.pdf`,
      `${root}stukken/twente-2025-jeugdzorg-inkoop/cijfers.xlsx`,
    ]);
    const isPartOf = `<diwoo:isPartOf resource="${letter}">Inkoop jeugdzorg &amp; de planning voor 2026</diwoo:isPartOf>`;
    const planning = entries.get(`${root}stukken/twente-2025-jeugdzorg-inkoop/planning.pdf`)!;
    expect(planning).toContain(isPartOf);
    expect(planning).toContain('<diwoo:officieleTitel>Bijlage 1: planning</diwoo:officieleTitel>');
    const figures = entries.get(`${root}stukken/twente-2025-jeugdzorg-inkoop/cijfers.xlsx`)!;
    expect(figures).toContain(isPartOf);
    expect(figures).toContain('<diwoo:format resource="http://publications.europa.eu/resource/authority/file-type/XLSX">Excel XLSX</diwoo:format>');
    expect(figures).not.toContain('<diwoo:creatiedatum>');

    const main = entries.get(letter)!;
    expect(main).toContain('<diwoo:identifier>RT-2025-017</diwoo:identifier>');
    expect(main).toContain('<diwoo:atTime>2025-01-20T00:00:00+01:00</diwoo:atTime>');
    expect(main).toContain(`<diwoo:hasPart resource="${root}stukken/twente-2025-jeugdzorg-inkoop/planning.pdf">Bijlage 1: planning</diwoo:hasPart>`);
    expect(main.match(/<diwoo:hasPart /g)).toHaveLength(2);
    expect(main.match(/<diwoo:role resource="https:\/\/identifier\.overheid\.nl\/tooi\/def\/thes\/kern\/c_05f4a5f3">heeft bijlage<\/diwoo:role>/g)).toHaveLength(2);
    expect(main).toContain(`<diwoo:relation resource="${root}stukken/twente-2025-jeugdzorg-inkoop/cijfers.xlsx">Bijlage 2: cijfers per gemeente</diwoo:relation>`);
    expect(main).not.toContain('advies');
  });

  it('names a samenwerkingsverband without a TOOI identifier, and a page without an original as HTML', () => {
    const entries = entriesIn(site.outDir);
    for (const loc of [letter, `${root}stukken/twente-2025-jeugdzorg-inkoop/planning.pdf`]) {
      expect(entries.get(loc)).toContain('<diwoo:publisher>Veertien Twentse gemeenten</diwoo:publisher>');
      expect(entries.get(loc)).toContain('<diwoo:wasAssociatedWith>Veertien Twentse gemeenten</diwoo:wasAssociatedWith>');
    }
    const page = entries.get(`${root}stukken/brief-md/`)!;
    expect(page).toContain('<diwoo:format resource="http://publications.europa.eu/resource/authority/file-type/HTML">HTML</diwoo:format>');
    expect(page).toContain('<diwoo:identifier>UIT-1</diwoo:identifier>');
    expect(page).toContain('<diwoo:atTime>2024-09-10T00:00:00+02:00</diwoo:atTime>');
  });
});
