/**
 * A folder as real archives hold them: a letter that is only a scan, a letter
 * whose signed first page is a scan with a small text stamp and whose other
 * pages have text, and a text letter. The import reads the scanned pages by
 * OCR, keeps what it read beside the original, and the built archive finds
 * a word that only the scan holds. Bad input gets one Dutch line per file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { readOcrText } from '../src/lib/content/ocr-text';
import { formatContentError } from '../src/lib/errors/content-error';
import { importFolder, type FileResult } from '../src/lib/import/import-letters';
import { build, type BuildResult } from './helpers/build';
import { buildPdf, onePage } from './helpers/pdf';
import { joinPdfs, scanOf } from './helpers/scan';
import { emptyArchive } from './helpers/archive';
import { indexedRecords } from './helpers/pagefind';

const letter = (kenmerk: string, date: string, subject: string, lines: string[]) => [
  'Gemeente Almelo',
  'Postbus 5100, 7600 GC Almelo',
  `Datum: ${date}`,
  `Ons kenmerk: ${kenmerk}`,
  `Onderwerp: ${subject}`,
  '',
  'Geachte leden van de raad,',
  '',
  ...lines,
  '',
  'Met vriendelijke groet,',
  'Burgemeester en wethouders van Almelo,',
];

const frontmatterOf = (path: string) => load(readFileSync(path, 'utf8').split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;

describe('npm run import: scans and mixed PDFs', () => {
  const { content, data } = emptyArchive('ra-scans-');
  const folder = mkdtempSync(join(tmpdir(), 'ra-scanmap-'));
  let results: FileResult[];
  let site: BuildResult;
  beforeAll(async () => {
    // Only a scan: the letter about the speeltuin, whose rare word only the picture holds.
    writeFileSync(join(folder, 'a-scan.pdf'), scanOf(buildPdf({ objects: onePage({ lines: letter('UIT-23004411', '12 april 2023', 'Speeltuin Kerkplein', ['Het college heeft besloten de speeltuin aan het Kerkplein te', 'vernieuwen met een kabelbaan en een zandbak voor de kleinsten.']) }) })));
    // Mixed: the signed first page scanned (with the scanner's small stamp), the second page with text.
    const pageOne = letter('UIT-23005522', '3 mei 2023', 'Fietsenstalling station', ['Het college informeert u over de nieuwe fietsenstalling bij het station.', 'Er komen vijfhonderd plaatsen bij, waarvan vijftig voor bakfietsen.']).slice(0, -3);
    const first = scanOf(buildPdf({ objects: onePage({ lines: pageOne }) }), { stamp: 'Ingekomen 04-05-2023' });
    const second = buildPdf({ objects: onePage({ lines: ['De bouw begint in september en duurt tot het voorjaar van 2024.', 'Tijdens de bouw kunt u fietsen parkeren aan de Stationsstraat.', '', 'Met vriendelijke groet,', 'Burgemeester en wethouders van Almelo,'] }) });
    writeFileSync(join(folder, 'b-gemengd.pdf'), joinPdfs(first, second));
    // A Woo decision that exists only as a scan.
    writeFileSync(join(folder, 'd-woo-besluit-gescand.pdf'), scanOf(buildPdf({ objects: onePage({ lines: letter('Z-2023-0412', '9 juni 2023', 'Besluit op uw Woo-verzoek', ['Op 2 mei 2023 hebben wij uw verzoek ontvangen om informatie over de', 'bomenkap in het Beatrixpark. Wij hebben besloten de documenten', 'gedeeltelijk openbaar te maken.']) }) })));
    // A picture of an empty page: nothing to read.
    writeFileSync(join(folder, 'c-leeg-gescand.pdf'), scanOf(buildPdf({ objects: onePage({ lines: [''] }) })));
    results = await importFolder(folder, { contentRoot: content, dataRoot: data });
    site = build({ content, data });
  }, 600_000);

  it('reads the scan and the scanned first page by OCR, with the date, kenmerk and sender from the picture', () => {
    expect(results.map((r) => [r.file, r.outcome])).toEqual([
      ['a-scan.pdf', 'nakijken'],
      ['b-gemengd.pdf', 'nakijken'],
      ['c-leeg-gescand.pdf', 'mislukt'],
      ['d-woo-besluit-gescand.pdf', 'nakijken'],
    ]);
    expect(frontmatterOf(results[3]!.briefing!)).toMatchObject({ type: 'woo-besluit', titel: 'Besluit op Woo-verzoek over de bomenkap in het Beatrixpark', woo: { verzoek: 'de bomenkap in het Beatrixpark', besluit: 'deels-openbaar' } });
    const scan = frontmatterOf(results[0]!.briefing!);
    expect(scan).toMatchObject({ organisatie: 'almelo', kenmerk: 'UIT-23004411', titel: 'Speeltuin Kerkplein' });
    expect(String(scan.datum instanceof Date ? scan.datum.toISOString().slice(0, 10) : scan.datum)).toBe('2023-04-12');
    expect(readFileSync(results[0]!.briefing!, 'utf8')).toMatch(/kabelbaan/);
    const mixed = readFileSync(results[1]!.briefing!, 'utf8');
    expect(frontmatterOf(results[1]!.briefing!)).toMatchObject({ kenmerk: 'UIT-23005522', titel: 'Fietsenstalling station' });
    expect(mixed).toMatch(/vijfhonderd plaatsen/);
    expect(mixed).toContain('De bouw begint in september');
    expect(mixed).not.toContain('Ingekomen');
    for (const result of results.slice(0, 2)) expect(result.notes.join('\n')).toMatch(/met tekstherkenning \(OCR\) gelezen/);
  });

  it('keeps what OCR read beside each original, only for the scanned pages', () => {
    const scanOriginal = join(content, 'stukken', frontmatterOf(results[0]!.briefing!).origineel);
    expect(readOcrText(scanOriginal)?.get(1)).toMatch(/kabelbaan/);
    const mixedOriginal = join(content, 'stukken', frontmatterOf(results[1]!.briefing!).origineel);
    expect([...readOcrText(mixedOriginal)!.keys()]).toEqual([1]);
  });

  it('says in one Dutch line what is wrong with a scan OCR finds no text in, and writes nothing for it', () => {
    expect(results[2]!.message).toBe('de pdf heeft geen tekstlaag: het is waarschijnlijk een scan');
    const written = readdirSync(join(content, 'stukken'), { recursive: true, encoding: 'utf8' }).filter((name) => !statSync(join(content, 'stukken', name)).isDirectory());
    expect(written.filter((name) => name.endsWith('.md'))).toHaveLength(3);
  });

  it('builds an archive the check accepts, whose search finds a word only the scan holds', () => {
    expect(checkArchive({ contentRoot: content, dataRoot: data }).errors.map(formatContentError)).toEqual([]);
    expect(site.status, site.output).toBe(0);
    const records = indexedRecords(site.outDir);
    const id = results[0]!.briefing!.replace(/^.*\//, '').replace(/\.md$/, '');
    expect(records.filter((r) => /kabelbaan/.test(r.content)).map((r) => r.url).sort()).toEqual([`/stukken/${id}/`, `/stukken/${id}/${frontmatterOf(results[0]!.briefing!).origineel.replace(/^bijlagen\//, '')}`].sort());
    expect(site.read(`stukken/${id}/index.html`)).toContain('tekstherkenning (OCR)');
    expect(existsSync(join(site.outDir, 'stukken', id, `${frontmatterOf(results[0]!.briefing!).origineel.replace(/^bijlagen\//, '')}.ocr.txt`))).toBe(false);
  });
});
