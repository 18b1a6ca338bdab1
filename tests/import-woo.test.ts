/**
 * A Woo decision letter imports as what it is: a woo-besluit whose title says
 * what was asked, with the request date, the outcome, the grounds and the
 * partial decision read from the letter, a summary from its first paragraph,
 * and nothing for the clerk to fill in before it can go online. The built
 * archive has no placeholder and no requester's name anywhere.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { formatContentError } from '../src/lib/errors/content-error';
import { importFolder } from '../src/lib/import/import-letters';
import { build, projectRoot } from './helpers/build';
import { wooDecisionLetter } from './helpers/pdf-letters';
import { buildPdf, onePage } from './helpers/pdf';
import { emptyArchive } from './helpers/archive';

/** A Woo decision to a named requester, as an unredacted letter would greet them. */
const partialDecision = (date: string, part: number) => [
  'Gemeente Almelo',
  'Postbus 5100, 7600 GC Almelo',
  `Datum: ${date}`,
  'Ons kenmerk: Z-2022-4411',
  'Onderwerp: Besluit op uw Woo-verzoek',
  '',
  'Geachte heer Bosschaert,',
  '',
  'Op 25 november 2022 hebben wij uw verzoek ontvangen om informatie over de sluiting',
  `van zwembad De Hoeve. Dit is deelbesluit ${part}.`,
  '',
  'Besluit',
  '',
  'Wij hebben besloten de documenten gedeeltelijk openbaar te maken. Namen van',
  'medewerkers zijn weggelakt op grond van artikel 5.1, tweede lid, onder e, van de Woo.',
  '',
  'Met vriendelijke groet,',
  'Burgemeester en wethouders van Almelo,',
];

