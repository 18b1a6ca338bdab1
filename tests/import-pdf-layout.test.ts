/**
 * `npm run import` with PDF letters in the shapes real municipal archives
 * publish: a Woo decision letter with its letterhead in a side column, a
 * running header and page numbers on every page, bold section headings,
 * numbered points, redaction codes, letter-spaced type and a misread web
 * address. The briefing has the letter's headings and lists, none of the page
 * furniture, the date and kenmerk of the letterhead — or of the running
 * header when page 1 is a scan — and passes the check.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { checkArchive } from '../src/lib/content/check';
import { importFile } from '../src/lib/import/import-letters';
import { readPdf } from '../src/lib/import/pdf-reader';
import type { PageText } from '../src/lib/import/page-text';
import { briefingProcessor, MARKDOWN_OPTIONS } from '../src/markdown/processor';
import { projectRoot } from './helpers/build';
import { wooDecisionLetter } from './helpers/pdf-letters';

/** An archive with the sample's organisations and Amsterdam. */
function archiveWithAmsterdam() {
  const dir = mkdtempSync(join(tmpdir(), 'ra-import-pdf-'));
  const content = join(dir, 'content');
  const data = join(dir, 'data');
  cpSync(join(projectRoot, 'content/organisaties'), join(content, 'organisaties'), { recursive: true });
  writeFileSync(join(content, 'organisaties', 'amsterdam.yaml'), 'naam: Gemeente Amsterdam\nsoort: gemeente\ncbsCode: GM0363\nwebsite: https://www.amsterdam.nl\n');
  cpSync(join(projectRoot, 'content/site.yaml'), join(content, 'site.yaml'));
  mkdirSync(join(content, 'stukken'), { recursive: true });
  mkdirSync(data, { recursive: true });
  return { dir, content, data, options: { contentRoot: content, dataRoot: data } };
}

async function imported(pdf: Buffer) {
  const archive = archiveWithAmsterdam();
  const path = join(archive.dir, 'besluit-woo-verzoek.pdf');
  writeFileSync(path, pdf);
  const result = await importFile(path, 'besluit-woo-verzoek.pdf', archive.options);
  expect(result.outcome, `${result.message} ${result.hint}`).toBe('nakijken');
  const text = readFileSync(result.briefing!, 'utf8');
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  return { archive, result, text, body: body!, data: load(front!) as Record<string, any> };
}

const isoDate = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
/** Page furniture as it stands on the pages: header fields, page numbers, the letterhead's column. */
const FURNITURE = [/Pagina \d/, /Kenmerk 2020-13953/, /Datum 11 januari/, /^\d+$/m, /Bezoekadres/, /Amstel 1/, /Telefoon 14 020/, /Da tum/, /Retouradres/, /Inventarislijst/];

