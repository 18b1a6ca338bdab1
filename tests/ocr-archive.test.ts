/**
 * `npm run ocr` on an archive, and what the build makes of its text. A Woo
 * decision whose signed original has a scanned first page (and a second page
 * with text) and a scanned attachment: the command stores the recognised text
 * beside each scanned PDF and leaves the text PDF alone, a second run does
 * nothing; the check accepts the archive; the build shows the reader that the
 * text was read from a scan, does not publish the text files, publishes the
 * PDFs byte for byte and makes words only the scans hold findable; a clerk's
 * correction is indexed anew.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { fileSearchRecords } from '../src/lib/publication/search-records';
import { OCR_ATTACHMENT_NOTE, OCR_ORIGINAL_NOTE } from '../src/lib/site/briefing-view';
import { build, copyFixture, projectRoot, textOf, type BuildResult } from './helpers/build';
import { buildPdf, onePage } from './helpers/pdf';
import { serve } from './helpers/serve';
import { joinPdfs, scanOf } from './helpers/scan';
import { indexedRecords } from './helpers/pagefind';

const ID = 'amsterdam-2021-besluit-woo-verzoek';
const ORIGINAL = 'bijlagen/besluit-woo-verzoek-ondertekend.pdf';
const SCAN = 'bijlagen/presentielijst-gescand.pdf';
const REPORT = 'bijlagen/inventarislijst.pdf';

// "Kangoeroewoning" and "aanwezigen" are only in the scans: not in any briefing, title or text layer.
const originalPdf = joinPdfs(
  scanOf(buildPdf({ objects: onePage({ lines: ['Datum 11 januari 2021', '', 'Geachte heer/mevrouw 10.2.e,', '', 'Uw verzoek gaat over de kangoeroewoning.', '', 'Wettelijk kader'] }) }), {
    stamp: 'Ontvangen 12 januari 2021',
  }),
  buildPdf({ objects: onePage({ lines: ['Gemeente Amsterdam  Datum 11 januari 2021  Pagina 2 van 2', 'Besluit', 'Wij maken de documenten openbaar.'] }) }),
);
const scanPdf = scanOf(buildPdf({ objects: onePage({ lines: ['Presentielijst', 'Handtekeningen van de aanwezigen'] }) }));
const reportPdf = buildPdf({ objects: onePage({ lines: ['Inventarislijst', 'Document 1: verzoek'] }) });

let fixture: ReturnType<typeof copyFixture>;
const stukken = () => join(fixture.content, 'stukken');
const ocrFile = (pdf: string) => join(stukken(), `${pdf}.ocr.txt`);

const runOcr = (...args: string[]) =>
  spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/ocr.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', RAADSARCHIEF_CONTENT: fixture.content },
    timeout: 120_000,
  });

let first: ReturnType<typeof runOcr>;

beforeAll(() => {
  fixture = copyFixture('basis');
  mkdirSync(join(stukken(), 'bijlagen'), { recursive: true });
  writeFileSync(join(stukken(), ORIGINAL), originalPdf);
  writeFileSync(join(stukken(), SCAN), scanPdf);
  writeFileSync(join(stukken(), REPORT), reportPdf);
  writeFileSync(
    join(stukken(), `${ID}.md`),
    [
      '---',
      'type: raadsinformatiebrief',
      'titel: Besluit op een Woo-verzoek',
      'organisatie: almelo',
      'datum: 2021-01-11',
      `origineel: ${ORIGINAL}`,
      'bijlagen:',
      '  - titel: "Bijlage 1: Presentielijst"',
      `    bestand: ${SCAN}`,
      '  - titel: "Bijlage 2: Inventarislijst"',
      `    bestand: ${REPORT}`,
      '---',
      'Wij hebben uw verzoek beoordeeld.',
      '',
    ].join('\n'),
  );
  first = runOcr();
});

describe('npm run ocr', () => {
  it('reads the scanned pages and stores their text beside each scanned PDF, and nothing beside a text PDF', () => {
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain(`${ORIGINAL}: pagina 1 gescand, wordt gelezen…`);
    expect(first.stdout).toMatch(/besluit-woo-verzoek-ondertekend\.pdf: pagina 1 gelezen \(1 van 1\)/);
    expect(first.stdout).toMatch(/presentielijst-gescand\.pdf: pagina 1 gelezen \(1 van 1\)/);
    expect(first.stdout).toMatch(/Klaar in [\d,]+ s: 2 pdf's gelezen \(2 pagina's, [\d,]+ pagina per seconde\); 1 pdf zonder gescande pagina's\./);

    const original = readFileSync(ocrFile(ORIGINAL), 'utf8');
    expect(original).toMatch(/^# Tekst van de gescande pagina's van besluit-woo-verzoek-ondertekend\.pdf/);
    expect(original).toContain('=== pagina 1 (tekstherkenning) ===');
    expect(original).not.toContain('=== pagina 2');
    expect(original).toMatch(/kangoeroewoning/);
    expect(original).toMatch(/Datum 11 januari 2021/);
    expect(readFileSync(ocrFile(SCAN), 'utf8')).toMatch(/Handtekeningen van de aanwezigen/);
    expect(readdirSync(join(stukken(), 'bijlagen')).sort()).toEqual([
      'besluit-woo-verzoek-ondertekend.pdf',
      'besluit-woo-verzoek-ondertekend.pdf.ocr.txt',
      'inventarislijst.pdf',
      'presentielijst-gescand.pdf',
      'presentielijst-gescand.pdf.ocr.txt',
    ]);
  });

  it('does nothing on a second run', () => {
    const before = statSync(ocrFile(ORIGINAL)).mtimeMs;
    const again = runOcr();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Niets te doen: 3 pdf's bekeken \(2 pdf's hadden hun tekst al, 1 pdf zonder gescande pagina's\)\./);
    expect(again.stdout).not.toMatch(/gelezen \(/);
    expect(statSync(ocrFile(ORIGINAL)).mtimeMs).toBe(before);
  });

  it('refuses an option it does not know, in Dutch', () => {
    const wrong = runOcr('--alles');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Onbekende optie --alles.');
    expect(wrong.stderr).toContain('Gebruik: npm run ocr [-- --opnieuw]');
  });

  it('leaves an archive the check accepts without a word about the text files', () => {
    const { errors, warnings } = checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data });
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => /ocr|tekstherkenning/i.test(`${w.message} ${w.hint}`))).toEqual([]);
  });
});


describe('the build of an archive with recognised text', () => {
  let site: BuildResult;
  beforeAll(() => {
    site = build({ content: fixture.content, data: fixture.data });
  });

  it('says beside the original and the scanned attachment that their text was read from a scan', () => {
    expect(site.status, site.output).toBe(0);
    const page = textOf(site.read(`stukken/${ID}/index.html`));
    expect(page).toContain(OCR_ORIGINAL_NOTE);
    expect(page).toContain(`Bijlage 1: Presentielijst (PDF, `);
    expect(page).toMatch(new RegExp(`Bijlage 1: Presentielijst \\(PDF, [\\d,]+ kB\\) \\(${OCR_ATTACHMENT_NOTE}\\)`));
    expect(page).toMatch(/Bijlage 2: Inventarislijst \(PDF, [^)]+\) (?!\()/);
    expect(page.split(OCR_ATTACHMENT_NOTE)).toHaveLength(2);
    // A briefing without scans says nothing of the kind.
    expect(textOf(site.read('stukken/brief-md/index.html'))).not.toMatch(/tekstherkenning|OCR/);
  });

  it('keeps the page valid and accessible with the notes: the Nu Html Checker and axe-core at 360 and 1280 px', async () => {
    const require = createRequire(import.meta.url);
    const vnu = spawnSync('java', ['-jar', require.resolve('vnu-jar/build/dist/vnu.jar'), '--errors-only', '--format', 'gnu', join(site.outDir, 'stukken', ID, 'index.html')], { encoding: 'utf8' });
    expect(`${vnu.stdout}${vnu.stderr}`.trim()).toBe('');
    expect(vnu.status).toBe(0);

    const server = await serve(site.outDir);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      for (const width of [360, 1280]) {
        // axe is injected as a script; the page's own policy would block it.
        const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
        await page.goto(`${server.origin}/stukken/${ID}/`);
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string }> }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag21a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
          return result.violations.map((v) => v.id);
        });
        expect(violations, `${width} px`).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);

  it('publishes the PDFs byte for byte and not the text files', () => {
    const published = readdirSync(join(site.outDir, 'stukken', ID)).sort();
    expect(published).toEqual(['besluit-woo-verzoek-ondertekend.pdf', 'index.html', 'inventarislijst.pdf', 'presentielijst-gescand.pdf']);
    expect(readFileSync(join(site.outDir, 'stukken', ID, 'besluit-woo-verzoek-ondertekend.pdf')).equals(Buffer.from(originalPdf))).toBe(true);
    const everything = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' });
    expect(everything.filter((name) => name.endsWith('.ocr.txt'))).toEqual([]);
  });

  it('indexes the recognised text with the text layer of the other pages', () => {
    expect(site.output).not.toMatch(/besluit-woo-verzoek-ondertekend\.pdf.*geen tekstlaag/);
    const records = indexedRecords(site.outDir);
    const original = records.find((r) => r.url === `/stukken/${ID}/besluit-woo-verzoek-ondertekend.pdf`);
    expect(original?.content).toMatch(/kangoeroewoning/);
    expect(original?.content).toMatch(/Wij maken de documenten openbaar\./);
    const scan = records.find((r) => r.url === `/stukken/${ID}/presentielijst-gescand.pdf`);
    expect(scan?.content).toMatch(/Handtekeningen van de aanwezigen/);
    expect(records.find((r) => r.url === `/stukken/${ID}/inventarislijst.pdf`)?.content).toMatch(/Document 1: verzoek/);
    expect(site.output).not.toMatch(/pdf\.js kan de tekst niet lezen/);
    // Only the scans hold the word: the briefing's page does not.
    expect(records.filter((r) => /kangoeroewoning/i.test(r.content)).map((r) => r.url)).toEqual([`/stukken/${ID}/besluit-woo-verzoek-ondertekend.pdf`]);
  });

  it('indexes a clerk’s correction of the recognised text anew', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'ra-pdf-tekst-'));
    const records = () => fileSearchRecords({ contentRoot: fixture.content, outDir: site.outDir, cacheDir, warn: () => {} });
    const contentOf = (report: Awaited<ReturnType<typeof records>>) => report.records.find((r) => r.record.url.endsWith('presentielijst-gescand.pdf'))!.record.content;
    expect((await records()).extracted).toBe(3);
    const cached = await records();
    expect([cached.extracted, cached.fromCache]).toEqual([0, 3]);

    writeFileSync(ocrFile(SCAN), readFileSync(ocrFile(SCAN), 'utf8').replace('aanwezigen', 'aanwezigen en de notulist'));
    const corrected = await records();
    expect([corrected.extracted, corrected.fromCache]).toEqual([1, 2]);
    expect(contentOf(corrected)).toContain('aanwezigen en de notulist');
  });
});

describe('a stored text that no longer fits', () => {
  const ocrWarnings = () =>
    checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data })
      .warnings.filter((w) => /ocr|tekstherkenning/i.test(w.message))
      .map((w) => `${w.file}:${w.line} ${w.message}`);

  it('is warned about by the check when text stands above the first page line, with the line in the text file', () => {
    const path = ocrFile(SCAN);
    const stored = readFileSync(path, 'utf8');
    writeFileSync(path, stored.replace('=== pagina 1', 'tekst zonder pagina\n=== pagina 1'));
    try {
      expect(ocrWarnings()).toEqual([
        expect.stringMatching(
          new RegExp(`^.*${ID}\\.md:\\d+ bijlagen\\[1\\]\\.bestand: .*presentielijst-gescand\\.pdf\\.ocr\\.txt, regel 4: hier staat tekst boven de eerste regel "=== pagina N \\(tekstherkenning\\) ==="`),
        ),
      ]);
    } finally {
      writeFileSync(path, stored);
    }
  });

  it('is warned about when the PDF was replaced after its scan was read, and npm run ocr reads it again', () => {
    writeFileSync(join(stukken(), SCAN), scanOf(buildPdf({ objects: onePage({ lines: ['Presentielijst', 'Handtekeningen van de insprekers'] }) })));
    expect(ocrWarnings()).toEqual([expect.stringMatching(/bijlagen\[1\]\.bestand: de tekstherkenning in .*presentielijst-gescand\.pdf\.ocr\.txt is gelezen uit een andere versie van de pdf$/)]);
    const again = runOcr();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${SCAN}: de pdf is vervangen; pagina 1 gescand, wordt gelezen…`);
    expect(again.stdout).toMatch(/Klaar in [\d,]+ s: 1 pdf gelezen \(1 pagina, /);
    expect(readFileSync(ocrFile(SCAN), 'utf8')).toMatch(/insprekers/);
    expect(ocrWarnings()).toEqual([]);
  });

  it('is read anew for every scan with --opnieuw', () => {
    const again = runOcr('--opnieuw');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(', alles opnieuw.');
    expect(again.stdout).toMatch(/Klaar in [\d,]+ s: 2 pdf's gelezen \(2 pagina's, [\d,]+ pagina per seconde\); 1 pdf zonder gescande pagina's\./);
  });
});