const frontmatterOf = (path: string) => load(readFileSync(path, 'utf8').split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;

describe('the original of a letter to a resident', () => {
  it('is kept back while it greets the resident by name, and published once it is the redacted version', () => {
    const { content, data } = emptyArchive('ra-woo-');
    mkdirSync(join(content, 'stukken', 'bijlagen'), { recursive: true });
    writeFileSync(join(content, 'stukken', 'antwoord-inwoner.md'), '---\ntype: vragen-inwoner\ntitel: Antwoord over de speeltuin\norganisatie: almelo\ndatum: 2024-05-02\naan: De vraagsteller\nvragen:\n  gesteldDoor: { soort: inwoner }\n  gesteldOp: 2024-04-10\norigineel: bijlagen/antwoord-ondertekend.pdf\n---\nHet college antwoordt op de vragen over de speeltuin.\n');
    const original = join(content, 'stukken', 'bijlagen', 'antwoord-ondertekend.pdf');
    writeFileSync(original, buildPdf({ objects: onePage({ lines: ['Mevrouw A. de Boer', 'Kerkstraat 1', '7600 AA Almelo', '', 'Geachte mevrouw De Boer,', '', 'Het college antwoordt op uw vragen over de speeltuin.'] }) }));
    const named = checkArchive({ contentRoot: content, dataRoot: data });
    const briefing = named.briefings.find((b) => b.id === 'antwoord-inwoner')!;
    expect(briefing.files.original).toBeUndefined();
    expect(briefing.files.withheldOriginal?.written).toBe('bijlagen/antwoord-ondertekend.pdf');
    expect(named.warnings.map((w) => w.message), JSON.stringify(named.warnings.map((w) => w.message))).toContain('origineel: "bijlagen/antwoord-ondertekend.pdf" noemt de vraagsteller bij naam (“De Boer”) en wordt daarom niet gepubliceerd; het stuk zelf wel');
    writeFileSync(original, buildPdf({ objects: onePage({ lines: ['5.1.2e', '', 'Geachte heer/mevrouw 5.1.2e,', '', 'Het college antwoordt op uw vragen over de speeltuin.'] }) }));
    const redacted = checkArchive({ contentRoot: content, dataRoot: data }).briefings.find((b) => b.id === 'antwoord-inwoner')!;
    expect(redacted.files.original?.name).toBe('antwoord-ondertekend.pdf');
    expect(redacted.files.withheldOriginal).toBeUndefined();
  });
});

describe('npm run import: Woo decisions', () => {
  it('imports each as a woo-besluit that can go online without hand-work, and publishes no placeholder and no requester', async () => {
    const { dir, content, data } = emptyArchive('ra-woo-');
    writeFileSync(join(content, 'organisaties', 'amsterdam.yaml'), 'naam: Gemeente Amsterdam\nsoort: gemeente\ncbsCode: GM0363\n');
    const folder = mkdtempSync(join(tmpdir(), 'ra-woo-brieven-'));
    writeFileSync(join(folder, 'besluit-sloterplas.pdf'), wooDecisionLetter());
    writeFileSync(join(folder, 'deelbesluit-1.pdf'), buildPdf({ objects: onePage({ lines: partialDecision('14 maart 2023', 1) }) }));
    writeFileSync(join(folder, 'deelbesluit-2.pdf'), buildPdf({ objects: onePage({ lines: partialDecision('2 juni 2023', 2) }) }));
    const results = await importFolder(folder, { contentRoot: content, dataRoot: data });
    expect(results.map((r) => [r.file, r.outcome, r.message ?? ''])).toEqual([
      ['besluit-sloterplas.pdf', 'nakijken', ''],
      ['deelbesluit-1.pdf', 'nakijken', ''],
      ['deelbesluit-2.pdf', 'nakijken', ''],
    ]);

    const sloterplas = frontmatterOf(results[0]!.briefing!);
    expect(sloterplas).toMatchObject({ type: 'woo-besluit', organisatie: 'amsterdam', titel: 'Besluit op Wob-verzoek over de Sloterplas', aan: 'De verzoeker', woo: { verzoek: 'de Sloterplas', wet: 'wob' } });
    expect(sloterplas.woo.gronden).toContain('10.2.e');

    const first = frontmatterOf(results[1]!.briefing!);
    expect(first).toMatchObject({
      type: 'woo-besluit',
      organisatie: 'almelo',
      titel: 'Besluit op Woo-verzoek over de sluiting van zwembad De Hoeve (deelbesluit 1)',
      aan: 'De verzoeker',
      woo: { verzoek: 'de sluiting van zwembad De Hoeve', besluit: 'deels-openbaar', gronden: ['5.1.2.e'], wet: 'woo', deelbesluit: 1 },
    });
    expect(String(first.woo.ontvangen instanceof Date ? first.woo.ontvangen.toISOString().slice(0, 10) : first.woo.ontvangen)).toBe('2022-11-25');
    expect(first.samenvatting).toMatch(/^Op 25 november 2022 hebben wij uw verzoek ontvangen om informatie over de sluiting van zwembad De Hoeve\./);
    expect(frontmatterOf(results[2]!.briefing!).titel).toBe('Besluit op Woo-verzoek over de sluiting van zwembad De Hoeve (deelbesluit 2)');

    const check = checkArchive({ contentRoot: content, dataRoot: data });
    expect(check.errors.map(formatContentError)).toEqual([]);
    // Nothing keeps a letter offline: no draft among the review points.
    expect(check.warnings.filter((w) => w.message.startsWith('wordt nog niet gepubliceerd'))).toEqual([]);

    const site = build({ content, data, env: { RAADSARCHIEF_SITE: 'https://www.gemeente.nl' } });
    expect(site.status, site.output).toBe(0);
    const outputs = readdirSync(site.outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !/\.(pdf|png|wasm|woff2?)$/.test(entry.name))
      .map((entry) => {
        const bytes = readFileSync(join(entry.parentPath, entry.name));
        return [join(entry.parentPath, entry.name).slice(site.outDir.length + 1), bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8')] as const;
      });
    expect(outputs.filter(([, text]) => text.includes('VUL IN')).map(([path]) => path)).toEqual([]);
    expect(outputs.filter(([, text]) => text.includes('Bosschaert')).map(([path]) => path)).toEqual([]);
    // The unredacted originals of the partial decisions greet the requester by name: kept back, the page says so.
    for (const result of results.slice(1)) {
      const id = result.briefing!.replace(/^.*\//, '').replace(/\.md$/, '');
      expect(readdirSync(join(site.outDir, 'stukken', id)).filter((name) => name.endsWith('.pdf'))).toEqual([]);
      expect(site.read(`stukken/${id}/index.html`)).toContain('niet openbaar: het origineel noemt de ontvanger bij naam');
      expect(check.warnings.map(formatContentError).join('\n')).toMatch(new RegExp(`${id}\\.md:\\d+:\\d+ {2}origineel: "bijlagen/[^"]+\\.pdf" noemt de verzoeker bij naam \\(“Bosschaert”\\) en wordt daarom niet gepubliceerd`));
    }
    // The redacted one ("mevrouw 10.2.e") is published.
    const sloterplasId = results[0]!.briefing!.replace(/^.*\//, '').replace(/\.md$/, '');
    expect(readdirSync(join(site.outDir, 'stukken', sloterplasId)).filter((name) => name.endsWith('.pdf'))).toHaveLength(1);
    const sitemap = readdirSync(site.outDir).filter((name) => name.startsWith('sitemap-diwoo-infocat014'));
    expect(sitemap).toEqual(['sitemap-diwoo-infocat014-1.xml']);
    const valid = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(projectRoot, 'tests/fixtures/standards/diwoo/sitemap-diwoo-wrapper.xsd'), join(site.outDir, sitemap[0]!)], { encoding: 'utf8' });
    expect(valid.status, valid.stderr).toBe(0);
    expect(site.read(sitemap[0]!)).toContain('Besluit op Woo-verzoek over de sluiting van zwembad De Hoeve (deelbesluit 1)');
    expect(dir).toBeTruthy();
  });
});
