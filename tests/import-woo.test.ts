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
import { importFolder, type FileResult } from '../src/lib/import/import-letters';
import { isWooDecision, readWooDecision } from '../src/lib/import/woo-decision';
import { build, projectRoot } from './helpers/build';
import { wooDecisionLetter } from './helpers/pdf-letters';
import { buildPdf, onePage } from './helpers/pdf';
import { scanOf } from './helpers/scan';
import { docx } from './helpers/docx';
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

/** Every text file the build wrote (pages, JSON, feeds, sitemaps, the search index unpacked), by path. */
const builtTexts = (outDir: string) =>
  readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(pdf|docx|png|wasm|woff2?)$/.test(entry.name))
    .map((entry) => {
      const bytes = readFileSync(join(entry.parentPath, entry.name));
      return [join(entry.parentPath, entry.name).slice(outDir.length + 1), bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8')] as const;
    });

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

describe('the original of a letter to a resident, as a scan or a Word file', () => {
  const letter = (id: string, original: string) =>
    `---\ntype: vragen-inwoner\ntitel: Antwoord over de speeltuin (${id})\norganisatie: almelo\ndatum: 2024-05-02\naan: De vraagsteller\nvragen:\n  gesteldDoor: { soort: inwoner }\n  gesteldOp: 2024-04-10\norigineel: ${original}\n---\nHet college antwoordt op de vragen over de speeltuin.\n`;
  const scan = (lines: string[]) => scanOf(buildPdf({ objects: onePage({ lines }) }), { stamp: 'Ontvangen 3 mei 2024' });
  const ocrText = (lines: string[]) => `# Tekst van de gescande pagina's, gelezen met tekstherkenning (OCR).\n\n=== pagina 1 (tekstherkenning) ===\n${lines.join('\n')}\n`;
  const named = ['Mevr. A. Bosschaert', 'Kerkstraat 1', '7600 AA Almelo', '', 'Geachte mevrouw Bosschaert,', '', 'Het college antwoordt op uw vragen over de speeltuin aan de Kerkstraat.'];
  const redacted = ['5.1.2e', '', 'Geachte heer/mevrouw 5.1.2e,', '', 'Het college antwoordt op uw vragen over de speeltuin aan de Kerkstraat.'];

  it('reads the text layer and the stored OCR text together, and keeps back what it cannot read, saying what to do', () => {
    const { content, data } = emptyArchive('ra-woo-');
    const stukken = join(content, 'stukken');
    mkdirSync(join(stukken, 'bijlagen'), { recursive: true });
    // A scan with a received-stamp: the stamp is its only text layer, the salutation is in the OCR text beside it.
    writeFileSync(join(stukken, 'bijlagen', 'scan-met-naam.pdf'), scan(named));
    writeFileSync(join(stukken, 'bijlagen', 'scan-met-naam.pdf.ocr.txt'), ocrText(named));
    writeFileSync(join(stukken, 'scan-met-naam.md'), letter('scan met naam', 'bijlagen/scan-met-naam.pdf'));
    // The same scan before `npm run ocr`: only the stamp can be read.
    writeFileSync(join(stukken, 'bijlagen', 'scan-zonder-tekst.pdf'), scan(named));
    writeFileSync(join(stukken, 'scan-zonder-tekst.md'), letter('scan zonder tekst', 'bijlagen/scan-zonder-tekst.pdf'));
    // A Word original: the check does not read its text.
    writeFileSync(join(stukken, 'bijlagen', 'antwoord.docx'), docx(named.filter(Boolean).map((p) => ({ p }))));
    writeFileSync(join(stukken, 'word.md'), letter('Word', 'bijlagen/antwoord.docx'));
    // The redacted scan, read: published.
    writeFileSync(join(stukken, 'bijlagen', 'scan-geanonimiseerd.pdf'), scan(redacted));
    writeFileSync(join(stukken, 'bijlagen', 'scan-geanonimiseerd.pdf.ocr.txt'), ocrText(redacted));
    writeFileSync(join(stukken, 'geanonimiseerd.md'), letter('geanonimiseerd', 'bijlagen/scan-geanonimiseerd.pdf'));
    // A text PDF with little on its first page is no scan: what it says has been read.
    writeFileSync(join(stukken, 'bijlagen', 'kort.pdf'), buildPdf({ objects: onePage({ lines: ['Antwoord op uw vragen'] }) }));
    writeFileSync(join(stukken, 'kort.md'), letter('kort', 'bijlagen/kort.pdf'));

    const check = checkArchive({ contentRoot: content, dataRoot: data });
    expect(check.errors.map(formatContentError)).toEqual([]);
    const files = (id: string) => check.briefings.find((b) => b.id === id)!.files;
    expect(files('scan-met-naam').withheldOriginal?.name).toBe('Bosschaert');
    expect(files('scan-zonder-tekst').withheldOriginal?.written).toBe('bijlagen/scan-zonder-tekst.pdf');
    expect(files('word').withheldOriginal?.written).toBe('bijlagen/antwoord.docx');
    expect(files('word').withheldOriginal?.name).toBeUndefined();
    expect(files('geanonimiseerd').original?.name).toBe('scan-geanonimiseerd.pdf');
    const about = (id: string) => check.warnings.filter((w) => w.file.endsWith(`${id}.md`) && w.message.startsWith('origineel:'));
    expect(about('scan-met-naam').map((w) => w.message)).toEqual(['origineel: "bijlagen/scan-met-naam.pdf" noemt de vraagsteller bij naam (“Bosschaert”) en wordt daarom niet gepubliceerd; het stuk zelf wel']);
    expect(about('scan-zonder-tekst')).toEqual([
      expect.objectContaining({
        message: 'origineel: "bijlagen/scan-zonder-tekst.pdf" is een scan waarvan de tekst nog niet is gelezen, zodat niet te controleren is of hij de vraagsteller bij naam noemt; hij wordt daarom niet gepubliceerd, het stuk zelf wel',
        hint: expect.stringContaining('`npm run ocr`'),
        review: true,
      }),
    ]);
    expect(about('word')).toEqual([
      expect.objectContaining({
        message: 'origineel: van "bijlagen/antwoord.docx" (Word) wordt de tekst niet gelezen, zodat niet te controleren is of het de vraagsteller bij naam noemt; het wordt daarom niet gepubliceerd, het stuk zelf wel',
        hint: expect.stringContaining('geanonimiseerde versie van de brief als pdf'),
        review: true,
      }),
    ]);
    expect(about('geanonimiseerd')).toEqual([]);
    expect(about('kort')).toEqual([]);

    const site = build({ content, data });
    expect(site.status, site.output).toBe(0);
    const published = readdirSync(join(site.outDir, 'stukken'), { recursive: true, encoding: 'utf8' }).filter((name) => /\.(pdf|docx)$/.test(name));
    expect(published.sort()).toEqual(['geanonimiseerd/scan-geanonimiseerd.pdf', 'kort/kort.pdf']);
    for (const id of ['scan-met-naam', 'scan-zonder-tekst', 'word']) expect(site.read(`stukken/${id}/index.html`)).toContain('niet openbaar');
    expect(builtTexts(site.outDir).filter(([, text]) => /bosschaert/i.test(text)).map(([path]) => path)).toEqual([]);
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
    const outputs = builtTexts(site.outDir);
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

const pdf = (lines: string[]) => buildPdf({ objects: onePage({ lines }) });

describe('npm run import: a letter that names a private person, whatever type it gets', () => {
  it('names nobody it publishes: a neutral addressee, the name out of title, summary and text, and an original that names them stays offline', async () => {
    const { content, data } = emptyArchive('ra-woo-');
    const folder = mkdtempSync(join(tmpdir(), 'ra-prive-'));
    // No questions and no Woo request: the import makes a raadsinformatiebrief of it, yet it is written to a resident.
    writeFileSync(
      join(folder, 'brief-bomen.pdf'),
      pdf([
        'Gemeente Almelo',
        'Postbus 5100, 7600 GC Almelo',
        'DE HEER J. BOSSCHAERT',
        'KERKSTRAAT 1',
        '7600 AA ALMELO',
        'Datum: 3 mei 2023',
        'Ons kenmerk: UIT-2023-1187',
        'Onderwerp: De zieke bomen bij de heer Bosschaert',
        '',
        'Geachte heer Bosschaert,',
        '',
        'Op 12 april 2023 meldde de heer Bosschaert ons dat de lindebomen aan de Kerkstraat',
        'ziek zijn. Wij hebben de bomen laten onderzoeken en vervangen ze dit najaar.',
        '',
        'Met vriendelijke groet,',
        'Burgemeester en wethouders van Almelo,',
      ]),
    );
    // A Woo decision that calls the request an "informatieverzoek", names no law and gives only the month.
    writeFileSync(
      join(folder, 'besluit-stadhuis.pdf'),
      pdf([
        'Gemeente Almelo',
        'Postbus 5100, 7600 GC Almelo',
        'Mevr. A. Bosschaert',
        'Kerkstraat 1',
        '7600 AA Almelo',
        'Datum: mei 2022',
        'Ons kenmerk: Z-2022-5100',
        'Onderwerp: Besluit op uw informatieverzoek',
        '',
        'Geachte mevrouw Bosschaert,',
        '',
        'Op 1 maart 2022 ontvingen wij het verzoek van mevrouw Bosschaert om informatie over',
        'de verkoop van het oude stadhuis.',
        '',
        'Besluit',
        '',
        'Wij hebben besloten de documenten openbaar te maken.',
        '',
        'Met vriendelijke groet,',
        'Burgemeester en wethouders van Almelo,',
      ]),
    );
    const results = await importFolder(folder, { contentRoot: content, dataRoot: data });
    expect(results.map((r) => [r.file, r.outcome, r.type])).toEqual([
      ['besluit-stadhuis.pdf', 'nakijken', 'woo-besluit'],
      ['brief-bomen.pdf', 'nakijken', 'raadsinformatiebrief'],
    ]);

    const [decision, letter] = results as [FileResult, FileResult];
    const letterFront = frontmatterOf(letter.briefing!);
    expect(letterFront).toMatchObject({ type: 'raadsinformatiebrief', titel: 'De zieke bomen bij de geadresseerde', aan: 'Een privépersoon', redactie: ['De geadresseerde is een privépersoon en wordt in dit archief niet bij naam genoemd.'] });
    expect(letterFront.samenvatting).toMatch(/^Op 12 april 2023 meldde de geadresseerde ons dat de lindebomen aan de Kerkstraat ziek zijn\./);
    // Its type has no check that keeps an original back: the original is not taken in.
    expect(letterFront.origineel).toBeUndefined();
    expect(letter.toCheck.join('\n')).toMatch(/^de geadresseerde: de aanhef of het adres noemt een privépersoon bij naam; .*zet de geanonimiseerde pdf bij origineel:$/m);
    expect(readFileSync(letter.briefing!, 'utf8')).not.toMatch(/bosschaert/i);

    const decisionFront = frontmatterOf(decision.briefing!);
    expect(decisionFront).toMatchObject({ type: 'woo-besluit', aan: 'De verzoeker', titel: 'Besluit op Woo-verzoek over de verkoop van het oude stadhuis', woo: { wet: 'woo', besluit: 'openbaar' } });
    expect(decisionFront.samenvatting).toMatch(/^Op 1 maart 2022 ontvingen wij het verzoek van de verzoeker om informatie over de verkoop van het oude stadhuis\.$/);
    expect(decision.notes).toContain('De naam van de verzoeker is 2 keer vervangen door “de verzoeker”.');
    expect(readFileSync(decision.briefing!, 'utf8').replace(/^origineel: .*$/m, '')).not.toMatch(/bosschaert/i);

    const check = checkArchive({ contentRoot: content, dataRoot: data });
    expect(check.errors.map(formatContentError)).toEqual([]);
    const site = build({ content, data });
    expect(site.status, site.output).toBe(0);
    expect(builtTexts(site.outDir).filter(([, text]) => /bosschaert/i.test(text)).map(([path]) => path)).toEqual([]);
    // The decision's original greets the requester: kept back. The letter has none.
    const published = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.pdf$/.test(name));
    expect(published).toEqual([]);
  });
});

describe('reading a Woo decision', () => {
  it('knows a request by any of its names', () => {
    for (const onderwerp of ['Besluit op uw informatieverzoek', 'Beslissing op uw verzoek om openbaarmaking', 'Besluit op uw openbaarmakingsverzoek', 'Besluit op uw Woo-verzoek']) {
      expect(isWooDecision(onderwerp, 'Wij hebben besloten de documenten openbaar te maken.'), onderwerp).toBe(true);
    }
    expect(isWooDecision('Uw verzoek om een parkeervergunning', 'Wij hebben besloten de vergunning te verlenen.')).toBe(false);
  });

  it('takes the law the letter names, and the date only when all of it lies on one side of 1 May 2022', () => {
    const wet = (body: string, date: string | undefined) => readWooDecision('Besluit', body, '', date).wet;
    // A year or a month is not a day: "2022" and "2022-05" may be after 1 May 2022.
    expect(wet('Wij maken de documenten openbaar op grond van de Woo.', '2022')).toBe('woo');
    expect(wet('Wij maken de documenten openbaar op grond van de Wet open overheid.', '2022-05')).toBe('woo');
    expect(wet('Wij maken de documenten openbaar.', '2022')).toBe('woo');
    expect(wet('Wij maken de documenten openbaar.', '2022-05')).toBe('woo');
    // The law named wins over the date.
    expect(wet('Wij maken de documenten openbaar op grond van de Woo.', '2022-03-14')).toBe('woo');
    expect(wet('Wij maken de documenten openbaar op grond van de Wob.', '2023-01-10')).toBe('wob');
    // Without a law named, a date wholly before the Woo decides.
    expect(wet('Wij maken de documenten openbaar.', '2022-04-30')).toBe('wob');
    expect(wet('Wij maken de documenten openbaar.', '2022-04')).toBe('wob');
    expect(wet('Wij maken de documenten openbaar.', '2021')).toBe('wob');
    expect(wet('Wij maken de documenten openbaar.', '2022-05-01')).toBe('woo');
    expect(wet('De Wob is vervangen door de Woo; wij maken de documenten openbaar.', '2022-06-02')).toBe('woo');
  });
});