describe('npm run import: a Woo decision letter as PDF', () => {
  it('gives the letter’s headings, numbered points and lists, and keeps page furniture out of the body', async () => {
    const { body } = await imported(wooDecisionLetter());
    for (const heading of ['Uw verzoek', 'Wettelijk kader', 'Inventarisatie documenten', 'Zienswijze', 'Wijze van openbaarmaking', 'Besluit']) expect(body).toContain(`\n## ${heading}\n`);
    // The numbered points keep their numbers, also when the letter resumes them after a paragraph.
    expect(body).toContain('1. de aanvraag voor de evenementenvergunning van 2 februari 2019, met de bijlagen die de organisator meestuurde;\n2. de evenementenvergunning van 14 maart 2019;');
    expect(body).toContain('3. het verslag van het overleg met de organisator van 4 april 2019;\n4. de evaluatie van het evenement van 1 oktober 2019.');
    expect(body).toContain('- documenten 1 en 2 worden openbaar;\n- in documenten 3 en 4 zijn namen weggelakt.\n\nU kunt tegen dit besluit bezwaar maken:');
    expect(body).toContain('- a. binnen zes weken na de dag van verzending;\n- b. schriftelijk of digitaal.');
    expect(body).not.toMatch(/\d\\\./);
    // The paragraph cut by the page break runs on after the next page's header.
    expect(body).toContain('Zo kunt u zien waarom iets is weggelaten. Wij hebben de documenten per onderdeel bekeken en gewogen');
    for (const furniture of FURNITURE) expect(body).not.toMatch(furniture);
    expect(body).not.toContain('Geachte');
    expect(body).not.toContain('Met vriendelijke groet');
    expect(body).not.toContain('Een pdf heeft geen opmaak');
  });

  it('reads the date, kenmerk, subject and sender from the letterhead’s side column', async () => {
    const { data, result } = await imported(wooDecisionLetter());
    expect(isoDate(data.datum)).toBe('2021-01-11');
    expect(data).toMatchObject({ kenmerk: '2020-13953', organisatie: 'amsterdam', onderwerp: 'Besluit op uw Wob-verzoek over de Sloterplas', bijlagen: [{ titel: 'Inventarislijst' }] });
    expect(data.ondertekening).toMatchObject({ namens: 'Burgemeester en wethouders van Amsterdam', personen: [{ functie: 'burgemeester', naam: 'F. Halsema' }] });
    expect(result.toCheck.join('\n')).not.toMatch(/datum van de brief|het kenmerk/);
  });

  it('keeps redaction codes as text, and makes no link of a misread web address', async () => {
    const { body, text } = await imported(wooDecisionLetter());
    expect(body).toContain('Mevrouw 10.2.e heeft u op 10 december 2020 gebeld');
    expect(body).toContain('Wij hebben 10.2.e gevraagd om een zienswijze. 10.2.e heeft op 10 december 2020');
    expect(body).toContain('niet openbaar op grond van artikel 5.1.2e Woo');
    expect(text).not.toMatch(/^#+ .*10\.2\.e/m);
    const renderer = await briefingProcessor().createRenderer(MARKDOWN_OPTIONS);
    const html = (await renderer.render(body, {} as never)).code;
    expect(html).toContain('staat op www<!-- geen link -->.amsterdam.01 onder het kopje Woo');
    expect(html).not.toMatch(/<a [^>]*amsterdam\.01/);
    expect(html).toContain('<ol start="3">');
  });

  it('is accepted by the check', async () => {
    const { archive } = await imported(wooDecisionLetter());
    expect(checkArchive({ contentRoot: archive.content, dataRoot: archive.data }).errors).toEqual([]);
  });

  it('a letter whose first page is a scan still has its date, kenmerk and sender from the running header', async () => {
    const { data, body, result, archive } = await imported(wooDecisionLetter({ scannedFirstPage: true }));
    expect(isoDate(data.datum)).toBe('2021-01-11');
    expect(data).toMatchObject({ kenmerk: '2020-13953', organisatie: 'amsterdam' });
    expect(body).toContain('## Inventarisatie documenten');
    for (const furniture of FURNITURE) expect(body).not.toMatch(furniture);
    expect(result.notes.join('\n')).toMatch(/Pagina 1 is een scan zonder tekst/);
    expect(checkArchive({ contentRoot: archive.content, dataRoot: archive.data }).errors).toEqual([]);
  });

  it('reads a scanned page with the OCR it is given, headings and all', async () => {
    const ocrLine = (text: string, y: number, x = 74) => ({ text, x, right: x + text.length * 5.6, y, size: 11.4, bold: false });
    const ocr = async (_data: Uint8Array, pages: number[]): Promise<PageText[]> =>
      pages.map((page) => ({
        page,
        width: 595,
        height: 842,
        source: 'ocr',
        lines: [
          ocrLine('Gemeente Amsterdam', 58, 430),
          ocrLine('Datum 11 januari 2021', 190, 430),
          ocrLine('Kenmerk 2020-13953', 214, 430),
          ocrLine('Geachte mevrouw 10.2.e,', 279),
          ocrLine('Op 25 november 2020 hebben wij uw verzoek ontvangen. U', 306),
          ocrLine('vraagt om openbaarmaking van documenten over het evenement.', 320),
          ocrLine('Uw verzoek', 349),
          ocrLine('U vraagt om alle documenten over de vergunning voor het', 377),
          ocrLine('evenement aan de Sloterplas in 2019 en 2020.', 391),
        ],
      }));
    const letter = await readPdf(wooDecisionLetter({ scannedFirstPage: true }), { ocr });
    expect(letter.notes[0]).toMatch(/pagina 1 is met tekstherkenning \(OCR\) gelezen/);
    const headings = letter.blocks.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.text);
    expect(headings.slice(0, 2)).toEqual(['Uw verzoek', 'Inventarisatie documenten']);
    expect(letter.blocks.some((b) => b.kind === 'paragraph' && b.text.startsWith('Op 25 november 2020 hebben wij uw verzoek ontvangen. U vraagt om openbaarmaking'))).toBe(true);
  });

  it('reads a letter as a word processor or browser prints it: embedded fonts, bold by font name, header and footer on every page', { timeout: 60_000 }, async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    let pdf: Buffer;
    try {
      const page = await browser.newPage();
      const sentences = ['Het college heeft de aanvraag zorgvuldig bekeken.', 'Daarbij zijn de belangen van omwonenden en van de organisator tegen elkaar afgewogen.', 'Ook is gekeken naar de gevolgen voor het verkeer rond de Sloterplas.', 'De politie en de brandweer hebben advies gegeven over de veiligheid.', 'Dat advies is in het besluit overgenomen.'];
      const paragraph = (n: number) => `<p>${Array.from({ length: 5 }, (_, i) => sentences[(n + i) % sentences.length]).join(' ')} (${n})</p>`;
      await page.setContent(`<!doctype html><html lang="nl"><head><style>
        body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11pt; margin: 0; }
        .kolom { position: absolute; left: 440pt; top: 0; width: 120pt; font-size: 8pt; }
        main { width: 330pt; } h2 { font-size: 11pt; margin: 14pt 0 4pt; } p { margin: 0 0 11pt; }
        </style></head><body>
        <div class="kolom"><b>Gemeente Amsterdam</b><br>Juridische Zaken<br><br><b>Datum</b><br>11 januari 2021<br><b>Ons kenmerk</b><br>2020-13953<br><b>Behandeld door</b><br>10.2.e</div>
        <main><p>Mevrouw 10.2.e<br>Per e-mail</p><p><b>Onderwerp</b> Besluit op uw Woo-verzoek</p><p>Geachte mevrouw 10.2.e,</p>
        ${paragraph(1)}<h2>Uw verzoek</h2>${paragraph(2)}${paragraph(3)}<h2>Wettelijk kader</h2>${paragraph(4)}
        <ol><li>de aanvraag voor de evenementenvergunning van 2 februari 2019, met de bijlagen die de organisator meestuurde;</li><li>de vergunning.</li></ol>
        ${paragraph(5)}${paragraph(6)}<h2>Besluit</h2>${paragraph(7)}${paragraph(8)}${paragraph(9)}${paragraph(10)}${paragraph(11)}
        <p>Met vriendelijke groet,<br>Burgemeester en wethouders van Amsterdam,<br>de burgemeester,<br>F. Halsema</p></main></body></html>`);
      pdf = await page.pdf({
        format: 'A4',
        margin: { top: '120px', bottom: '93px', left: '80px', right: '40px' },
        displayHeaderFooter: true,
        headerTemplate: '<div style="font-size:8pt;margin-left:80px;font-family:Arial">Gemeente Amsterdam &nbsp; Datum 11 januari 2021 &nbsp; Kenmerk 2020-13953 &nbsp; Pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>',
        footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center"><span class="pageNumber"></span></div>',
      });
    } finally {
      await browser.close();
    }
    const { body, data } = await imported(pdf);
    expect(isoDate(data.datum)).toBe('2021-01-11');
    expect(data).toMatchObject({ kenmerk: '2020-13953', organisatie: 'amsterdam', onderwerp: 'Besluit op uw Woo-verzoek' });
    for (const heading of ['Uw verzoek', 'Wettelijk kader', 'Besluit']) expect(body).toContain(`\n## ${heading}\n`);
    expect(body).toContain('1. de aanvraag voor de evenementenvergunning van 2 februari 2019, met de bijlagen die de organisator meestuurde;\n2. de vergunning.');
    for (let n = 1; n <= 11; n++) expect(body).toContain(`(${n})\n`);
    for (const furniture of FURNITURE) expect(body).not.toMatch(furniture);
  });
});
